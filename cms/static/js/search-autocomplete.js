/* Search suggestions for the header search box (progressive enhancement; the form works without it).
   ARIA 1.2 combobox with a list box: arrow keys move through the suggestions, Enter opens one, Escape closes. */
(function () {
    "use strict";
    var form = document.querySelector("form[data-autocomplete-url]");
    if (!form || !window.fetch) { return; }
    var input = form.querySelector("input[type=search]");
    var url = form.getAttribute("data-autocomplete-url");
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var timer = null;
    var active = -1;
    var lastQuery = "";

    list.id = "site-search-suggestions";
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("data-suggestions-label") || "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    form.classList.add("search-form--autocomplete");
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
        list.hidden = true;
        list.textContent = "";
        active = -1;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
        var items = options();
        if (!items.length) { return; }
        active = (index + items.length) % items.length;
        items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
        input.setAttribute("aria-activedescendant", items[active].id);
    }

    function render(results) {
        close();
        results.forEach(function (result, i) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            var type = document.createElement("span");
            item.id = "site-search-suggestion-" + i;
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", "false");
            link.href = result.url;
            link.tabIndex = -1;
            link.textContent = result.title;
            type.className = "search-suggestions__type";
            type.textContent = result.type;
            link.appendChild(type);
            item.appendChild(link);
            list.appendChild(item);
        });
        var template = form.getAttribute("data-suggestions-count") || "{n}";
        status.textContent = results.length ? template.replace("{n}", results.length) : "";
        if (results.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }
    }

    function lookup() {
        var query = input.value.trim();
        if (query === lastQuery) { return; }
        lastQuery = query;
        if (query.length < 2) { close(); return; }
        fetch(url + "?q=" + encodeURIComponent(query), { headers: { "Accept": "application/json" }, credentials: "omit" })
            .then(function (response) { return response.ok ? response.json() : { results: [] }; })
            .then(function (data) { if (input.value.trim() === query) { render(data.results || []); } })
            .catch(close);
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(lookup, 200);
    });
    input.addEventListener("keydown", function (event) {
        if (list.hidden) { return; }
        if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
        else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
        else if (event.key === "Escape") { close(); }
        else if (event.key === "Enter" && active >= 0) {
            event.preventDefault();
            window.location.href = options()[active].querySelector("a").href;
        }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
})();

/* Quick exit ("Snel weg"): leave for a neutral website at once, replacing this page in the history so that
   Back does not return to it. Without JavaScript the button is a plain link to the same neutral website.
   Shortcut: press Escape twice within a second.

   One visit, one history entry: links and search forms that stay on this website replace the current entry
   instead of adding one, so after "Snel weg" Back leads to where the visitor was before the website, not to
   the previous page of it. On a page reached from the microsite (data-carry), the links keep the button. */
(function () {
    "use strict";
    var box = document.querySelector("[data-quick-exit-url]");
    if (!box) { return; }
    var url = box.getAttribute("data-quick-exit-url");
    var carry = box.getAttribute("data-carry");
    var lastEscape = 0;

    function leave(event) {
        if (event) { event.preventDefault(); }
        // Hide the page first: a slow network must not leave it on screen.
        document.documentElement.classList.add("quick-exit-leaving");
        document.title = "";
        window.location.replace(url);
    }

    function sameSite(target) {
        return target.origin === window.location.origin;
    }

    function go(target) {
        if (carry) { target.searchParams.set(carry, "1"); }
        window.location.replace(target.href);
    }

    box.querySelectorAll("[data-quick-exit]").forEach(function (link) {
        link.addEventListener("click", leave);
    });
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" && event.key !== "Esc") { return; }
        var now = Date.now();
        if (now - lastEscape < 1000) {
            leave(event);
        }
        lastEscape = now;
    });
    document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a[href]");
        if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey
            || event.shiftKey || event.altKey || link.target || link.hasAttribute("download")) { return; }
        var target = new URL(link.href, window.location.href);
        if (!sameSite(target) || target.protocol.indexOf("http") !== 0) { return; }
        if (target.pathname === window.location.pathname && target.search === window.location.search && target.hash) {
            return;  // a jump within the page
        }
        event.preventDefault();
        go(target);
    });
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (event.defaultPrevented || (form.method || "get").toLowerCase() !== "get") { return; }
        var target = new URL(form.action || window.location.href, window.location.href);
        if (!sameSite(target)) { return; }
        target.search = new URLSearchParams(new FormData(form)).toString();
        event.preventDefault();
        go(target);
    });
})();

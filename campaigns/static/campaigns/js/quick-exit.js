/* Quick exit ("Snel weg"): leave for a neutral website at once, replacing this page in the history so that
   Back does not return to it. Without JavaScript the button is a plain link to the same neutral website.
   Shortcut: press Escape twice within a second. */
(function () {
    "use strict";
    var box = document.querySelector("[data-quick-exit-url]");
    if (!box) { return; }
    var url = box.getAttribute("data-quick-exit-url");
    var lastEscape = 0;

    function leave(event) {
        if (event) { event.preventDefault(); }
        // Hide the page first: a slow network must not leave it on screen.
        document.documentElement.classList.add("quick-exit-leaving");
        document.title = "";
        window.location.replace(url);
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
})();

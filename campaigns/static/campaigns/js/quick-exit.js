/* Quick exit ("Snel weg"): leave for a neutral website at once, replacing this page in the history so that
   Back does not return to it. Without JavaScript the button is a plain link to the same neutral website.
   Shortcut: press Escape twice within a second.

   One visit, one history entry: links and search forms that stay on this website replace the current entry
   instead of adding one, so after "Snel weg" Back leads to where the visitor was before the website, not to
   the previous page of it. On a page reached from the microsite (data-carry), the links keep the button.

   This script is loaded without `defer`, just before the quick-exit box (components/quick_exit.html), and
   listens on the document: its listeners are in place before any link or the button itself is on screen. A
   deferred script ran only after the page was parsed, so a visitor who tapped a link on a slow phone before
   that got an extra history entry, and Back after "Snel weg" showed the microsite again. */
(function () {
    "use strict";
    var lastEscape = 0;

    function box() {
        return document.querySelector("[data-quick-exit-url]");
    }

    function leave(event) {
        var url = box() && box().getAttribute("data-quick-exit-url");
        if (!url) { return; }
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
        var carry = box() && box().getAttribute("data-carry");
        if (carry) { target.searchParams.set(carry, "1"); }
        window.location.replace(target.href);
    }

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" && event.key !== "Esc") { return; }
        var now = Date.now();
        if (now - lastEscape < 1000) {
            leave(event);
        }
        lastEscape = now;
    });
    document.addEventListener("click", function (event) {
        if (event.target.closest && event.target.closest("[data-quick-exit]")) {
            leave(event);
            return;
        }
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

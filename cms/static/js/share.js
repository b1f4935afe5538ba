/* Share links, enhanced: "copy link" copies instead of navigating, and a "share via" button opens the
   phone's own share sheet (which offers Signal and other apps). Without JavaScript both stay plain links.
   A button with data-copy-value (the bank account on "Steun LOS") copies that value; it stays hidden where
   the browser cannot copy. */
(function () {
    "use strict";
    if (window.losShareReady) { return; }  /* included by several components on one page: bind once */
    window.losShareReady = true;
    var status = document.querySelector("[data-share-status]");
    function announce(text) { if (status) { status.textContent = text; } }
    document.querySelectorAll("[data-share-copy]").forEach(function (link) {
        if (!navigator.clipboard) { return; }
        link.hidden = false;
        link.addEventListener("click", function (event) {
            event.preventDefault();
            navigator.clipboard.writeText(link.getAttribute("data-copy-value") || link.href).then(function () {
                announce(link.getAttribute("data-copied-label"));
            });
        });
    });
    if (navigator.share) {
        document.querySelectorAll("[data-share-native]").forEach(function (button) {
            var item = button.closest("[data-share-native-item]");
            if (item) { item.hidden = false; }
            button.addEventListener("click", function () {
                navigator.share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") })
                    .catch(function () { /* the visitor closed the share sheet */ });
            });
        });
    }
})();

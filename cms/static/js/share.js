/* Share links, enhanced: "copy link" copies instead of navigating, and a "share via" button opens the
   phone's own share sheet (which offers Signal and other apps). Without JavaScript both stay plain links. */
(function () {
    "use strict";
    var status = document.querySelector("[data-share-status]");
    function announce(text) { if (status) { status.textContent = text; } }
    document.querySelectorAll("[data-share-copy]").forEach(function (link) {
        if (!navigator.clipboard) { return; }
        link.addEventListener("click", function (event) {
            event.preventDefault();
            navigator.clipboard.writeText(link.href).then(function () {
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

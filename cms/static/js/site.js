/* Progressive enhancements; every page works without this file. */
(function () {
    "use strict";
    // Privacy-friendly video: the iframe (and so the connection to the video host) exists only after a click.
    document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
        var button = figure.querySelector(".video__play");
        var src = figure.getAttribute("data-video-embed");
        if (!button || !src) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            var iframe = document.createElement("iframe");
            iframe.src = src;
            iframe.title = figure.getAttribute("data-video-title") || "";
            iframe.allow = "autoplay; fullscreen; picture-in-picture";
            iframe.referrerPolicy = "no-referrer";
            var consent = figure.querySelector(".video__consent");
            consent.replaceWith(iframe);
            iframe.focus();
        });
    });
})();

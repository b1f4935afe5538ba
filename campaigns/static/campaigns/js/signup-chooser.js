// The page chooser of a sign-up block in the campaign editor opens at the campaign itself, where its forms are
// (the "Aanmeldformulier toevoegen" button puts them there), instead of at the top of the page tree.
//
// Wagtail opens an empty chooser at the highest common ancestor of all pages of the chosen type; our forms live
// under several campaigns and projects, in two sites and several languages, so that is the root. A StreamField
// block does not know which page is being edited, and Wagtail has no per-page starting point for a chooser
// (wagtail/wagtail#3322, #12922), so the campaign's forms panel names the campaign (data-signup-forms-parent) and
// this gives an empty sign-up chooser that page as its starting point. A chooser with a form in it opens at that
// form's parent, as Wagtail does anyway.
(function () {
  "use strict";
  var SIGNUP_FORM_PAGE = "campaigns.signupformpage";

  // Both chooser widgets (the form field's and the StreamField block's, which telepath builds from a class of its
  // own) open window.PageChooserModal; its getURL appends the starting page, so the start is set there.
  function install() {
    var marker = document.querySelector("[data-signup-forms-parent]");
    var Modal = window.PageChooserModal;
    if (!marker || !Modal || Modal.prototype.losSignupParent) return;
    var parentId = Number(marker.getAttribute("data-signup-forms-parent"));
    var original = Modal.prototype.getURL;
    Modal.prototype.losSignupParent = parentId;
    Modal.prototype.getURL = function (options) {
      if (options && !options.parentId && (options.modelNames || []).indexOf(SIGNUP_FORM_PAGE) !== -1) {
        options = Object.assign({}, options, { parentId: parentId });
      }
      return original.call(this, options);
    };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", install);
  } else {
    install();
  }
})();

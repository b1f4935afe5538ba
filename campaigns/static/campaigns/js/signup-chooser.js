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

  function install() {
    var marker = document.querySelector("[data-signup-forms-parent]");
    var Chooser = window.PageChooser;
    if (!marker || !Chooser || Chooser.prototype.losSignupParent) return;
    var parentId = Number(marker.getAttribute("data-signup-forms-parent"));
    var original = Chooser.prototype.getModalOptions;
    Chooser.prototype.losSignupParent = parentId;
    Chooser.prototype.getModalOptions = function () {
      var options = original.apply(this, arguments);
      if (!options.parentId && (options.modelNames || []).indexOf(SIGNUP_FORM_PAGE) !== -1) {
        options.parentId = parentId;
      }
      return options;
    };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", install);
  } else {
    install();
  }
})();

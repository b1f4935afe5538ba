"""The campaign editor's panel: its sign-up forms and "Aanmeldformulier toevoegen" (campaigns/signup_shortcut.py)."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel


class SignupFormsPanel(Panel):
    """In the campaign editor: its sign-up forms (with a link to each) and the "Aanmeldformulier toevoegen" button."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/signup_forms_panel.html"

        class Media:
            # An empty sign-up block's page chooser opens at this campaign (the script says why).
            js = ["campaigns/js/signup-chooser.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            from campaigns.models import SignupFormPage

            page = self.instance
            saved = bool(page.pk)
            context["signup_forms"] = SignupFormPage.objects.child_of(page).order_by("path") if saved else []
            context["chooser_parent"] = page.pk if saved else None
            context["add_url"] = reverse("campaigns_add_signup_form", args=[page.pk]) if saved else None
            return context

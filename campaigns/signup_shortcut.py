"""A campaign and its sign-up form in one pass (issue 16, item 7): "Aanmeldformulier toevoegen" on the campaign.

Before, an editor made the campaign, then the form as a child page, then went back to the campaign to add the
sign-up block and find the form in a page chooser. Now the campaign editor shows its forms and a button; the button
asks only what kind of form, creates the form page as a draft child of the campaign with the usual questions, puts
a sign-up block pointing at it in the campaign's draft, and opens the new form's editor. Publishing the form and
the campaign remains a deliberate step (moderation and the content checks apply as always).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug

from campaigns.models import CampaignPage, SignupFormField, SignupFormPage
from editors import translator_guard

# What each kind of form asks to begin with; the editor changes the questions in the form's own editor.
STARTING_QUESTIONS = {
    SignupFormPage.Kind.COALITION: [(_("Contactpersoon"), "singleline", True), (_("E-mailadres"), "email", True)],
    SignupFormPage.Kind.NEWSLETTER: [(_("Naam"), "singleline", False), (_("E-mailadres"), "email", True)],
}
DEFAULT_QUESTIONS = [(_("Naam"), "singleline", True), (_("Woonplaats"), "singleline", False)]


class NewSignupForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort formulier"),
        choices=SignupFormPage.Kind.choices,
        initial=SignupFormPage.Kind.PETITION,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=120,
        help_text=_("Staat boven het formulier in de campagne en op de knop, bijvoorbeeld 'Teken de petitie'."),
    )


def create_signup_form(campaign: CampaignPage, kind: str, title: str, user) -> SignupFormPage:
    """A draft form page under `campaign` with the starting questions, and a sign-up block for it in the
    campaign's latest draft."""
    questions = STARTING_QUESTIONS.get(kind, DEFAULT_QUESTIONS)
    # A slug of its own: a title of only emoji or punctuation has no letters to make one from.
    slug = find_available_slug(campaign, slugify(title) or "aanmelden")
    signup = SignupFormPage(title=title, slug=slug, kind=kind, button_label=title[:40], live=False, owner=user)
    signup.form_fields = [
        SignupFormField(label=str(label), field_type=field_type, required=required, sort_order=order)
        for order, (label, field_type, required) in enumerate(questions)
    ]
    campaign.add_child(instance=signup)
    signup.save_revision(user=user)
    draft = campaign.get_latest_revision_as_object()
    draft.body.append(("signup_form", {"form_page": signup, "title": title}))
    draft.save_revision(user=user)
    return signup


def _page(campaign: CampaignPage, form) -> dict:
    return {
        "page_title": _("Aanmeldformulier toevoegen"),
        "page_subtitle": campaign.title,
        "header_icon": "form",
        "campaign": campaign,
        "form": form,
    }


def add_signup_form(request, campaign_id: int):
    campaign = get_object_or_404(CampaignPage, pk=campaign_id)
    if refused := translator_guard.guard(request, campaign):
        return refused
    permissions = campaign.permissions_for_user(request.user)
    if not (permissions.can_add_subpage() and permissions.can_edit()):
        raise PermissionDenied
    form = NewSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # all or nothing: no form without its block, no block without its form
                signup = create_signup_form(
                    campaign, form.cleaned_data["kind"], form.cleaned_data["title"], request.user
                )
        except ValidationError as error:
            form.add_error("title", error.messages)
            return TemplateResponse(request, "campaigns/admin/add_signup_form.html", _page(campaign, form))
        messages.success(
            request,
            _(
                "‘%(title)s’ staat als concept onder de campagne en als blok in het concept van de campagne. Pas "
                "de vragen aan en publiceer het formulier; publiceer daarna de campagne."
            )
            % {"title": signup.title},
        )
        return redirect("wagtailadmin_pages:edit", signup.pk)
    return TemplateResponse(request, "campaigns/admin/add_signup_form.html", _page(campaign, form))


urlpatterns = [
    path("campagnes/<db_id:campaign_id>/aanmeldformulier/", add_signup_form, name="campaigns_add_signup_form")
]

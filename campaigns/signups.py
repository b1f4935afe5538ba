"""Handling a sign-up: same-origin check, rate limit without storing IP addresses, honeypot, consent, a length limit
on every answer.

Why the form posts to its own URL (`campaigns:signup_submit`) without a CSRF token: Django's CSRF protection needs
a cookie, and anonymous visitors get no cookies on this website. A sign-up has no logged-in state to abuse (the
submission is not tied to any account), so the classic CSRF attack does not apply; we still refuse cross-site
posts by their `Origin`/`Sec-Fetch-Site` headers, which browsers send without any cookie. Abuse is limited by a
honeypot field and a per-client rate limit that keys the cache on an HMAC of the IP address with a secret that
changes every day, so the address itself is never stored and cannot be recovered after the short TTL
(security/ratelimit.py: the address comes from the trusted proxy, the count from the shared cache). The same
person (the same e-mail address) is stored and counted once per form (security/once.py); a repeat gets the same
thank-you page, so nobody can find out through the form whether an address already signed.

Nothing half-written: the once-per-person mark, the sign-up and its count are written in one transaction. A form
that stores nothing has the staff mail as the only copy, so when the mail server refuses it nothing is kept and
the visitor is asked to try again later (503, the form still filled in); a stored sign-up is safe whatever the
mail does (its mail follows the commit, a failure is only logged).
"""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.mail import send_mail
from wagtail.contrib.forms.forms import FormBuilder

from security.downloads import header_text
from security.honeypot import HONEYPOT_FIELD
from security.once import first_time
from security.ratelimit import is_cross_site, rate_limited

if TYPE_CHECKING:
    from campaigns.models import SignupFormPage

# What one answer may hold. Wagtail limits a one-line answer to 255 characters and nothing else: a 2 MB text or
# hidden value was stored as sent (and kept for the whole retention period).
MULTILINE_MAX = 2_000
HIDDEN_MAX = 255


class SignupFormBuilder(FormBuilder):
    """Wagtail's form builder with a length limit on every text answer (the browser shows it as `maxlength`)."""

    def create_multiline_field(self, field, options):
        return super().create_multiline_field(field, {**options, "max_length": MULTILINE_MAX})

    def create_hidden_field(self, field, options):
        return super().create_hidden_field(field, {**options, "max_length": HIDDEN_MAX})


DEFAULT_RATE_LIMIT = (5, 600)  # at most 5 sign-up attempts per client per 10 minutes
TRY_AGAIN = gettext_lazy("Je aanmelding kon nu niet worden verstuurd. Er is niets bewaard: probeer het later nog eens.")

logger = logging.getLogger("los.campaigns")


class NotificationNotSent(Exception):
    """The staff mail of a form that stores nothing failed: the sign-up would be lost, so it is not counted."""


def send_notification(page: SignupFormPage, form) -> None:
    """The staff mail about one sign-up. Every header is editor text made one line (the translation editor can save
    a subject with a line break); without a subject the mail is named after the form, in the staff's language."""
    subject = header_text(page.subject)
    if not subject:
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Nieuwe aanmelding: %(title)s") % {"title": header_text(page.title)}
    recipients = [address for address in map(header_text, page.to_address.split(",")) if address]
    send_mail(subject, page.render_email(form), recipients, header_text(page.from_address))


def notify_quietly(page: SignupFormPage, form) -> None:
    """After a stored sign-up committed: its staff mail, whose failure must not matter to the visitor (staff see
    the sign-up in the admin). Logged without addresses or form contents."""
    try:
        page.send_mail(form)
    except Exception as error:  # noqa: BLE001 - any failure of the mail server or the message: the sign-up is safe
        logger.warning("Sign-up stored but the notification mail failed (%s)", type(error).__name__)


def signer_email(page: SignupFormPage, form) -> str:
    """The e-mail address(es) the visitor gave: what identifies one person on this form (empty if none)."""
    names = [field.clean_name for field in page.get_form_fields() if field.field_type == "email"]
    return " ".join(str(form.cleaned_data.get(name) or "") for name in names).strip()


def render_form_page(request: HttpRequest, page: SignupFormPage, form, *, status: int = 200, error: str = ""):
    context = page.get_context(request)
    context.update({"form": form, "form_error": error})
    return TemplateResponse(request, page.get_template(request), context, status=status)


def render_landing(request: HttpRequest, page: SignupFormPage) -> HttpResponse:
    context = page.get_context(request)
    return TemplateResponse(request, page.get_landing_page_template(request), context)


def landing_url(request: HttpRequest, page: SignupFormPage) -> str:
    return f"{page.get_url(request=request)}?bedankt=1"


def handle_signup(request: HttpRequest, page: SignupFormPage) -> HttpResponse:
    """Validate and process one posted sign-up; answer with a redirect (PRG) or the form with errors."""
    if is_cross_site(request):
        return HttpResponseForbidden(_("Dit formulier kan alleen vanaf onze eigen website worden verstuurd."))
    form = page.get_form(request.POST, page=page, user=request.user)
    if rate_limited(request, "signup", *getattr(settings, "CAMPAIGNS_SIGNUP_RATE_LIMIT", DEFAULT_RATE_LIMIT)):
        return render_form_page(
            request,
            page,
            form,
            status=429,
            error=_("Je hebt het formulier te vaak achter elkaar verstuurd. Probeer het over tien minuten opnieuw."),
        )
    if not form.is_valid():
        return render_form_page(request, page, form, status=400)
    if form.cleaned_data.get(HONEYPOT_FIELD):
        # A bot: answer as if all went well, keep nothing.
        return HttpResponseRedirect(landing_url(request, page))
    keep = datetime.timedelta(days=page.retention_days)
    try:
        # The mark and the sign-up together or not at all: a mark without its sign-up turned the person's retry
        # away for the whole retention period.
        with transaction.atomic():
            if not first_time(f"signup:{page.pk}", signer_email(page, form), keep=keep):
                return HttpResponseRedirect(landing_url(request, page))  # already signed: keep and count nothing
            page.process_form_submission(form)
    except NotificationNotSent as failure:
        logger.warning("Sign-up not stored and its mail failed (%s): asked to try again", failure)
        return render_form_page(request, page, form, status=503, error=TRY_AGAIN)
    return HttpResponseRedirect(landing_url(request, page))

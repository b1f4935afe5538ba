"""Handling a sign-up: same-origin check, rate limit without storing IP addresses, honeypot, consent.

The form posts to its own URL (`campaigns:signup_submit`) without a CSRF token, so visitors get no cookie: why
that is safe, and the cross-site check and rate limit that go with it, are in security/public_forms.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from campaigns.models.signups import HONEYPOT_FIELD
from security.public_forms import is_cross_site
from security.public_forms import rate_limited as _rate_limited

if TYPE_CHECKING:
    from campaigns.models import SignupFormPage

DEFAULT_RATE_LIMIT = (5, 600)  # at most 5 sign-up attempts per client per 10 minutes


def rate_limited(request: HttpRequest) -> bool:
    """Count this sign-up attempt; True when the client made too many in the window."""
    return _rate_limited(request, limit=getattr(settings, "CAMPAIGNS_SIGNUP_RATE_LIMIT", DEFAULT_RATE_LIMIT))


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
    if rate_limited(request):
        return render_form_page(
            request,
            page,
            form,
            status=429,
            error=_("U hebt het formulier te vaak achter elkaar verstuurd. Probeer het over tien minuten opnieuw."),
        )
    if not form.is_valid():
        return render_form_page(request, page, form, status=400)
    if form.cleaned_data.get(HONEYPOT_FIELD):
        # A bot: answer as if all went well, keep nothing.
        return HttpResponseRedirect(landing_url(request, page))
    page.process_form_submission(form)
    return HttpResponseRedirect(landing_url(request, page))

"""Handling a sign-up: same-origin check, rate limit without storing IP addresses, honeypot, consent.

Why the form posts to its own URL (`campaigns:signup_submit`) without a CSRF token: Django's CSRF protection needs
a cookie, and anonymous visitors get no cookies on this website. A sign-up has no logged-in state to abuse (the
submission is not tied to any account), so the classic CSRF attack does not apply; we still refuse cross-site
posts by their `Origin`/`Sec-Fetch-Site` headers, which browsers send without any cookie. Abuse is limited by a
honeypot field and a per-client rate limit that keys the cache on an HMAC of the IP address with a secret that
changes every day, so the address itself is never stored and cannot be recovered after the short TTL.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from campaigns.models.signups import HONEYPOT_FIELD

if TYPE_CHECKING:
    from campaigns.models import SignupFormPage

DEFAULT_RATE_LIMIT = (5, 600)  # at most 5 sign-up attempts per client per 10 minutes


def client_key(request: HttpRequest, *, today: datetime.date | None = None) -> str:
    """A cache key for this client that does not contain (and cannot be turned back into) its IP address.

    The HMAC secret is derived from SECRET_KEY and today's date, so yesterday's keys cannot be linked to today's.
    """
    today = today or datetime.datetime.now(datetime.UTC).date()
    ip = request.META.get("REMOTE_ADDR", "")
    daily_secret = salted_hmac("campaigns.ratelimit.day", today.isoformat()).hexdigest()
    digest = salted_hmac("campaigns.ratelimit.client", ip, secret=daily_secret).hexdigest()[:32]
    return f"signup-rl:{digest}"


def rate_limited(request: HttpRequest) -> bool:
    """Count this attempt; True when the client made too many attempts in the window."""
    limit, window = getattr(settings, "CAMPAIGNS_SIGNUP_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    key = client_key(request)
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts > limit


def is_cross_site(request: HttpRequest) -> bool:
    """True when the browser says this post came from another website."""
    if request.headers.get("Sec-Fetch-Site", "") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin != f"{request.scheme}://{request.get_host()}"
    return False


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

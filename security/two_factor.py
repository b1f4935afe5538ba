"""Two-factor authentication for the Wagtail admin, on django-otp (TOTP apps plus one-time backup codes).

Flow: the editor signs in with Wagtail's own login form (username + password, throttled by django-axes). While
`LOS_ADMIN_REQUIRE_2FA` is on, `AdminTwoFactorMiddleware` sends every admin request of a session that is not yet
verified to /admin/2fa/verify/ (a device exists) or /admin/2fa/setup/ (enrolment: scan a QR code, confirm one
code, receive ten backup codes shown once). django-otp stores the verified device in the session, so signing out
or the session expiring asks for a code again. Production switches enforcement on by default; development and
tests keep it off so that `client.force_login` and the login form work as they did (tests/security switch it on).
"""

from __future__ import annotations

from urllib.parse import quote

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
SETUP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup"

# Admin views an unverified, signed-in user may still reach: signing in and out, password reset, the
# two-factor views themselves and the admin's translation catalogue that those pages load.
EXEMPT_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "security_2fa_verify",
    "security_2fa_setup",
}


def enforcement_on() -> bool:
    return bool(getattr(settings, "LOS_ADMIN_REQUIRE_2FA", False))


class AdminTwoFactorMiddleware:
    """Refuses admin views to signed-in users whose session is not verified with a second factor.

    Must come after django-otp's OTPMiddleware (which gives `request.user.is_verified()`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if enforcement_on() and request.path_info.startswith(settings.LOS_ADMIN_URL_PREFIX):
            user = request.user
            if user.is_authenticated and not user.is_verified() and not _is_exempt(request.path_info):
                target = "security_2fa_verify" if user_has_device(user) else "security_2fa_setup"
                return HttpResponseRedirect(f"{reverse(target)}?next={quote(request.get_full_path())}")
        return self.get_response(request)


def _is_exempt(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False  # Wagtail answers 404 itself, but only to verified users
    return match.url_name in EXEMPT_URL_NAMES


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


class TokenForm(forms.Form):
    """One code from the authenticator app (6 digits) or a backup code."""

    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        help_text=gettext_lazy("De zescijferige code uit uw authenticator-app, of een van uw reservecodes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_token(self) -> str:
        return "".join(self.cleaned_data["token"].split())


@never_cache
@sensitive_post_parameters("token")
def verify(request: HttpRequest) -> HttpResponse:
    """Second step after the password: a code from the app or a backup code."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if not user_has_device(request.user):
        return redirect(f"{reverse('security_2fa_setup')}?next={quote(_next_url(request))}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()
            return HttpResponseRedirect(_next_url(request))
        form.add_error("token", _("Deze code klopt niet of is verlopen. Probeer de nieuwste code uit de app."))
    return TemplateResponse(request, "security/two_factor_verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@sensitive_post_parameters("token")
def setup(request: HttpRequest) -> HttpResponse:
    """Enrolment: an unconfirmed TOTP device with a QR code; a correct code confirms it and shows backup codes.

    An editor who already has a confirmed device must verify first (the middleware sees to that) and can then
    replace it here, e.g. after losing a phone."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user_has_device(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('security_2fa_verify')}?next={quote(_next_url(request))}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=SETUP_DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = _confirm(request.user, device)
            otp_login(request, device)
            request.session.cycle_key()
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return TemplateResponse(
                request, "security/two_factor_codes.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error("token", _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer opnieuw."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, omitsize=False, title=_("QR-code"))
    return TemplateResponse(
        request,
        "security/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret": _grouped_secret(device),
            "next": _next_url(request),
        },
    )


@transaction.atomic
def _confirm(user, device: TOTPDevice) -> list[str]:
    """Make `device` the user's only authenticator and issue fresh single-use backup codes (shown only now)."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    backup = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=code) for code in codes)
    return codes


def _grouped_secret(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app when the QR code cannot be scanned."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))

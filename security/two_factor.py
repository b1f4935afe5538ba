"""Two-factor authentication wherever a login grants access, on django-otp (TOTP apps plus one-time backup codes).

Flow: the editor signs in with Wagtail's own login form (username + password, throttled by django-axes). While
`LOS_ADMIN_REQUIRE_2FA` is on, a session that is signed in but not yet verified with a second factor gets nothing a
login grants:

- admin pages: `AdminTwoFactorMiddleware` sends a page the browser navigates to on to /admin/2fa/verify/ (a device
  exists) or /admin/2fa/setup/ (first login: scan a QR code or type the key, confirm one code, receive ten backup
  codes shown once), with that page as `next`. The admin's own background requests (the icon sprite, the
  JavaScript catalogue) are let through, because Wagtail injects their answer into the page; every other
  background request (JSON, choosers, previews) is refused with 403 instead of being redirected, so a redirect
  never lands in a page and `next` is always a page the person asked for;
- login-restricted pages and documents on the sites (`before_serve_page` / `before_serve_document` hooks below):
  the same redirect to the second step, then back to the page or document.

django-otp stores the verified device in the session, so signing out or the session expiring asks for a code
again. There is no "remember this device": LOS's volunteers share computers, and a browser that skips the second
factor turns a leaked password back into a way in. Production switches enforcement on by default; development and
tests keep it off so that `client.force_login` works as it did (tests/security and the end-to-end server switch
it on).
"""

from __future__ import annotations

import time
from base64 import b32encode
from urllib.parse import quote, urlsplit

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks
from wagtail.models import BaseViewRestriction

BACKUP_CODE_COUNT = 10
SETUP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup"
# Replacing the authenticator needs a code from the current one (or a backup code) first; that proof holds this
# long in the session: enough to fetch the new phone and scan, too short to come back to an unlocked laptop later.
REPLACE_PROOF_SESSION_KEY = "security_2fa_replace_proven_at"
REPLACE_PROOF_SECONDS = 600

# Admin views an unverified, signed-in user may still reach: signing in and out, password reset and the
# two-factor views themselves.
EXEMPT_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "security_2fa_verify",
    "security_2fa_setup",
}
# Static parts of every admin page, fetched by the admin's JavaScript and injected into the page: no data, so
# they are served; redirecting them put a second 2FA form into the page and made the sprite the `next` page.
ASSET_URL_NAMES = {"wagtailadmin_sprite", "wagtailadmin_javascript_catalog"}
# Restrictions that a login (rather than a shared password) lifts.
LOGIN_RESTRICTIONS = {BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS}


def enforcement_on() -> bool:
    return bool(getattr(settings, "LOS_ADMIN_REQUIRE_2FA", False))


def needs_second_factor(request: HttpRequest) -> bool:
    """A signed-in session that has not (yet) given its second factor, while 2FA is enforced."""
    user = getattr(request, "user", None)
    return enforcement_on() and user is not None and user.is_authenticated and not user.is_verified()


def second_step_url(request: HttpRequest, next_url: str) -> str:
    """Where an unverified session goes: setup on the first login, otherwise the code prompt; back to `next_url`."""
    target = "security_2fa_verify" if user_has_device(request.user) else "security_2fa_setup"
    return f"{reverse(target)}?next={quote(next_url)}"


def is_navigation(request: HttpRequest) -> bool:
    """A page the person opens (link, address bar, form), not a request the admin's JavaScript makes.

    Browsers say so in Sec-Fetch-Mode; without that header (old browsers, test clients) a request that is not
    marked as XHR and accepts HTML counts as a page."""
    mode = request.headers.get("Sec-Fetch-Mode")
    if mode:
        return mode == "navigate"
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return False
    accept = request.headers.get("Accept", "")
    return not accept or "text/html" in accept or "*/*" in accept


class AdminTwoFactorMiddleware:
    """Refuses admin views to signed-in users whose session is not verified with a second factor.

    Must come after django-otp's OTPMiddleware (which gives `request.user.is_verified()`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(settings.LOS_ADMIN_URL_PREFIX) and needs_second_factor(request):
            name = _url_name(request.path_info)
            if name not in EXEMPT_URL_NAMES | ASSET_URL_NAMES:
                if not is_navigation(request):
                    return HttpResponseForbidden(_("Eerst de tweede stap van het inloggen."), content_type="text/plain")
                return HttpResponseRedirect(second_step_url(request, request.get_full_path()))
        return self.get_response(request)


def _url_name(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None  # Wagtail answers 404 itself, but only to verified users


@hooks.register("before_serve_page")
def verify_before_restricted_page(page, request, serve_args, serve_kwargs):
    """A login-restricted page is served to a verified session only (a password alone is not a login here)."""
    if needs_second_factor(request) and _login_restricted(page.get_view_restrictions()):
        return HttpResponseRedirect(second_step_url(request, request.get_full_path()))
    return None


@hooks.register("before_serve_document")
def verify_before_restricted_document(document, request):
    """The same for documents in a collection that only signed-in people may see."""
    if needs_second_factor(request) and _login_restricted(document.collection.get_view_restrictions()):
        return HttpResponseRedirect(second_step_url(request, request.get_full_path()))
    return None


def _login_restricted(restrictions) -> bool:
    return any(restriction.restriction_type in LOGIN_RESTRICTIONS for restriction in restrictions)


def _next_url(request: HttpRequest) -> str:
    """The page to go to after the second step: on this site, and a page (never an asset or a login step)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        name = _url_name(urlsplit(candidate).path)
        if name not in EXEMPT_URL_NAMES | ASSET_URL_NAMES:
            return candidate
    return reverse("wagtailadmin_home")


class TokenForm(forms.Form):
    """One code from the authenticator app (6 digits) or a backup code."""

    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        help_text=gettext_lazy("De zescijferige code uit je authenticator-app, of een van je reservecodes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_token(self) -> str:
        # Backup codes are lower-case letters and digits (django-otp's); one read off paper is often typed in
        # capitals or in two groups. App codes are digits, which lower() leaves alone.
        return "".join(self.cleaned_data["token"].split()).lower()


# Every authenticator is enrolled with django-otp's default of six digits (TOTPDevice.digits).
APP_CODE_DIGITS = 6


def _checks(device: Device, token: str) -> bool:
    """Whether `device` is the one to check `token`: the app's device a code of its own digits, the backup-code
    device anything else (its codes are eight letters and digits, never six digits). Each device then throttles
    only its own failures: trying every device (django-otp's `match_token`) counted a mistyped app code against
    the backup codes too."""
    app_code = token.isascii() and token.isdigit() and len(token) == APP_CODE_DIGITS
    if isinstance(device, TOTPDevice):
        return app_code and len(token) == device.digits
    if isinstance(device, StaticDevice):
        # Eight characters of a-z and 2-7: now and then all digits, and then a backup code still.
        return not app_code
    return True


@transaction.atomic
def check_code(user, token: str) -> tuple[Device | None, str | None]:
    """Check a code from the app or a backup code against the user's confirmed devices: the device that accepted
    it, or the error to show.

    django-otp makes a device wait after a wrong code (twice as long after each one): a code typed during that
    wait is not checked, and the person is told to wait rather than that a right code is wrong. A wait of the app's
    device never holds up a backup code (they are for a phone whose clock is off); the backup codes keep a wait of
    their own."""
    waiting = None
    for device in devices_for_user(user, for_verify=True):
        if not _checks(device, token):
            continue
        allowed, _data = device.verify_is_allowed()
        if not allowed:
            waiting = device
        elif device.verify_token(token):
            return device, None
    if isinstance(waiting, StaticDevice):
        return None, _("Te veel verkeerde reservecodes na elkaar. Wacht even en probeer het dan opnieuw.")
    if waiting is not None:
        return None, _(
            "Te veel verkeerde codes na elkaar. Wacht even en probeer dan de nieuwste code, of gebruik een reservecode."
        )
    return None, _("Deze code klopt niet of is verlopen. Probeer de nieuwste code uit de app.")


@never_cache
@sensitive_post_parameters("token")
def verify(request: HttpRequest) -> HttpResponse:
    """Second step after the password: a code from the app or a backup code."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if not user_has_device(request.user):
        return redirect(second_step_url(request, _next_url(request)))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, error = check_code(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()
            return HttpResponseRedirect(_next_url(request))
        form.add_error("token", error)
    return TemplateResponse(request, "security/two_factor_verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@sensitive_post_parameters("token")
def setup(request: HttpRequest) -> HttpResponse:
    """Enrolment: an unconfirmed TOTP device with a QR code and its key; a correct code confirms it and shows the
    backup codes.

    An editor who already has a confirmed device must verify first (the middleware sees to that) and can then
    replace it here, e.g. for a new phone, after proving it is them once more (`_prove_before_replacing`)."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    replacing = user_has_device(request.user)
    if replacing and not request.user.is_verified():
        return redirect(second_step_url(request, _next_url(request)))
    if replacing and not _replacement_proven(request):
        return _prove_before_replacing(request)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=SETUP_DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # No throttling while enrolling: whoever can post here may start a new enrolment anyway, and a colleague
        # who mistyped must be able to try the next code at once.
        device.throttle_reset(commit=False)
        if device.verify_token(form.cleaned_data["token"]):
            codes = _confirm(request.user, device)
            request.session.pop(REPLACE_PROOF_SESSION_KEY, None)
            otp_login(request, device)
            request.session.cycle_key()
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return TemplateResponse(
                request, "security/two_factor_codes.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error("token", _("Deze code klopt niet. Controleer de tijd op je telefoon en probeer opnieuw."))
    # No width or height: security/admin/two-factor.css sizes it to the card (a 320 px phone included).
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, omitsize=True, title=_("QR-code"))
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


def _replacement_proven(request: HttpRequest) -> bool:
    proven_at = request.session.get(REPLACE_PROOF_SESSION_KEY)
    return isinstance(proven_at, int) and 0 <= time.time() - proven_at <= REPLACE_PROOF_SECONDS


def _prove_before_replacing(request: HttpRequest) -> HttpResponse:
    """Replacing the authenticator asks for a code from the current app or a backup code first. A signed-in,
    verified session alone (a laptop left unlocked, a stolen session cookie) could bind its own app, after which
    the editor's phone and backup codes stopped working and the account was someone else's for good. Whoever lost
    their phone and has no backup code left needs an administrator (`manage.py reset_two_factor`), as the page
    says. The check is `check_code`'s, with its throttling."""
    form = TokenForm(request.POST if request.POST.get("step") == "prove" else None)
    if request.method == "POST" and not form.is_bound:
        # The new app's code, posted after the proof had expired: ask for the proof again rather than check
        # that code against the old devices.
        messages.info(request, _("Bevestig eerst opnieuw met je huidige app of een reservecode."))
    if form.is_bound and form.is_valid():
        device, error = check_code(request.user, form.cleaned_data["token"])
        if device is not None:
            request.session[REPLACE_PROOF_SESSION_KEY] = int(time.time())
            return redirect(f"{reverse('security_2fa_setup')}?next={quote(_next_url(request))}")
        form.add_error("token", error)
    context = {"form": form, "next": _next_url(request), "reset_command": "manage.py reset_two_factor"}
    return TemplateResponse(request, "security/two_factor_prove.html", context)


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
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))

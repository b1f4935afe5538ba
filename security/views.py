"""security.txt (RFC 9116), the error handler that answers 503 when the database is unavailable, and the
visitor-facing login and password forms without a CSRF cookie.

Anonymous visitors get no cookies (README › Privacy), but Django's CSRF protection sets a one-year `csrftoken`
cookie on every page that renders a form token: a login-restricted page's front-end login and a password-protected
page or document. Those forms are rendered without a token (templates wagtailcore/login.html and
password_required.html in this app) and their POST views are exempt from the cookie check; instead a post from
another website is refused by its `Origin`/`Sec-Fetch-Site` headers (security/ratelimit.py `is_cross_site`),
which browsers send without any cookie. The session (and with it Django's own CSRF rotation) starts once the
visitor submits the right password or logs in. Posts are rate limited per visitor (`LOS_PASSWORD_FORM_RATE_LIMIT`,
security/ratelimit.py), so a page or document password cannot be guessed by a script; django-axes still locks a
user name for a client after failed logins. Wagtail's admin login keeps its CSRF token and gets a
limit of its own (`LimitedAdminLoginView`, `LOS_ADMIN_LOGIN_RATE_LIMIT`); its password reset is limited per visitor
and per mailbox (`LimitedPasswordResetView`). Past their limits both show their own page with the message
(`FormPostsLimited`).
"""

from __future__ import annotations

import datetime
import logging
import sys
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import LoginView
from django.db import InterfaceError, OperationalError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views
from wagtail.admin.views.account import LoginView as AdminLoginView
from wagtail.admin.views.account import PasswordResetView
from wagtail.documents.views import serve as document_views

from security.ratelimit import is_cross_site, mail_allowed, posts_limited, rate_limited

logger = logging.getLogger("los.security")


@require_GET
@cache_control(public=True, max_age=86400)
def security_txt(request: HttpRequest) -> HttpResponse:
    """/.well-known/security.txt: where to report vulnerabilities. `Expires` is always in the future: it is
    computed per request (LOS_SECURITY_TXT_EXPIRES_DAYS ahead; RFC 9116 advises less than a year)."""
    expires = datetime.datetime.now(datetime.UTC).replace(microsecond=0) + datetime.timedelta(
        days=settings.LOS_SECURITY_TXT_EXPIRES_DAYS
    )
    lines = [f"Contact: {contact}" for contact in settings.LOS_SECURITY_CONTACTS]
    lines.append(f"Expires: {expires.isoformat().replace('+00:00', 'Z')}")
    # The languages the people who read reports read (staff), not the languages the sites are offered in.
    lines.append("Preferred-Languages: nl, en")
    lines.append(f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}")
    if settings.LOS_SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.LOS_SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500. When the exception is a database error (server down, connection refused, too many
    connections), answer 503 with Retry-After from a template that needs no database and no request context:
    visitors get a calm page, proxies and monitors a status that says "try again"."""
    error = sys.exc_info()[1]
    # Connection trouble only: a DataError or IntegrityError is a bug in our code and stays a 500.
    if isinstance(error, OperationalError | InterfaceError):
        # The exception text can contain the database host and user name: log its type only.
        logger.error("Database unavailable (%s); answered 503", type(error).__name__)
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template(template_name).render())


def same_origin_form(view):
    """A form view without the CSRF cookie: exempt from the cookie check, posts from another site refused, posts
    from one visitor limited."""

    limited = posts_limited("password", "LOS_PASSWORD_FORM_RATE_LIMIT")(view)

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST" and is_cross_site(request):
            return HttpResponseForbidden(_("Dit formulier kan alleen vanaf onze eigen website worden verstuurd."))
        return limited(request, *args, **kwargs)

    return wrapped


class FrontendLoginView(LoginView):
    """Wagtail's front-end login (for login-restricted pages and documents) without Django's csrf_protect."""

    template_name = "wagtailcore/login.html"

    @method_decorator(sensitive_post_parameters())
    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        if self.redirect_authenticated_user and self.request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        return super(LoginView, self).dispatch(request, *args, **kwargs)  # skips LoginView's csrf_protect


class FormPostsLimited:
    """A staff form view (Wagtail's admin login, its password reset) whose posts from one client beyond
    `settings.<rate_limit_setting>` (attempts, seconds) get the same page again, its form empty but for what was
    typed in `kept_field`, with the message on top: 429. `posts_limited` answers a line of text, right for a visitor's
    form without a page of its own; a colleague who mistyped too often keeps their login page. The form is never
    validated past the limit: a login's validation is an authentication, which the limit is there to stop."""

    rate_limit_scope: str
    rate_limit_setting: str
    kept_field: str

    def post(self, request, *args, **kwargs):
        limit, window = getattr(settings, self.rate_limit_setting)
        if rate_limited(request, self.rate_limit_scope, limit, window):
            form_kwargs = self.get_form_kwargs()
            form_kwargs.pop("data", None)
            form_kwargs.pop("files", None)
            form_kwargs["initial"] = {self.kept_field: request.POST.get(self.kept_field, "")[:150]}
            form = self.get_form_class()(**form_kwargs)
            form.cleaned_data = {}  # an unbound form has none; add_error reads it
            form.add_error(None, _("Je hebt het te vaak geprobeerd. Probeer het over tien minuten opnieuw."))
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(window)
            return response
        return super().post(request, *args, **kwargs)


class LimitedAdminLoginView(FormPostsLimited, AdminLoginView):
    """Wagtail's admin login, its posts limited per client (django-axes locks a user name for one client; this
    limits one client trying many names)."""

    rate_limit_scope, rate_limit_setting, kept_field = "admin-login", "LOS_ADMIN_LOGIN_RATE_LIMIT", "username"


class LimitedPasswordResetView(FormPostsLimited, PasswordResetView):
    """Wagtail's admin password reset behind our rate limits: nobody can flood an editor's mailbox with reset mails.

    Posts per client are limited (LOS_PASSWORD_RESET_RATE_LIMIT, `FormPostsLimited`); a mailbox gets at most
    one reset mail per LOS_PASSWORD_RESET_MAIL_INTERVAL seconds and LOS_PASSWORD_RESET_MAILS_PER_DAY a day. Past
    the mailbox's limit the visitor sees the same "check your mail" page as always: it never tells whether the
    address belongs to an account or got a mail."""

    rate_limit_scope, rate_limit_setting, kept_field = "password-reset", "LOS_PASSWORD_RESET_RATE_LIMIT", "email"

    def form_valid(self, form):
        interval = settings.LOS_PASSWORD_RESET_MAIL_INTERVAL
        per_day = settings.LOS_PASSWORD_RESET_MAILS_PER_DAY
        if not mail_allowed("password-reset-mail", form.cleaned_data["email"], interval=interval, per_day=per_day):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


frontend_login = same_origin_form(FrontendLoginView.as_view())
# Wagtail's admin login keeps its CSRF token (only staff open it).
admin_login = never_cache(LimitedAdminLoginView.as_view())
password_reset = LimitedPasswordResetView.as_view()
page_password = same_origin_form(wagtail_views.authenticate_with_password)
document_password = same_origin_form(document_views.authenticate_with_password)

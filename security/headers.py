"""Security headers on every response: Content-Security-Policy (public and admin), Referrer-Policy per site,
Permissions-Policy.

The public policy allows nothing inline: public templates have no inline scripts or styles (JSON-LD data blocks
are not executed, so CSP does not apply to them). That keeps the header the same for every visitor, so the
HTML can be cached and fragment-cached without nonces. The Wagtail admin needs inline scripts (its inline panels
and date widgets render `<script>` blocks) and inline styles, so `/admin/` gets a policy of its own; it still
allows no other host except the two privacy-friendly video players editors preview.
See https://django-csp.readthedocs.io/en/latest/configuration.html and the CSP Level 3 spec.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import DisallowedHost

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase


def is_admin_path(request: HttpRequest) -> bool:
    return request.path_info.startswith(settings.LOS_ADMIN_URL_PREFIX)


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin policy (`LOS_CSP_ADMIN`) for admin URLs.

    The userbar that Wagtail draws on public pages for logged-in editors loads its script and styles from
    /static/ and renders into a shadow root, so public pages keep the strict policy even for editors.
    """

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        # Wagtail renders a preview by passing a fake request for the page's public URL through the whole
        # middleware stack, so the preview response arrives here already carrying the public policy
        # (frame-ancestors 'none'), which would blank the admin's preview panel. Admin URLs get the admin's.
        if is_admin_path(request) and HEADER in response:
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request):
            parts.config = settings.LOS_CSP_ADMIN
        return parts


class PrivacyHeadersMiddleware:
    """Referrer-Policy (`no-referrer` on the hosts in LOS_NO_REFERRER_HOSTS, the microsite) and
    Permissions-Policy (no camera, microphone, location, payment, interest cohorts...)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        host = request.get_host().split(":")[0].lower() if _host_is_valid(request) else ""
        if host and _matches(host, settings.LOS_NO_REFERRER_HOSTS):
            response["Referrer-Policy"] = "no-referrer"
        else:
            response.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY or "same-origin")
        response.setdefault("Permissions-Policy", settings.LOS_PERMISSIONS_POLICY)
        return response


def _host_is_valid(request: HttpRequest) -> bool:
    try:
        request.get_host()
    except DisallowedHost:  # Django answers 400 itself
        return False
    return True


def _matches(host: str, patterns: list[str]) -> bool:
    """Host patterns as in ALLOWED_HOSTS: `.example.org` matches the domain and its subdomains."""
    for pattern in patterns:
        pattern = pattern.lower()
        if host == pattern or (pattern.startswith(".") and (host.endswith(pattern) or host == pattern[1:])):
            return True
    return False

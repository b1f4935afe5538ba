"""security.txt (RFC 9116) and the error handler that answers 503 when the database is unavailable."""

from __future__ import annotations

import datetime
import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

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

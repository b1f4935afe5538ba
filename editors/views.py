"""Admin views for editors: the LOS editor guide."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext


def editor_guide(request: HttpRequest) -> HttpResponse:
    """The editor guide in the admin: a short Dutch manual rendered from a template."""
    return TemplateResponse(
        request,
        "editors/admin/editor_guide.html",
        {"page_title": gettext("Handleiding voor de redactie"), "header_icon": "help"},
    )

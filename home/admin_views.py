"""The editor guide in the admin: a short Dutch manual rendered from a template."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def editor_guide(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "home/admin/editor_guide.html", {"page_title": _("Handleiding voor de redactie")})

"""django-axes adapters: no client IP address at all, and a lockout answer in the admin's language."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def no_client_ip(request: HttpRequest) -> None:
    """AXES_CLIENT_IP_CALLABLE: the address is not needed (lockout is by user name) and so never read."""
    return None


def lockout_response(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the same answer whether or not the user name exists (no enumeration)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "security/locked_out.html", {"minutes": minutes}, status=429)

"""django-axes adapters: no client IP address at all, a user name that fits its table, and a lockout answer in the
admin's language."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def no_client_ip(request: HttpRequest) -> None:
    """AXES_CLIENT_IP_CALLABLE: the address is not needed (lockout is by user name) and so never read."""
    return None


# What axes stores of a user name (AccessAttempt.username is 255 characters); no account has a longer one.
USERNAME_KEPT = 150


def username_of(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: the user name as axes' default reads it, cut to what an account can have. The
    front-end login's form does not check the length before authenticating, so a 300-character name reached
    axes' table and the login answered 500 (PostgreSQL: value too long)."""
    source = credentials if credentials else request.POST
    username = source.get(settings.AXES_USERNAME_FORM_FIELD)
    return username[:USERNAME_KEPT] if isinstance(username, str) else username


def lockout_response(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the same answer whether or not the user name exists (no enumeration)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "security/locked_out.html", {"minutes": minutes}, status=429)

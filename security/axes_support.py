"""django-axes adapters: a pseudonym instead of the client's address, no user agent, a user name that fits its
table, a lockout answer in the admin's language, and a new password lifting the lockout of its user name."""

from __future__ import annotations

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.utils import reset
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from .ratelimit import client_address

# The discard-only prefix (RFC 6666): what axes keeps in its address column is never anyone's address.
PSEUDONYM_NETWORK = ipaddress.IPv6Network("100::/64")


def client_pseudonym(request: HttpRequest) -> str:
    """AXES_CLIENT_IP_CALLABLE: axes locks a user name per client (AXES_LOCKOUT_PARAMETERS, cms/settings/security.py),
    so it needs to tell clients apart, but the address itself is not stored: an HMAC (under SECRET_KEY) of the
    address the rate limits count (`client_address`, the trusted proxy's header), written as an address in
    100::/64 because axes' column only takes addresses. Records go after the cool-off (`purge_login_records`)."""
    digest = salted_hmac("security.axes.client", client_address(request)).digest()
    host = int.from_bytes(digest[:8], "big")
    return str(PSEUDONYM_NETWORK[host])


class DatabaseHandler(AxesDatabaseHandler):
    """AXES_HANDLER: axes' own, with the browser's user agent left out of every record it writes (failures, and
    the access logs if they are ever switched on): the lockout does not use it, so it is not kept. Blanking it on
    the request rather than in the saved row matters: axes finds a client's earlier failure by user name, address
    and user agent together, and a row stored without the agent was never found again (with the address in the
    lockout, the next failure then broke the table's unique constraint)."""

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        _forget_user_agent(request)
        return super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        _forget_user_agent(request)
        return super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender, request, user, **kwargs):
        _forget_user_agent(request)
        return super().user_logged_out(sender, request, user, **kwargs)


def _forget_user_agent(request: HttpRequest | None) -> None:
    if request is not None:
        request.axes_user_agent = ""


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
    """AXES_LOCKOUT_CALLABLE: the same answer whether or not the user name exists (no enumeration). Staff get the
    admin's page; a visitor on the login of a restricted page gets the site's own, in the language of the address,
    leading back to that login (it was the admin's page, with Dutch text under lang="en", leading to /admin/)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if request.path_info.startswith("/admin/"):
        return render(request, "security/locked_out.html", {"minutes": minutes}, status=429)
    context = {"minutes": minutes, "login_url": request.get_full_path()}
    return render(request, "security/locked_out_visitor.html", context, status=429)


def note_password_change(sender, instance, update_fields=None, **kwargs) -> None:
    """pre_save of the user model: remember whether this save gives the account a new password."""
    if update_fields is not None and "password" not in update_fields:
        return  # e.g. last_login on every login: no query
    stored = sender._default_manager.filter(pk=instance.pk).values_list("password", flat=True).first()
    instance._los_new_password = instance.pk is None or stored != instance.password


def lift_lockout_after_new_password(sender, instance, **kwargs) -> None:
    """post_save: a new password (a completed reset, the account page, an administrator) clears the lockouts of its
    user name, from every client. The failures were guesses at the old password; without this, the editor who just
    reset theirs was still refused until the cool-off ended."""
    if getattr(instance, "_los_new_password", False):
        instance._los_new_password = False
        username = instance.get_username()
        if username:  # axes' reset with an empty name would clear every record
            reset(username=username[:USERNAME_KEPT])

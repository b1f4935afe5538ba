"""django-axes adapters: no client IP address at all, a user name that fits its table, a lockout answer in the
admin's language, and a new password lifting the lockout of its user name."""

from __future__ import annotations

from axes.utils import reset
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
    """post_save: a new password (a completed reset, the account page, an administrator) clears the lockout of its
    user name. The failures were guesses at the old password; without this, the editor who just reset theirs was
    still refused until the cool-off ended, and anyone could keep them there by locking the name again."""
    if getattr(instance, "_los_new_password", False):
        instance._los_new_password = False
        username = instance.get_username()
        if username:  # axes' reset with an empty name would clear every record
            reset(username=username[:USERNAME_KEPT])

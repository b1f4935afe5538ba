"""Read replica routing, on only when DATABASE_REPLICA_URL is set (cms/settings/base.py).

Only reads made while serving an anonymous GET/HEAD request go to the replica. Editors, the admin, form posts,
management commands and tasks read from the primary, so nobody who just wrote something reads an older copy
from a replica that lags behind (replication is asynchronous). Writes always go to the primary.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings

_replica_allowed: ContextVar[bool] = ContextVar("los_replica_allowed", default=False)
REPLICA = "replica"
_PRIMARY_ONLY_PREFIXES = ("/admin/", "/django-admin/", "/cms/")


def replica_allowed(request) -> bool:
    """Whether this request may read from the replica: anonymous (no session cookie) safe requests only."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not request.path.startswith(_PRIMARY_ONLY_PREFIXES)


class ReplicaMiddleware:
    """Marks the requests whose reads may go to the replica."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        token = _replica_allowed.set(replica_allowed(request))
        try:
            return self.get_response(request)
        finally:
            _replica_allowed.reset(token)


class ReplicaRouter:
    """Reads on the replica when the current request allows it, everything else on the primary."""

    def db_for_read(self, model, **hints) -> str:
        if _replica_allowed.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == "default"

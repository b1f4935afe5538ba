"""Forms anonymous visitors post without a cookie (campaign sign-ups, newsletter subscriptions).

Django's CSRF protection needs a cookie, and anonymous visitors get no cookies on this website. These forms have
no logged-in state to abuse (a submission is not tied to any account), so the classic CSRF attack does not apply;
cross-site posts are still refused by their `Origin`/`Sec-Fetch-Site` headers, which browsers send without any
cookie. Abuse is limited by a honeypot field (in each form) and a per-client rate limit that keys the cache on an
HMAC of the IP address with a secret that changes every day, so the address itself is never stored and cannot be
recovered after the short TTL.
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac


def client_key(request: HttpRequest, *, scope: str = "signup", today: datetime.date | None = None) -> str:
    """A cache key for this client that does not contain (and cannot be turned back into) its IP address.

    The HMAC secret is derived from SECRET_KEY and today's date, so yesterday's keys cannot be linked to today's.
    """
    today = today or datetime.datetime.now(datetime.UTC).date()
    ip = request.META.get("REMOTE_ADDR", "")
    daily_secret = salted_hmac("campaigns.ratelimit.day", today.isoformat()).hexdigest()
    digest = salted_hmac("campaigns.ratelimit.client", ip, secret=daily_secret).hexdigest()[:32]
    return f"{scope}-rl:{digest}"


def rate_limited(request: HttpRequest, *, limit: tuple[int, int], scope: str = "signup") -> bool:
    """Count this attempt; True when the client made more than limit[0] attempts in limit[1] seconds."""
    attempts_allowed, window = limit
    key = client_key(request, scope=scope)
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts > attempts_allowed


def is_cross_site(request: HttpRequest) -> bool:
    """True when the browser says this post came from another website."""
    if request.headers.get("Sec-Fetch-Site", "") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin != f"{request.scheme}://{request.get_host()}"
    return False

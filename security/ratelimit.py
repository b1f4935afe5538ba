"""The one client address and the one rate limit of the site, and the same-origin check for forms that carry no
CSRF token. Used by the sign-up forms (campaigns/signups.py), the newsletter's forms (newsletter/views.py), the
front-end and admin logins and the page and document password forms (security/views.py) and the API's throttle
(api/viewsets.py `PartnerRateThrottle`), so all of them count the same visitor the same way.

The client address: behind the documented proxy (docs/deployment.md) every request's REMOTE_ADDR is the proxy's,
so a limit keyed on it would put all visitors in one bucket and let one script close a campaign for everyone.
`CLIENT_IP_HEADER` names the header the proxy sets (`X-Real-IP`, or `X-Forwarded-For`, of which only the entry
`CLIENT_IP_PROXY_HOPS` from the right counts: the one our own proxy appended; everything left of it the client
can forge). Unset, REMOTE_ADDR is used (no proxy). The address is never stored: the cache key is an HMAC of it
with a secret that changes every day, so it cannot be recovered after the short time-to-live. Counting happens
in Django's default cache, which production requires to be shared (Redis, cms/settings/production.py), so every
app server and worker sees the same count.

Mails a form sends to an address typed into it are counted per mailbox (`mailbox_key`, `+tag` folded), so that
nobody can flood someone else's mailbox through our forms from however many clients.
"""

from __future__ import annotations

import datetime
import ipaddress
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

DAY = 86400


def client_address(request: HttpRequest) -> str:
    """The visitor's address as the trusted proxy reports it (REMOTE_ADDR when no proxy is configured)."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        entries = [entry.strip() for entry in request.headers.get(header, "").split(",") if entry.strip()]
        hops = max(getattr(settings, "CLIENT_IP_PROXY_HOPS", 1), 1)
        if len(entries) >= hops:
            candidate = entries[-hops]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass  # a proxy that is not set up as documented: fall back rather than trust garbage
    return request.META.get("REMOTE_ADDR", "")


def client_key(request: HttpRequest, scope: str, *, today: datetime.date | None = None) -> str:
    """A cache key for this client that does not contain (and cannot be turned back into) its address."""
    today = today or datetime.datetime.now(datetime.UTC).date()
    daily_secret = salted_hmac("security.ratelimit.day", today.isoformat()).hexdigest()
    digest = salted_hmac(f"security.ratelimit.{scope}", client_address(request), secret=daily_secret).hexdigest()
    return f"rl:{scope}:{digest[:32]}"


def count_attempt(key: str, window: int) -> int:
    """Count one attempt under `key` and return the attempts within the window (which starts at the first).

    A fixed window; `add` then `incr` are atomic in Redis, so workers on several servers never lose a count."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def rate_limited(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Count this attempt; True when the client made more than `limit` attempts within `window` seconds."""
    return count_attempt(client_key(request, scope), window) > limit


def mailbox(email: str) -> str:
    """The mailbox an address delivers to, for counting mails: `Victim+1@Example.org` is `victim@example.org`.

    Most providers deliver `name+anything@` to `name@`, so a limit per address as typed is no limit at all."""
    local, _, domain = email.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}"


def mailbox_key(scope: str, email: str) -> str:
    """A cache key for this mailbox that does not contain (and cannot be turned back into) the address."""
    return f"rl:{scope}:{salted_hmac(f'security.ratelimit.{scope}', mailbox(email)).hexdigest()[:32]}"


def mail_allowed(scope: str, email: str, *, interval: int, per_day: int) -> bool:
    """Count a mail to this mailbox; False (send nothing) when it got one of this scope within `interval` seconds
    or `per_day` of them within a day. The caller answers the visitor the same either way."""
    if not cache.add(mailbox_key(f"{scope}-interval", email), 1, timeout=interval):
        return False
    return count_attempt(mailbox_key(f"{scope}-day", email), DAY) <= per_day


def too_many_attempts(window: int) -> HttpResponse:
    """The answer to a visitor over a form's limit: 429, in their language, with when to try again."""
    response = HttpResponse(
        _("Je hebt het te vaak geprobeerd. Probeer het over tien minuten opnieuw."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(window)
    return response


def posts_limited(scope: str, setting: str):
    """A view decorator: posts from one visitor beyond `settings.<setting>` (attempts, seconds) get
    `too_many_attempts` and never reach the view (so they never reach django-axes either)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            limit, window = getattr(settings, setting)
            if request.method == "POST" and rate_limited(request, scope, limit, window):
                return too_many_attempts(window)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def is_cross_site(request: HttpRequest) -> bool:
    """True unless the browser says the post came from this very origin (or says nothing at all).

    `Sec-Fetch-Site`, which the browser sets and no page can, decides where it is sent: `same-origin` (or `none`:
    typed or bookmarked) passes, `same-site` is refused too, since a sibling subdomain is another website. Its
    `Origin` is not read then: under `Referrer-Policy: no-referrer` (the microsite's, security/headers.py) the
    browser sends `Origin: null` even for the site's own forms, and every post to the microsite's visitor login
    and password forms was refused. Browsers without `Sec-Fetch-Site` are judged by `Origin`, which must be
    exactly ours (`null`: sandboxed frames, data: URLs, some redirects, is refused); old browsers that send
    neither are let through: the form has no login to abuse.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin != f"{request.scheme}://{request.get_host()}"
    return False

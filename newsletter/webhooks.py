"""Bounces and complaints reported by the mail provider: Mailgun's webhooks (documented in README "Newsletter").

Mailgun signs every webhook: `signature.signature` is the HMAC-SHA256 of `timestamp` + `token` with the
webhook signing key (NEWSLETTER_MAILGUN_WEBHOOK_KEY). We refuse a wrong signature, a timestamp older than five
minutes and a token seen before (replays). https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks

What we do with a report (found by the Message-ID we gave the mail, never by the address):
- a permanent failure ("failed", severity "permanent"): the delivery is marked bounced and the address deleted;
- a complaint (the subscriber pressed "spam"): the delivery is marked and the address deleted;
- anything else (temporary failures, deliveries) is acknowledged and ignored.
The view answers 200 to every authentic report, also for a mail it does not know, so Mailgun stops retrying.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsletter.models import Delivery, Subscriber

logger = logging.getLogger("los.newsletter")
MAX_AGE_SECONDS = 300
MAX_BODY_BYTES = 256 * 1024  # Mailgun's reports are a few kilobytes


def valid_signature(key: str, signature: dict) -> bool:
    timestamp, token, digest = (str(signature.get(name, "")) for name in ("timestamp", "token", "signature"))
    # isascii: "²" and "①" are digits to str.isdigit() but not to int(), which answered 500 before any signature.
    if not (timestamp.isascii() and timestamp.isdigit() and token and digest) or len(token) > 100:
        return False
    if abs(time.time() - int(timestamp[:12])) > MAX_AGE_SECONDS:
        return False
    expected = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, digest):
        return False
    return cache.add(f"newsletter-webhook:{hashlib.sha256(token.encode()).hexdigest()}", 1, MAX_AGE_SECONDS * 2)


def record_report(message_id: str, event: str, severity: str = "") -> str:
    """Apply one provider report to the delivery with this Message-ID. Returns what was recorded ("" for nothing)."""
    if event == "failed" and severity == "permanent":
        status = Delivery.Status.BOUNCED
    elif event == "complained":
        status = Delivery.Status.COMPLAINED
    else:
        return ""
    message_id = message_id.replace("\x00", "").strip().strip("<>")
    if not message_id or len(message_id) > 250:
        return ""
    with transaction.atomic():
        delivery = Delivery.objects.filter(message_id=f"<{message_id}>").select_for_update().first()
        if delivery is None:
            return ""
        Delivery.objects.filter(pk=delivery.pk).update(status=status)
        Subscriber.objects.filter(pk=delivery.subscriber_id).delete()
    logger.info("newsletter: delivery %s reported %s; the address was deleted", delivery.pk, status)
    return status


@csrf_exempt  # a server-to-server call, authenticated by its signature
@require_POST
def mailgun(request: HttpRequest) -> HttpResponse:
    key = settings.NEWSLETTER_MAILGUN_WEBHOOK_KEY
    if not key:
        raise Http404
    # Anyone can post here, before any signature is checked: the size first, then JSON that cannot recurse us
    # into a 500 (json.loads raises RecursionError for "[" nested some thousand deep).
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isascii() or not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
        return HttpResponse("payload too large", status=413)
    if len(request.body) > MAX_BODY_BYTES:
        return HttpResponse("payload too large", status=413)
    try:
        payload = json.loads(request.body)
        signature, data = payload["signature"], payload["event-data"]
        if not isinstance(signature, dict) or not isinstance(data, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError, RecursionError):
        return HttpResponseBadRequest("bad payload")
    if not valid_signature(key, signature):
        return HttpResponseForbidden("bad signature")
    message = data.get("message")
    headers = message.get("headers") if isinstance(message, dict) else None
    message_id = headers.get("message-id") if isinstance(headers, dict) else ""
    record_report(str(message_id or ""), str(data.get("event", "")), str(data.get("severity", "")))
    return HttpResponse("ok")

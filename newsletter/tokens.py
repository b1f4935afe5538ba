"""Signed, expiring links in the newsletter's mails (django.core.signing.TimestampSigner).

A token signs the subscriber's random `key` (never the address, which would be readable in the link) with a salt
per purpose, so a confirmation link cannot be used to unsubscribe and the other way round. Confirmation links
expire after NEWSLETTER_CONFIRM_DAYS (the unconfirmed address is deleted then too); the "manage" link in every
mail (change lists, unsubscribe) after NEWSLETTER_MANAGE_LINK_DAYS, after which the visitor asks for a new one.
https://docs.djangoproject.com/en/5.2/topics/signing/
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core import signing

from newsletter.models import Subscriber

CONFIRM = "newsletter.confirm"
MANAGE = "newsletter.manage"
MAX_TOKEN_LENGTH = 200


def max_age(purpose: str) -> datetime.timedelta:
    days = settings.NEWSLETTER_CONFIRM_DAYS if purpose == CONFIRM else settings.NEWSLETTER_MANAGE_LINK_DAYS
    return datetime.timedelta(days=days)


def make_token(subscriber: Subscriber, purpose: str) -> str:
    return signing.TimestampSigner(salt=purpose).sign(subscriber.key.hex)


def read_token(token: str, purpose: str) -> Subscriber | None:
    """The subscriber a valid, unexpired token of this purpose names; None for anything else."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        key = uuid.UUID(hex=signing.TimestampSigner(salt=purpose).unsign(token, max_age=max_age(purpose)))
    except (signing.BadSignature, ValueError):  # SignatureExpired is a BadSignature
        return None
    return Subscriber.objects.filter(key=key).first()

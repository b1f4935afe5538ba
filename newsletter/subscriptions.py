"""Subscribing, confirming, changing lists and unsubscribing: the rules, in one place for the views and tests.

- Double opt-in: a new address is stored unconfirmed and gets a confirmation mail; only following its signed link
  makes it a subscription. Unconfirmed addresses are deleted after NEWSLETTER_CONFIRM_DAYS (retention.py).
- The form never tells whether an address is known: a new or unconfirmed address gets the confirmation mail, a
  confirmed one a mail with the link to change its lists; the visitor sees the same answer either way, and both
  mails go out from the same background task after the same database work.
- One address gets at most one such mail per NEWSLETTER_MAIL_INTERVAL seconds (nobody can flood a mailbox
  through our form); the cache key is an HMAC of the address, never the address.
- Unsubscribing deletes the address. Addresses never appear in logs.
"""

from __future__ import annotations

import logging
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django_tasks import task

from newsletter.links import link_site, token_link
from newsletter.models import MailingList, Subscriber
from newsletter.tokens import CONFIRM, MANAGE

logger = logging.getLogger("los.newsletter")

CONFIRM_MAIL = "confirm"
MANAGE_MAIL = "manage"


def _mail_allowed(email: str) -> bool:
    key = "newsletter-mail:" + salted_hmac("newsletter.mail-interval", email.lower()).hexdigest()[:32]
    return cache.add(key, 1, timeout=settings.NEWSLETTER_MAIL_INTERVAL)


def subscribe(email: str, lists: list[MailingList], language: str, *, root: str) -> None:
    """Record a subscription request and queue the mail that goes with it (see the module docstring)."""
    now = timezone.now()
    for _attempt in range(2):  # a second request for the same new address may win the race to insert it
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.with_address(email).select_for_update().first()
                if subscriber is None:
                    subscriber = Subscriber.objects.create(email=email, language=language, consent_at=now)
                if subscriber.is_confirmed:
                    kind = MANAGE_MAIL  # lists change only through the link that mail carries
                else:
                    subscriber.language, subscriber.consent_at = language, now
                    subscriber.save(update_fields=["language", "consent_at"])
                    subscriber.lists.set(lists)
                    kind = CONFIRM_MAIL
                if _mail_allowed(email):
                    transaction.on_commit(partial(send_subscription_mail.enqueue, subscriber.pk, kind, root))
            return
        except IntegrityError:
            continue


def request_manage_link(email: str, *, root: str) -> None:
    """Mail the link to change lists or unsubscribe to a confirmed address (silently nothing otherwise)."""
    subscriber = Subscriber.objects.confirmed().with_address(email).first()
    if subscriber is not None and _mail_allowed(email):
        send_subscription_mail.enqueue(subscriber.pk, MANAGE_MAIL, root)


def confirm(subscriber: Subscriber) -> None:
    if not subscriber.is_confirmed:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
        logger.info("newsletter: a subscription was confirmed")


def change_lists(subscriber: Subscriber, lists: list[MailingList]) -> bool:
    """Set the subscriber's lists; no list left means unsubscribing. True when the address was deleted."""
    if not lists:
        unsubscribe(subscriber)
        return True
    subscriber.lists.set(lists)
    return False


def unsubscribe(subscriber: Subscriber) -> None:
    """Delete the address and its choices; delivery records stay, without it, for the issues' figures."""
    subscriber.delete()
    logger.info("newsletter: an address unsubscribed and was deleted")


def link_for(subscriber: Subscriber, root: str, kind: str) -> str:
    """The mail's signed link, on a site that offers the subscriber's language (`root`: the form's site, preferred)."""
    name, purpose = ("newsletter:confirm", CONFIRM) if kind == CONFIRM_MAIL else ("newsletter:manage", MANAGE)
    site_root, language = link_site(subscriber.lists.all(), subscriber.language, prefer_root=root)
    return token_link(subscriber, name, purpose, root=site_root, language=language)


@task()
def send_subscription_mail(subscriber_id: int, kind: str, root: str) -> None:
    """The confirmation mail, or the change-your-lists mail for an address that is already confirmed."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).prefetch_related("lists").first()
    if subscriber is None:
        return
    context = {
        "subscriber": subscriber,
        "lists": list(subscriber.lists.all()),
        "link": link_for(subscriber, root, kind),
        "days": settings.NEWSLETTER_CONFIRM_DAYS,
    }
    with translation.override(subscriber.language):
        subject = render_to_string(f"newsletter/mail/{kind}_subject.txt", context).strip()
        body = render_to_string(f"newsletter/mail/{kind}.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [subscriber.email]).send()

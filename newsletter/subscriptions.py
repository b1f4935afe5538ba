"""Subscribing, confirming, changing lists and unsubscribing: the rules, in one place for the views and tests.

- Double opt-in: a new address is stored unconfirmed and gets a confirmation mail; only following its signed link
  makes it a subscription. Unconfirmed addresses are deleted after NEWSLETTER_CONFIRM_DAYS (retention.py).
- The form never tells whether an address is known: a new or unconfirmed address gets the confirmation mail, a
  confirmed one a mail with the link to change its lists; the visitor sees the same answer either way, and both
  mails go out from the same background task after the same database work.
- Posting a known address again changes nothing stored: an unconfirmed address keeps its lists, language and
  consent date (so a stranger cannot change them, nor put off its deletion), a confirmed one changes its lists
  only through the link in its mail.
- Nobody can flood a mailbox through our forms: mails are counted per mailbox (`name+tag@` is `name@`,
  security/ratelimit.py `mailbox_key`, an HMAC, never the address): at most one per NEWSLETTER_MAIL_INTERVAL
  seconds and NEWSLETTER_MAILS_PER_DAY a day, and a confirmation mail at most once a day and
  NEWSLETTER_CONFIRM_MAILS times while an unconfirmed address lives (NEWSLETTER_CONFIRM_DAYS). The visitor's
  answer is the same whether a mail went out or not.
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
from django_tasks import task

from newsletter.links import link_site, token_link
from newsletter.models import MailingList, Subscriber
from newsletter.tokens import CONFIRM, MANAGE
from security.ratelimit import DAY, count_attempt, mail_allowed, mailbox_key

logger = logging.getLogger("los.newsletter")

CONFIRM_MAIL = "confirm"
MANAGE_MAIL = "manage"


def _mail_allowed(email: str, kind: str) -> bool:
    """Whether this mailbox may get this mail now (module docstring); counts it when it may."""
    interval, per_day = settings.NEWSLETTER_MAIL_INTERVAL, settings.NEWSLETTER_MAILS_PER_DAY
    if not mail_allowed("newsletter-mail", email, interval=interval, per_day=per_day):
        return False
    if kind == CONFIRM_MAIL:
        if not cache.add(mailbox_key("newsletter-confirm-day", email), 1, timeout=DAY):
            return False
        window = settings.NEWSLETTER_CONFIRM_DAYS * DAY
        return count_attempt(mailbox_key("newsletter-confirm", email), window) <= settings.NEWSLETTER_CONFIRM_MAILS
    return True


def subscribe(email: str, lists: list[MailingList], language: str, *, root: str) -> None:
    """Record a subscription request and queue the mail that goes with it (see the module docstring)."""
    for _attempt in range(2):  # a second request for the same new address may win the race to insert it
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.with_address(email).select_for_update().first()
                if subscriber is None:
                    subscriber = Subscriber.objects.create(email=email, language=language, consent_at=timezone.now())
                    subscriber.lists.set(lists)
                # A known address keeps its choices, its consent date and so its deletion date: whoever posts it
                # again (the owner or a stranger) only gets the mail resent, within the limits.
                kind = MANAGE_MAIL if subscriber.is_confirmed else CONFIRM_MAIL
                if _mail_allowed(email, kind):
                    transaction.on_commit(partial(send_subscription_mail.enqueue, subscriber.pk, kind, root))
            return
        except IntegrityError:
            continue


def request_manage_link(email: str, *, root: str) -> None:
    """Mail the link to change lists or unsubscribe to a confirmed address (silently nothing otherwise)."""
    subscriber = Subscriber.objects.confirmed().with_address(email).first()
    if subscriber is not None and _mail_allowed(email, MANAGE_MAIL):
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

"""Sending an issue: in batches from a background task, with retries and a rate limit, resumable after a crash.

1. `start_sending` writes one Delivery per recipient (unique per issue and subscriber, so running it twice adds
   nobody twice) and queues `send_batch`.
2. `send_batch` takes up to NEWSLETTER_BATCH_SIZE pending deliveries and sends them on one connection through
   Django's mail backend (EMAIL_URL). Each delivery is first claimed with a conditional update (pending ->
   "sending", committed at once, so two workers never send the same one), then sent, then marked "sent". A mail
   that fails is retried after a pause, at most NEWSLETTER_MAX_ATTEMPTS times. A worker that dies mid-send
   leaves at most the one delivery it was sending as "sending": it is never sent again (that subscriber may
   miss one issue, but nobody ever gets it twice).
3. With a worker (a backend that can defer tasks) the next batch is queued NEWSLETTER_BATCH_INTERVAL seconds
   later: that is the rate limit. Without one (development, tests) the batches run one after the other.
4. `resume_stalled` (run periodically, see newsletter/periodic.py) re-queues issues whose worker died.
"""

from __future__ import annotations

import datetime
import logging
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import default_task_backend, task

from caching.fragments import invalidate_fragments
from newsletter.models import Delivery, Issue, Subscriber
from newsletter.rendering import render_issue
from security.downloads import header_text

logger = logging.getLogger("los.newsletter")


def build_message(issue: Issue, subscriber: Subscriber, *, connection=None) -> EmailMultiAlternatives:
    """The mail for one subscriber: plain text and HTML, one-click unsubscribe headers (RFC 8058)."""
    rendered = render_issue(issue, subscriber=subscriber)
    message = EmailMultiAlternatives(
        subject=header_text(issue.subject),  # one line, whatever an older or imported subject holds
        body=rendered.text,
        from_email=issue.mailing_list.from_email,
        to=[subscriber.email],
        reply_to=[issue.mailing_list.reply_to] if issue.mailing_list.reply_to else None,
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{rendered.unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{header_text(issue.mailing_list.name)} <{issue.mailing_list.slug}.lists.los>",
            "Message-ID": make_msgid(domain=settings.NEWSLETTER_MESSAGE_ID_DOMAIN),
        },
    )
    message.attach_alternative(rendered.html, "text/html")
    return message


def send_test(issue: Issue, email: str) -> None:
    """A test mail to a member of staff, exactly as a subscriber gets it (the links work for this address only
    while a subscriber with it exists; otherwise they lead to "link no longer valid"), but for the link to the
    archive, which a draft is not in yet."""
    stand_in = Subscriber(email=email, language=issue.language)
    message = build_message(issue, stand_in)
    message.subject = f"[TEST] {message.subject}"
    message.send()


def start_sending(issue: Issue, *, when: datetime.datetime | None = None) -> int:
    """Freeze the recipients of the issue and queue the sending (now, or at `when`). Returns the recipients."""
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.status in (Issue.Status.SENDING, Issue.Status.SENT):
            return issue.deliveries.count()
        if when is not None and when > timezone.now():
            issue.status, issue.scheduled_at = Issue.Status.SCHEDULED, when
            issue.save(update_fields=["status", "scheduled_at"])
            return issue.recipients().count()
        subscriber_ids = issue.recipients().values_list("pk", flat=True)
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber_id=pk) for pk in subscriber_ids], ignore_conflicts=True, batch_size=1000
        )
        # The issue's date from now on, in every mail and in the archive (while it renders, the draft's creation
        # date would be shown, and a batch running past midnight would give mails two dates).
        issue.status, issue.sent_at = Issue.Status.SENDING, timezone.now()
        issue.save(update_fields=["status", "sent_at"])
        pk = issue.pk
        transaction.on_commit(lambda: send_batch.enqueue(pk))
        total = issue.deliveries.count()
    logger.info("newsletter: issue %s queued for %d recipients", pk, total)
    return total


def _due(issue_id: int, size: int) -> list[Delivery]:
    return list(
        Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING)
        .exclude(next_attempt_at__gt=timezone.now())
        .order_by("pk")[:size]
    )


def _claim(delivery: Delivery) -> bool:
    """Mark one delivery "sending" (committed at once) if nobody else did; True when it is ours to send."""
    claimed = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.SENDING, updated_at=timezone.now()
    )
    return claimed == 1


def _send_one(issue: Issue, delivery: Delivery, connection) -> None:
    if not _claim(delivery):  # another worker took it
        return
    subscriber = Subscriber.objects.filter(pk=delivery.subscriber_id).first()
    if subscriber is None:  # unsubscribed while the issue was going out
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED)
        return
    message = build_message(issue, subscriber, connection=connection)
    try:
        message.send()
    except Exception:  # any failure of the mail server: retry later, never crash the batch  # noqa: BLE001
        attempts = delivery.attempts + 1
        retry = attempts < settings.NEWSLETTER_MAX_ATTEMPTS
        Delivery.objects.filter(pk=delivery.pk).update(
            attempts=attempts,
            status=Delivery.Status.PENDING if retry else Delivery.Status.FAILED,
            next_attempt_at=timezone.now() + datetime.timedelta(seconds=settings.NEWSLETTER_RETRY_SECONDS * attempts),
        )
        logger.warning("newsletter: delivery %s of issue %s failed (attempt %d)", delivery.pk, issue.pk, attempts)
        return
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENT, attempts=delivery.attempts + 1, message_id=message.extra_headers["Message-ID"]
    )


def _finish_if_done(issue: Issue) -> bool:
    """Mark the issue sent once nothing is waiting any more. True when it is done."""
    if issue.deliveries.filter(status=Delivery.Status.PENDING).exists():
        return False
    Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENDING).update(
        status=Issue.Status.SENT,
        sent_at=Coalesce("sent_at", Value(timezone.now())),  # an issue queued before 2026-12
    )
    invalidate_fragments()  # the archive pages (page cache) now list this issue; an update() sends no signal
    logger.info("newsletter: issue %s sent", issue.pk)
    return True


@task()
def send_batch(issue_id: int) -> None:
    """Send one batch of an issue and queue the next (see the module docstring)."""
    issue = Issue.objects.select_related("mailing_list").filter(pk=issue_id, status=Issue.Status.SENDING).first()
    if issue is None:
        return
    deferrable = default_task_backend.supports_defer
    while True:
        batch = _due(issue.pk, settings.NEWSLETTER_BATCH_SIZE)
        if batch:
            with get_connection() as connection:
                for delivery in batch:
                    _send_one(issue, delivery, connection)
        if _finish_if_done(issue):
            return
        waiting = issue.deliveries.filter(status=Delivery.Status.PENDING)
        if deferrable:
            pause = datetime.timedelta(seconds=settings.NEWSLETTER_BATCH_INTERVAL)
            next_due = waiting.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
            run_after = max(timezone.now() + pause, next_due or timezone.now())
            send_batch.using(run_after=run_after).enqueue(issue.pk)
            return
        if not batch:  # only retries that are not due yet: resume_stalled picks them up later
            return


def resume_stalled(*, now: datetime.datetime | None = None) -> int:
    """Queue scheduled issues that are due, and issues still sending whose worker went quiet. Returns how many."""
    now = now or timezone.now()
    quiet = now - datetime.timedelta(seconds=settings.NEWSLETTER_STALLED_SECONDS)
    stalled = list(Issue.objects.filter(status=Issue.Status.SENDING).exclude(deliveries__updated_at__gte=quiet))
    queued = 0
    for issue in Issue.objects.filter(status=Issue.Status.SCHEDULED, scheduled_at__lte=now):
        Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.DRAFT)
        start_sending(issue)
        queued += 1
    for issue in stalled:
        send_batch.enqueue(issue.pk)
        queued += 1
    return queued


def progress(issue: Issue) -> dict[str, int]:
    """Deliveries of the issue by status (for the progress view)."""
    counts = dict(issue.deliveries.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {status: counts.get(status, 0) for status in Delivery.Status.values}

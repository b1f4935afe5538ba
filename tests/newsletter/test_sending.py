"""Sending an issue: batches, no duplicates after a crash, retries, clean mails, the archive shows the same."""

from __future__ import annotations

import datetime
import re
import smtplib
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone, translation
from django.utils.formats import date_format

from newsletter.models import Delivery, Issue, Subscriber
from newsletter.rendering import render_issue
from newsletter.sending import progress, resume_stalled, send_batch, start_sending

pytestmark = pytest.mark.django_db


class WorkerDied(BaseException):
    """What the worker process dying looks like from inside it: nothing catches it."""


@pytest.fixture
def subscribers(make_subscriber, los_list, women_list):
    people = [make_subscriber(f"lezer{n}@example.org") for n in range(5)]
    make_subscriber("andere-lijst@example.org", lists=[women_list])
    make_subscriber("onbevestigd@example.org", confirmed=False)
    make_subscriber("engels@example.org", language="en")
    return people


def send(issue, capture):
    with capture(execute=True):
        return start_sending(issue)


def recipients_of_outbox() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_an_issue_goes_to_each_confirmed_subscriber_of_its_list_and_language_once(
    issue, subscribers, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 2
    assert send(issue, django_capture_on_commit_callbacks) == 5
    assert recipients_of_outbox() == sorted(s.email for s in subscribers)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and issue.sent_at
    assert progress(issue)[Delivery.Status.SENT] == 5
    # Sending again (a double click, a second worker) sends nobody anything.
    assert send(issue, django_capture_on_commit_callbacks) == 5
    assert len(mail.outbox) == 5


def test_a_crash_mid_send_resumes_without_duplicates(
    issue, subscribers, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 2
    real_send = EmailBackend.send_messages
    sent = []

    def crash_on_third(self, messages):
        if len(sent) == 2:
            raise WorkerDied
        sent.extend(messages)
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", crash_on_third)
    send(issue, django_capture_on_commit_callbacks)  # the task dies (the immediate backend records it as failed)
    assert len(mail.outbox) == 2
    counts = progress(issue)
    assert (counts[Delivery.Status.SENT], counts[Delivery.Status.SENDING], counts[Delivery.Status.PENDING]) == (2, 1, 2)

    # A new worker picks the issue up (newsletter_periodic finds it quiet) and finishes it.
    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    assert resume_stalled(now=timezone.now() + datetime.timedelta(hours=1)) == 1
    addresses = recipients_of_outbox()
    assert len(addresses) == len(set(addresses)) == 4  # nobody twice; the one in flight is not sent again
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_a_failing_mail_is_retried_later_and_then_sent_once(
    issue, make_subscriber, monkeypatch, django_capture_on_commit_callbacks
):
    make_subscriber()
    real_send = EmailBackend.send_messages
    failures = iter([True])

    def flaky(self, messages):
        if next(failures, False):
            raise smtplib.SMTPServerDisconnected("weg")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky)
    send(issue, django_capture_on_commit_callbacks)
    delivery = issue.deliveries.get()
    assert (delivery.status, delivery.attempts, len(mail.outbox)) == (Delivery.Status.PENDING, 1, 0)
    assert delivery.next_attempt_at > timezone.now()
    send_batch.call(issue.pk)  # not due yet: nothing happens
    assert len(mail.outbox) == 0
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    send_batch.call(issue.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, len(mail.outbox)) == (Delivery.Status.SENT, 2, 1)


class Addresses(HTMLParser):
    """Every address an HTML document points at or loads."""

    def __init__(self):
        super().__init__()
        self.loads, self.links = [], []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "srcset", "background", "poster", "data"):
                self.loads.append(value)
            elif name == "href":
                (self.loads if tag == "link" else self.links).append(value)


def test_mails_have_both_parts_the_unsubscribe_headers_and_nothing_external(
    issue, make_subscriber, main_site, django_capture_on_commit_callbacks
):
    make_subscriber()
    send(issue, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    headers = message.message()
    assert re.fullmatch(r"<http://[^>]+/nieuwsbrief/afmelden/[^>]+/>", headers["List-Unsubscribe"])
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.from_email.startswith("Stichting LOS <")
    assert "Meldpunt" in message.body  # the plain-text part
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    parser = Addresses()
    parser.feed(html)
    assert parser.loads == []  # no pixel, no image, no font, no style sheet from anywhere
    assert "@import" not in html and "url(" not in html
    own_host = urlsplit(main_site.root_url).netloc
    assert parser.links
    for link in parser.links:
        assert urlsplit(link).netloc == own_host, link  # no rewritten or third-party links
        assert "utm_" not in link


def test_the_archive_page_shows_what_the_mail_said(
    client, issue, newsletter_page, make_subscriber, django_capture_on_commit_callbacks
):
    make_subscriber()
    # A draft written days before it goes out: the mail carries the day it was sent, like the archive.
    Issue.objects.filter(pk=issue.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    issue.refresh_from_db()
    send(issue, django_capture_on_commit_callbacks)
    issue.refresh_from_db()
    content = render_issue(issue).content
    with translation.override("nl"):
        sent_on = date_format(timezone.localtime(issue.sent_at), "j F Y")
    assert f'<p class="nl-list">LOS nieuws · {sent_on}</p>' in content
    [message] = mail.outbox
    assert content in message.alternatives[0][0]
    archive = client.get(newsletter_page.url + "archief/")
    assert issue.subject in archive.text
    page = client.get(f"{newsletter_page.url}archief/{issue.pk}/")
    assert page.status_code == 200
    assert content in page.text
    assert f"/archief/{issue.pk}/" in message.body  # the mail links to its archive page
    assert not page.cookies and "public" in page["Cache-Control"]


def test_a_draft_is_not_in_the_archive(client, issue, newsletter_page):
    assert client.get(f"{newsletter_page.url}archief/{issue.pk}/").status_code == 404


def test_the_archive_link_works_from_the_first_mail_and_a_test_mail_has_none(
    client, issue, newsletter_page, make_subscriber, settings, django_capture_on_commit_callbacks
):
    """A subscriber who follows "Lees deze nieuwsbrief op de website" while the rest of the list is still being
    sent finds the issue (it answered 404 until the last mail had gone); a test mail of a draft, which no visitor
    can open, does not offer the link at all (it led staff to a 404)."""
    from newsletter.sending import send_test

    send_test(issue, "redactie@example.org")
    [test_mail] = mail.outbox
    assert "/archief/" not in test_mail.body and "/archief/" not in test_mail.alternatives[0][0]
    assert "Lees deze nieuwsbrief op de website" not in test_mail.body

    settings.PAGE_CACHE_SECONDS = 300  # as in production: the archive list is a cached page
    archive = newsletter_page.url + "archief/"
    assert issue.subject not in client.get(archive).text

    make_subscriber()
    with django_capture_on_commit_callbacks(execute=True):
        start_sending(issue, when=timezone.now() + datetime.timedelta(hours=1))  # not yet: nothing to renew
    assert issue.subject not in client.get(archive).text
    with django_capture_on_commit_callbacks(execute=False):
        start_sending(issue)  # the batches run after the commit (not here), so the issue is still being sent
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING
    address = f"{newsletter_page.url}archief/{issue.pk}/"
    assert address in render_issue(issue).text
    assert client.get(address).status_code == 200
    # The cached list was renewed when sending started (saving the issue, a snippet, renews the page cache).
    assert issue.subject in client.get(archive).text


def test_a_scheduled_issue_goes_out_when_due(issue, make_subscriber, django_capture_on_commit_callbacks):
    make_subscriber()
    when = timezone.now() + datetime.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        start_sending(issue, when=when)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SCHEDULED and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        assert resume_stalled(now=timezone.now()) == 0
        assert resume_stalled(now=when + datetime.timedelta(minutes=1)) == 1
    assert len(mail.outbox) == 1


def test_unsubscribing_mid_send_leaves_the_record_without_the_address(
    issue, make_subscriber, django_capture_on_commit_callbacks
):
    subscriber = make_subscriber()
    send(issue, django_capture_on_commit_callbacks)
    Subscriber.objects.filter(pk=subscriber.pk).delete()
    delivery = issue.deliveries.get()
    assert delivery.subscriber is None and delivery.status == Delivery.Status.SENT


@pytest.mark.parametrize(("language", "direction"), [("nl", "ltr"), ("en", "ltr"), ("fr", "ltr"), ("ar", "rtl")])
def test_the_mail_says_its_language_and_direction(women_list, make_subscriber, language, direction):
    """An Arabic issue had lang="ar" but no dir="rtl": mail programs showed it left to right."""
    from newsletter.sending import build_message

    subscriber = make_subscriber(f"lezer-{language}@example.org", lists=[women_list], language=language)
    issue = Issue.objects.create(mailing_list=women_list, subject="Test", language=language, intro="<p>Hallo</p>")
    html = build_message(issue, subscriber).alternatives[0][0]
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_a_subject_with_a_line_break_still_makes_a_mail(women_list, make_subscriber):
    """A subject stored before the admin cleaned pasted text (or imported) with a line break: Django refused the
    header (BadHeaderError), and every mail of the issue failed."""
    from newsletter.sending import build_message

    subscriber = make_subscriber("lezer-kop@example.org", lists=[women_list], language="nl")
    issue = Issue.objects.create(
        mailing_list=women_list, subject="Nieuws\nvan LOS\x0b", language="nl", intro="<p>x</p>"
    )
    message = build_message(issue, subscriber).message()
    assert message["Subject"] == "Nieuws van LOS"

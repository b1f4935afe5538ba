"""The newsletter in the admin: who may compose, send and see addresses; the proposal, preview, test and send."""

from __future__ import annotations

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from editors.roles import ROLES
from newsletter.models import Issue

pytestmark = pytest.mark.django_db

GROUPS = [role.name for role in ROLES]
COMPOSERS = {"Redactie", "Eindredactie"}
SEES_ADDRESSES = {"Eindredactie"}


def allowed(response) -> bool:
    return response.status_code == 200


def views(issue) -> dict[str, tuple[str, set[str]]]:
    """Each admin view of the newsletter and the groups that may open it."""
    return {
        "issues": (reverse("wagtailsnippets_newsletter_issue:list"), COMPOSERS),
        "new issue": (reverse("wagtailsnippets_newsletter_issue:add"), COMPOSERS),
        "edit issue": (reverse("wagtailsnippets_newsletter_issue:edit", args=[issue.pk]), COMPOSERS),
        "send": (reverse("newsletter_admin:send", args=[issue.pk]), COMPOSERS),
        "progress": (reverse("newsletter_admin:progress", args=[issue.pk]), COMPOSERS),
        "lists": (reverse("wagtailsnippets_newsletter_mailinglist:list"), COMPOSERS),
        "edit list": (
            reverse("wagtailsnippets_newsletter_mailinglist:edit", args=[issue.mailing_list_id]),
            SEES_ADDRESSES,
        ),
        "subscribers": (reverse("wagtailsnippets_newsletter_subscriber:list"), SEES_ADDRESSES),
    }


@pytest.mark.parametrize("group", GROUPS)
def test_each_group_sees_exactly_its_newsletter_views(login, issue, make_subscriber, group):
    subscriber = make_subscriber("geheim@example.org")
    client = login(group)
    for name, (url, groups) in views(issue).items():
        response = client.get(url)
        assert allowed(response) == (group in groups), f"{group} {name}: {response.status_code}"
    edit_subscriber = client.get(reverse("wagtailsnippets_newsletter_subscriber:edit", args=[subscriber.pk]))
    assert allowed(edit_subscriber) == (group in SEES_ADDRESSES)
    # Nobody adds an address by hand: only the form (double opt-in) and the import make subscribers.
    assert not allowed(client.get(reverse("wagtailsnippets_newsletter_subscriber:add")))
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert ("los-newsletter" in dashboard.text) == (group in COMPOSERS)
    assert "geheim@example.org" not in dashboard.text


def test_a_new_issue_proposes_the_last_two_weeks(login, monkeypatch):
    from news.models import NewsPage

    recent = NewsPage.objects.live().filter(locale__language_code="nl").order_by("-publication_date").first()
    monkeypatch.setattr("newsletter.models.issues.timezone.now", lambda: recent.publication_date)
    response = login("Redactie").get(reverse("wagtailsnippets_newsletter_issue:add"))
    assert response.status_code == 200
    assert recent.title in response.text


def test_preview_as_html_and_plain_text(login, issue):
    client = login("Redactie")
    url = reverse("wagtailsnippets_newsletter_issue:preview_on_edit", args=[issue.pk])
    edit = client.get(reverse("wagtailsnippets_newsletter_issue:edit", args=[issue.pk]))
    assert "Platte tekst" in edit.text
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "mailing_list": issue.mailing_list_id,
            "language": "nl",
            "subject": issue.subject,
            "intro": rich_text("<p>Hallo</p>"),
            "items": streamfield([]),
        }
    )
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url)
    assert issue.subject in html.text and "<html" in html.text
    text = client.get(url, {"mode": "text"})
    assert text["Content-Type"].startswith("text/plain") and issue.subject.upper() in text.text


def test_redactie_tests_then_sends_and_follows_progress(
    login, issue, make_subscriber, django_capture_on_commit_callbacks
):
    make_subscriber()
    client = login("Redactie")
    url = reverse("newsletter_admin:send", args=[issue.pk])
    response = client.post(url, {"action": "test"})
    assert response.status_code == 302
    [test] = mail.outbox
    assert test.to == ["staf@example.org"] and test.subject.startswith("[TEST]")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "send"})
    assert response["Location"] == reverse("newsletter_admin:progress", args=[issue.pk])
    assert [m.to for m in mail.outbox[1:]] == [["lezer@example.org"]]
    progress = client.get(response["Location"])
    assert "100%" in progress.text
    # A sent issue cannot be changed any more: its edit view leads to its progress.
    edit = client.get(reverse("wagtailsnippets_newsletter_issue:edit", args=[issue.pk]))
    assert edit["Location"] == reverse("newsletter_admin:progress", args=[issue.pk])


@pytest.mark.parametrize("error", [smtplib.SMTPServerDisconnected("weg"), ConnectionRefusedError(111, "refused")])
def test_a_test_mail_with_the_mail_server_down_says_so_in_dutch(login, issue, monkeypatch, error):
    def down(self, messages):
        raise error

    monkeypatch.setattr(EmailBackend, "send_messages", down)
    client = login("Eindredactie")
    client.raise_request_exception = False
    url = reverse("newsletter_admin:send", args=[issue.pk])
    response = client.post(url, {"action": "test"}, follow=True)
    assert response.status_code == 200  # was a 500
    assert "De testmail is niet verstuurd: de mailserver is nu niet bereikbaar." in response.text
    assert "Testmail verstuurd" not in response.text


def test_scheduling_needs_a_moment_in_the_future(login, issue):
    client = login("Redactie")
    url = reverse("newsletter_admin:send", args=[issue.pk])
    for when in ["", "2000-01-01T10:00", "morgen", "9999-12-31T23:59", "2026-13-45T99:99"]:
        response = client.post(url, {"action": "schedule", "when": when})
        assert response.status_code == 400, when
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT


def test_the_history_keeps_who_changed_or_deleted_a_subscriber_but_not_the_address(login, make_subscriber, los_list):
    """Wagtail names log entries by `str()`, the address: an address deleted on request stayed in "Site history"
    for good. Now the entries say "abonnee #<id>" (security/history.py), and the migration relabels older ones."""
    import importlib

    from django.apps import apps
    from wagtail.models import ModelLogEntry

    address = "verwijder-mij@example.org"
    subscriber = make_subscriber(address)
    entries = ModelLogEntry.objects.filter(object_id=str(subscriber.pk), content_type__model="subscriber")
    editor = login("Eindredactie")
    edit = reverse("wagtailsnippets_newsletter_subscriber:edit", args=[subscriber.pk])
    assert editor.post(edit, {"lists": [los_list.pk], "language": "en"}).status_code == 302
    delete = reverse("wagtailsnippets_newsletter_subscriber:delete", args=[subscriber.pk])
    assert address in editor.post(delete, follow=True).content.decode()  # the message names whom you deleted
    assert sorted(entries.values_list("action", "label", "user__username")) == [
        ("wagtail.delete", f"abonnee #{subscriber.pk}", "eindredactie"),
        ("wagtail.edit", f"abonnee #{subscriber.pk}", "eindredactie"),
    ]
    history = editor.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert f"abonnee #{subscriber.pk}" in history and address not in history

    entries.update(label=address)  # as written before this fix
    importlib.import_module("newsletter.migrations.0006_history_without_addresses").relabel(apps, None)
    assert set(entries.values_list("label", flat=True)) == {f"abonnee #{subscriber.pk}"}

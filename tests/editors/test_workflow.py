"""Moderation through the admin views: submit, request changes (with a comment), resubmit, approve, live; the
e-mail notifications; and scheduled publishing and expiry with Wagtail's publish_scheduled command."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from editors import roles
from news.models import NewsPage
from tests.editors.conftest import add_url, edit_url, news_form

pytestmark = pytest.mark.django_db


def workflow_action(client, page, action: str, comment: str = ""):
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk), status="in_progress")
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def shown_messages(client) -> str:
    """The messages the next admin page shows (the dashboard, where the moderator's buttons are)."""
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_news_and_microsite_are_moderated_by_eindredactie(news_index, microsite_home, publications_index):
    for page in (news_index, microsite_home, publications_index):
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "Goedkeuring eindredactie"
        task = workflow.tasks.get().specific
        assert list(task.groups.values_list("name", flat=True)) == [roles.EINDREDACTIE]


def test_submit_request_changes_resubmit_approve_live(client, make_user, news_index, settings):
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
    intern = make_user(roles.STAGIAIRS, "stagiair")
    intern.email = "stagiair@example.org"
    intern.save()
    moderator = make_user(roles.EINDREDACTIE, "eindredacteur")
    moderator.email = "eindredactie@example.org"
    moderator.save()

    # The intern drafts and submits.
    client.force_login(intern)
    response = client.post(
        add_url(news_index, NewsPage), {**news_form("Meldpunt ziet meer meldingen"), "action-submit": "1"}
    )
    assert response.status_code == 302
    page = NewsPage.objects.child_of(news_index).get(title="Meldpunt ziet meer meldingen")
    assert not page.live
    assert page.workflow_in_progress
    assert any("eindredactie@example.org" in message.to for message in mail.outbox)

    # The moderator asks for changes, with a comment the intern sees.
    mail.outbox.clear()
    client.force_login(moderator)
    response = workflow_action(client, page, "reject", "Graag een bron bij het cijfer.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Graag een bron bij het cijfer."
    assert any("stagiair@example.org" in message.to for message in mail.outbox)
    assert not page.live
    # The moderator is told what was done (the dashboard reloads to the same message).
    assert "Je hebt om wijzigingen gevraagd voor ‘Meldpunt ziet meer meldingen’" in shown_messages(client)
    # The e-mail asks for changes, it does not call the page "afgekeurd" (rejected).
    to_intern = [message for message in mail.outbox if "stagiair@example.org" in message.to]
    assert all("afgekeurd" not in (message.subject + message.body).lower() for message in to_intern)
    assert "wijzigingen gevraagd" in to_intern[0].subject.lower()

    # The intern opens the editor: the reviewer's comment is on top, with the reviewer's name.
    client.force_login(intern)
    response = client.get(edit_url(page))
    assert "vraagt om wijzigingen: “Graag een bron bij het cijfer.”" in response.content.decode()

    # The intern changes the text and resubmits.
    client.force_login(intern)
    data = {
        **news_form("Meldpunt ziet meer meldingen", intro="Volgens het jaarrapport van het Meldpunt."),
        "action-submit": "1",
    }
    response = client.post(edit_url(page), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The moderator approves: the page is live, with the changed text.
    client.force_login(moderator)
    workflow_action(client, page, "approve", "Prima zo.")
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert "Je hebt ‘Meldpunt ziet meer meldingen’ goedgekeurd." in shown_messages(client)
    assert page.intro == "Volgens het jaarrapport van het Meldpunt."
    assert client.get(page.get_url()).status_code == 200


def test_an_intern_cannot_approve_their_own_submission(client, make_user, news_index):
    intern = make_user(roles.STAGIAIRS, "stagiair2")
    client.force_login(intern)
    client.post(add_url(news_index, NewsPage), {**news_form("Eigen goedkeuring"), "action-submit": "1"})
    page = NewsPage.objects.child_of(news_index).get(title="Eigen goedkeuring")
    response = workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert response.status_code in (302, 403) and not page.live
    assert "goedgekeurd" not in shown_messages(client)


def test_comments_are_enabled_in_the_page_editor():
    form_class = NewsPage.get_edit_handler().get_form_class()
    assert "comments" in form_class.formsets


# Scheduled publishing ------------------------------------------------------------------------------------------


def test_scheduled_publishing_and_expiry_through_the_editor_and_publish_scheduled(
    client, make_user, news_index, monkeypatch
):
    editor = make_user(roles.REDACTIE, "redacteur")
    client.force_login(editor)
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    expire = go_live + datetime.timedelta(days=7)
    data = {
        **news_form("Aangekondigd bericht"),
        "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
        "expire_at": expire.strftime("%Y-%m-%d %H:%M"),
        "action-publish": "1",
    }
    response = client.post(add_url(news_index, NewsPage), data)
    assert response.status_code == 302
    page = NewsPage.objects.child_of(news_index).get(title="Aangekondigd bericht")
    assert not page.live  # scheduled, not yet visible
    revision = Revision.page_revisions.get(object_id=str(page.pk), approved_go_live_at__isnull=False)

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # its time has not come

    # Time passes: the clock that Wagtail and Django read moves three days on.
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=3))
    assert revision.approved_go_live_at < timezone.now()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.get_url()).status_code == 200

    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=10))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired


def test_a_taken_slug_is_reported_under_the_title_on_the_first_tab(client, make_user, news_index):
    """Issue 16: the slug sits on "Eigenschappen"; the writer is on the first tab and must see why nothing saved."""
    editor = make_user(roles.REDACTIE, "redacteur-slug")
    client.force_login(editor)
    taken = NewsPage.objects.child_of(news_index).first()
    response = client.post(add_url(news_index, NewsPage), news_form("Een nieuw bericht", slug=taken.slug))
    assert response.status_code == 200
    form = response.context["form"]
    assert "slug" in form.errors
    assert f"Het webadres ‘{taken.slug}’ is op deze plek al in gebruik." in form.errors["title"][0]

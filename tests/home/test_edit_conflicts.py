"""Issue 24 item 6: when a page changed since an editor opened it, Wagtail's concurrent editing notifications say
so (in Dutch) before saving or publishing: the edit form carries the session module, and its ping names the
newer version and who saved it. As two members of Redactie, the group that edits pages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from home.models import ContentPage

pytestmark = pytest.mark.django_db


def _editor(django_user_model, name: str) -> Client:
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "een-lang-wachtwoord-123")
    user.groups.add(Group.objects.get(name="Redactie"))
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="nl")
    client = Client()
    client.force_login(user)
    return client


def test_an_editor_is_told_a_colleague_saved_a_newer_version(django_user_model, settings):
    assert settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL == 10_000
    page = ContentPage.objects.live().filter(locale__language_code="nl").first()
    anna, bram = _editor(django_user_model, "anna"), _editor(django_user_model, "bram")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    form = anna.get(edit_url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'data-controller="w-swap w-action w-session"' in html
    session = form.context["editing_sessions"]
    revision_id = page.get_latest_revision().pk

    # Bram opens the page too and saves a new version while Anna still has it open.
    assert bram.get(edit_url).status_code == 200
    fresh = Page.objects.get(pk=page.pk).specific
    fresh.title = "Door Bram aangepast"
    fresh.save_revision(user=django_user_model.objects.get(username="bram"))

    ping = anna.post(
        session.ping_url,
        {"revision_id": revision_id, "revision_created_at": page.get_latest_revision().created_at.isoformat()},
    )
    assert ping.status_code == 200
    data = ping.json()
    assert [s["revision_id"] is not None for s in data["other_sessions"]] == [True]
    assert "bram" in data["html"]
    assert "nieuwe versie" in data["html"].lower() or "opgeslagen" in data["html"].lower(), data["html"]

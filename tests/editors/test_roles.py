"""Every group's permissions, tried through the admin views as a member of that group (not only has_perm)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Collection, GroupPagePermission, Page, WorkflowPage

from campaigns.models import MicrositeHomePage, MicrositePage
from editors import roles
from editors.sync import sync_roles
from home.models import ContentPage, OrganisationSettings, SiteTexts, Theme
from news.models import NewsPage
from research.models import PublicationPage
from tests.editors.conftest import add_url, denied, edit_url, news_form, page_form

pytestmark = pytest.mark.django_db


# The definition and its sync ---------------------------------------------------------------------------------


def test_every_role_exists_and_wagtails_starter_groups_are_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert {role.name for role in roles.ROLES} <= names
    assert not names & {"Editors", "Moderators"}
    assert set(Collection.objects.filter(depth=2).values_list("name", flat=True)) >= {"LOS", "iLegalevrouw"}


def test_sync_is_idempotent_and_undoes_hand_edits_to_managed_groups_only():
    assert sync_roles().changed is False
    redactie = Group.objects.get(name=roles.REDACTIE)
    stray = Permission.objects.get(codename="add_user")
    redactie.permissions.add(stray)
    own_group = Group.objects.create(name="Zelf gemaakt")
    own_group.permissions.add(stray)
    report = sync_roles()
    assert report.changed and report.permissions_changed == 1
    assert not redactie.permissions.filter(pk=stray.pk).exists()
    assert own_group.permissions.filter(pk=stray.pk).exists()
    assert sync_roles().changed is False


def test_a_changed_definition_is_applied(monkeypatch):
    changed = tuple(
        roles.Role(role.name, role.purpose, (*role.permissions, "home.add_theme"), role.pages, role.collections)
        if role.name == roles.VRIJWILLIGERS
        else role
        for role in roles.ROLES
    )
    monkeypatch.setattr(roles, "ROLES", changed)
    sync_roles()
    assert Group.objects.get(name=roles.VRIJWILLIGERS).permissions.filter(codename="add_theme").exists()


def test_dry_run_changes_nothing():
    Group.objects.get(name=roles.STAGIAIRS).permissions.clear()
    assert sync_roles(dry_run=True).changed
    assert not Group.objects.get(name=roles.STAGIAIRS).permissions.exists()


def test_a_new_microsite_gets_its_editors_and_workflow(microsite_home):
    root = Page.get_first_root_node()
    new_site_home = root.add_child(instance=MicrositeHomePage(title="Tweede microsite", slug="tweede-microsite"))
    group = Group.objects.get(name=roles.MICROSITE_REDACTIE)
    kinds = set(
        GroupPagePermission.objects.filter(group=group, page=new_site_home).values_list(
            "permission__codename", flat=True
        )
    )
    assert kinds == {"add_page", "change_page", "lock_page"}
    assert WorkflowPage.objects.get(page=new_site_home).workflow.name == "Goedkeuring eindredactie"


def test_every_permission_in_the_definition_exists():
    assert sync_roles().missing_permissions == []


# Redactie -----------------------------------------------------------------------------------------------------


def test_redactie_edits_and_publishes_the_main_site_but_not_the_microsite_or_settings(
    login, about_page, microsite_home, news_index, main_site
):
    client = login(roles.REDACTIE)
    assert client.get(edit_url(about_page)).status_code == 200
    response = client.post(edit_url(about_page), {**page_form(about_page), "title": "Over LOS!", "action-publish": "1"})
    assert response.status_code == 302
    about_page.refresh_from_db()
    assert about_page.title == "Over LOS!" and about_page.live and not about_page.has_unpublished_changes
    assert client.get(add_url(news_index, NewsPage)).status_code == 200
    assert denied(client.get(edit_url(microsite_home)))
    settings_url = reverse("wagtailsettings:edit", args=["home", "organisationsettings", main_site.pk])
    assert denied(client.get(settings_url))
    assert denied(client.get(reverse("wagtailsnippets_research_funder:add")))
    assert denied(client.get(reverse("wagtailusers_users:index")))
    assert client.get(reverse("wagtailsnippets_events_event:list")).status_code == 200


# Eindredactie -------------------------------------------------------------------------------------------------


def test_eindredactie_manages_both_sites_settings_funders_and_sees_signups(login, microsite_home, main_site):
    client = login(roles.EINDREDACTIE)
    assert client.get(edit_url(microsite_home)).status_code == 200
    settings_url = reverse("wagtailsettings:edit", args=["home", "organisationsettings", main_site.pk])
    assert client.get(settings_url).status_code == 200
    assert client.get(reverse("wagtailsnippets_research_funder:add")).status_code == 200
    assert client.get(reverse("wagtailsnippets_home_theme:add")).status_code == 200
    assert client.user.has_perm("campaigns.view_signupsubmission")
    assert denied(client.get(reverse("wagtailusers_users:index")))
    assert denied(client.get(reverse("wagtailusers_groups:index")))
    assert OrganisationSettings  # the setting edited above


# Stagiairs ----------------------------------------------------------------------------------------------------


def test_stagiair_drafts_news_but_cannot_publish_it(login, news_index):
    client = login(roles.STAGIAIRS)
    assert client.get(add_url(news_index, NewsPage)).status_code == 200
    response = client.post(add_url(news_index, NewsPage), {**news_form("Stagebericht"), "action-publish": "1"})
    assert response.status_code in (200, 302, 403)
    page = NewsPage.objects.child_of(news_index).filter(title="Stagebericht").first()
    # Publishing is not theirs: either the request was refused or only a draft exists.
    assert page is None or not page.live
    response = client.post(add_url(news_index, NewsPage), news_form("Concept van de stagiair"))
    draft = NewsPage.objects.child_of(news_index).get(title="Concept van de stagiair")
    assert response.status_code == 302 and not draft.live
    assert draft.owner == client.user
    assert client.get(edit_url(draft)).status_code == 200


def test_stagiair_cannot_touch_other_pages(login, news_index, about_page, make_user):
    others_item = NewsPage.objects.child_of(news_index).live().first()
    client = login(roles.STAGIAIRS)
    assert denied(client.get(edit_url(others_item)))
    assert denied(client.get(edit_url(about_page)))
    assert denied(client.get(add_url(about_page, ContentPage)))
    assert denied(client.get(reverse("wagtailadmin_pages:unpublish", args=[others_item.pk])))
    assert denied(client.get(reverse("wagtailsnippets_events_event:list")))


def test_stagiair_may_draft_a_hotline_report(login, publications_index):
    client = login(roles.STAGIAIRS)
    assert client.get(add_url(publications_index, PublicationPage)).status_code == 200


# Vrijwilligers ------------------------------------------------------------------------------------------------


def test_vrijwilligers_have_the_agenda_only(login, about_page):
    client = login(roles.VRIJWILLIGERS)
    assert client.get(reverse("wagtailsnippets_events_event:list")).status_code == 200
    assert client.get(reverse("events_admin:import")).status_code == 200
    assert denied(client.get(edit_url(about_page)))
    assert denied(client.get(reverse("wagtailimages:index")))


# Vertalers ----------------------------------------------------------------------------------------------------


def test_vertaler_cannot_edit_or_publish_dutch_pages(login, about_page):
    client = login(roles.VERTALERS)
    response = client.get(edit_url(about_page))
    assert denied(response)
    response = client.post(edit_url(about_page), {**page_form(about_page), "title": "Gekaapt", "action-publish": "1"})
    assert denied(response)
    about_page.refresh_from_db()
    assert about_page.title != "Gekaapt"
    assert denied(client.get(add_url(about_page, ContentPage)))
    english_home = about_page.get_parent().get_translations().filter(locale__language_code="en").first()
    if english_home is not None:
        assert denied(client.get(add_url(english_home, ContentPage)))
    assert denied(client.post(reverse("wagtailadmin_pages:unpublish", args=[about_page.pk])))
    assert about_page.live


def test_vertaler_starts_and_edits_a_translation(login, about_page):
    client = login(roles.VERTALERS)
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[about_page.pk])
    assert client.get(submit_url).status_code == 200
    english = about_page.get_translation_or_none(
        __import__("wagtail.models", fromlist=["Locale"]).Locale.objects.get(language_code="en")
    )
    if english is None:
        pytest.skip("the demo has no English about page")
    assert client.get(edit_url(english)).status_code == 200


def test_vertaler_cannot_edit_dutch_snippets(login):
    client = login(roles.VERTALERS)
    dutch_theme = Theme.objects.filter(locale__language_code="nl").first()
    url = reverse("wagtailsnippets_home_theme:edit", args=[dutch_theme.pk])
    assert denied(client.get(url))
    assert denied(client.post(url, {"name": "Gekaapt", "slug": dutch_theme.slug, "sort_order": 0}))
    dutch_theme.refresh_from_db()
    assert dutch_theme.name != "Gekaapt"
    english_theme = Theme.objects.filter(locale__language_code="en").first()
    if english_theme is not None:
        assert client.get(reverse("wagtailsnippets_home_theme:edit", args=[english_theme.pk])).status_code == 200


def test_vertaler_translates_the_site_texts_but_cannot_change_the_dutch_ones(login, microsite):
    client = login(roles.VERTALERS)
    dutch = SiteTexts.objects.get(site=microsite, locale__language_code="nl")
    url = reverse("wagtailsnippets_home_sitetexts:edit", args=[dutch.pk])
    assert denied(client.get(url))
    assert denied(client.post(url, {"site": microsite.pk, "tagline": "Gekaapt"}))
    dutch.refresh_from_db()
    assert dutch.tagline != "Gekaapt"
    arabic = SiteTexts.objects.get(site=microsite, locale__language_code="ar")
    assert client.get(reverse("wagtailsnippets_home_sitetexts:edit", args=[arabic.pk])).status_code == 200


def test_a_vertaler_who_is_also_redactie_is_not_limited(login, about_page):
    client = login(roles.VERTALERS)
    client.user.groups.add(Group.objects.get(name=roles.REDACTIE))
    assert client.get(edit_url(about_page)).status_code == 200


# Microsite redactie -------------------------------------------------------------------------------------------


def test_microsite_redactie_edits_the_microsite_only_and_cannot_publish(login, microsite_home, about_page):
    client = login(roles.MICROSITE_REDACTIE)
    child = MicrositePage.objects.child_of(microsite_home).live().first() or microsite_home
    assert client.get(edit_url(child)).status_code == 200
    assert denied(client.get(edit_url(about_page)))
    before = child.get_latest_revision()
    client.post(edit_url(child), {**page_form(child), "title": "Nieuwe titel", "action-publish": "1"})
    child.refresh_from_db()
    assert child.title != "Nieuwe titel"  # the live title: publishing is not theirs
    assert child.get_latest_revision() is not None and before is not None


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "purple").save(buffer, "PNG")
    return buffer.getvalue()


def test_microsite_redactie_uploads_to_its_own_collection_only(login, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    settings.MEDIA_ROOT = str(tmp_path)
    client = login(roles.MICROSITE_REDACTIE)
    los = Collection.objects.get(name="LOS")
    upload = SimpleUploadedFile("foto.png", _png(), content_type="image/png")
    client.post(
        reverse("wagtailimages:add"),
        {"title": "Foto voor de microsite", "file": upload, "description": "Paarse vlakken", "collection": los.pk},
    )
    image = get_image_model().objects.get(title="Foto voor de microsite")
    assert image.collection.name == "iLegalevrouw"
    assert not get_image_model().objects.filter(collection=los, title="Foto voor de microsite").exists()


def test_redactie_publishes_news_directly_despite_the_workflow(login, news_index):
    client = login(roles.REDACTIE)
    response = client.post(add_url(news_index, NewsPage), {**news_form("Direct gepubliceerd"), "action-publish": "1"})
    assert response.status_code == 302
    assert NewsPage.objects.child_of(news_index).get(title="Direct gepubliceerd").live


def test_sync_roles_command_reports_and_dry_runs(capsys):
    from django.core.management import call_command

    Group.objects.get(name=roles.VERTALERS).permissions.clear()
    call_command("sync_roles", "--dry-run")
    assert "Zou wijzigen" in capsys.readouterr().out
    assert not Group.objects.get(name=roles.VERTALERS).permissions.exists()
    call_command("sync_roles")
    assert Group.objects.get(name=roles.VERTALERS).permissions.exists()
    call_command("sync_roles")
    assert "al gelijk" in capsys.readouterr().out


def test_post_migrate_reapplies_the_definition():
    from django.apps import apps

    from editors.signals import sync_roles_after_migrate

    Group.objects.get(name=roles.EINDREDACTIE).permissions.clear()
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    sync_roles_after_migrate(sender=last, app_config=apps.get_app_config("home"))
    assert not Group.objects.get(name=roles.EINDREDACTIE).permissions.exists()  # not the last app: waits
    sync_roles_after_migrate(sender=last, app_config=last)
    assert Group.objects.get(name=roles.EINDREDACTIE).permissions.filter(codename="view_signupsubmission").exists()

"""'Reageer op nieuws' in the admin, and the demo content and bulk generator."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from demo.generated import create_generated_news
from home.bulk import insert_pages
from news.models import NewsKind, NewsPage

pytestmark = pytest.mark.django_db


def test_quick_reaction_creates_a_draft_and_opens_the_editor(admin_client, news_index, themes):
    url = reverse("news_quick_reaction")
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Reageer op nieuws" in page.content.decode()
    response = admin_client.post(
        url,
        {
            "source_url": "https://nos.nl/artikel/999-kabinet-wil-strengere-regels",
            "source_name": "NOS",
            "reaction": "Strengere regels maken mensen alleen kwetsbaarder",
            "summary": "Het kabinet wil de regels voor opvang aanscherpen. LOS ziet dat mensen dan op straat belanden.",
            "theme": themes["basisrechten"].pk,
        },
    )
    created = NewsPage.objects.child_of(news_index).get(title="Strengere regels maken mensen alleen kwetsbaarder")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[created.pk])
    assert created.live is False and created.kind == NewsKind.REACTION
    assert created.source_url.startswith("https://nos.nl/artikel/999")
    assert created.source_name == "NOS"
    assert created.intro.startswith("Het kabinet wil")  # its own summary, never a copy of the title
    assert list(created.themes.values_list("slug", flat=True)) == ["basisrechten"]
    assert created.get_latest_revision() is not None
    editor = admin_client.get(response["Location"])
    assert editor.status_code == 200
    assert "Strengere regels maken mensen alleen kwetsbaarder" in editor.content.decode()


def test_quick_reaction_shows_errors(admin_client):
    response = admin_client.post(reverse("news_quick_reaction"), {"source_url": "geen adres", "reaction": ""})
    assert response.status_code == 200
    assert "error" in response.content.decode()


def test_quick_reaction_needs_permission_to_add_news(client, django_user_model):
    user = django_user_model.objects.create_user("lezer", password="een-lang-wachtwoord-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("news_quick_reaction"))
    assert response.status_code == 302 and "nieuws/reageer" not in response["Location"]  # refused
    assert NewsPage.objects.filter(kind=NewsKind.REACTION, live=False).count() == 0
    assert "Reageer op nieuws" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_quick_reaction_menu_for_editors(client, django_user_model, news_index):
    group = Group.objects.create(name="Nieuwsredactie")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=news_index, permission_type="add")
    user = django_user_model.objects.create_user("redactie", password="een-lang-wachtwoord-123")
    user.groups.add(group)
    client.force_login(user)
    assert "Reageer op nieuws" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("news_quick_reaction")).status_code == 200


def test_demo_news_covers_kinds_themes_and_english(news_index):
    pages = NewsPage.objects.child_of(news_index).live()
    assert 25 <= pages.count() <= 40
    assert set(pages.values_list("kind", flat=True)) == {value for value, _ in NewsKind.choices}
    assert set(pages.values_list("themes__slug", flat=True)) >= {
        "basisrechten",
        "routes-naar-verblijf",
        "controle-en-detentie",
    }
    english = NewsPage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 3


def test_seed_demo_news_option_adds_generated_items(news_index):
    before = NewsPage.objects.count()
    call_command("seed_demo", verbosity=0, news=25)
    assert NewsPage.objects.count() == before + 25
    call_command("seed_demo", verbosity=0)
    assert NewsPage.objects.count() == before + 25  # idempotent without --news


def test_bulk_items_form_a_valid_tree_that_wagtail_can_extend(client, news_index):
    # The one bulk page inserter (home/bulk.py), across its batch size, after the index's existing children.
    existing = news_index.get_children().count()
    pages = [NewsPage(title=f"Bulkbericht {n}", slug=f"bulk-{n}", intro="x", body=[]) for n in range(600)]
    inserted = insert_pages(news_index, pages)
    assert [page.pk for page in inserted] == list(
        NewsPage.objects.filter(slug__startswith="bulk-").order_by("path").values_list("pk", flat=True)
    )
    news_index.refresh_from_db()
    assert news_index.numchild == news_index.get_children().count() == existing + 600
    problems = Page.find_problems()
    assert all(not group for group in problems), problems
    bulk = NewsPage.objects.get(slug="bulk-599")
    assert bulk.live and bulk.url_path == f"{news_index.url_path}bulk-599/" and bulk.locale_id == news_index.locale_id
    assert client.get(bulk.url).status_code == 200
    # Wagtail can still add a page the normal way after the bulk insert.
    page = NewsPage(title="Na de bulk", slug="na-de-bulk", intro="x")
    news_index.add_child(instance=page)
    page.save_revision().publish()
    assert client.get("/nieuws/na-de-bulk/").status_code == 200


def test_generated_news_have_themes_and_are_live(news_index):
    assert create_generated_news(news_index, 30) == 30
    generated = NewsPage.objects.child_of(news_index).filter(slug__startswith="gegenereerd-")
    assert generated.live().count() == 30
    assert not generated.filter(themes=None).exists()

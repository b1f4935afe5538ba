"""Guidance for editors: help text on every field they edit, alt text, length hints, dashboard, guide, branding."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from editors import roles
from home.models import ContentPage

pytestmark = pytest.mark.django_db

# Records the software writes, never edited in an admin form (with the reason).
NOT_EDITED_IN_ADMIN = {
    "events.ImportBatch": "written by the import engine; shown read-only in the import history",
    "search.DocumentText": "text extracted from PDFs",
    "search.SearchTermCount": "search statistics",
    "campaigns.SignupCounter": "a counter",
    "news.NewsPageTag": "the tag field on the news item has the help text",
    "newsletter.Delivery": "written by the sending task; shown as counts on the progress page",
    "figures.QuarterFigures": "entered through figures/forms.py (QuarterForm), whose number fields carry the help",
    "figures.FiguresHistory": "earlier versions, written when figures are corrected",
    "figures.FiguresImport": "written by the quarterly spreadsheet import; shown read-only with its undo",
    "meldpunt.ReportImport": "written by the register import; shown read-only with its undo",
    "newsletter.SubscriberImport": "written by the subscriber-list import; shown read-only with its undo",
    "meldpunt.ReportChange": "the case history, written on every save",
    "meldpunt.ReportAccess": "the access log, written when a report is opened; nobody may change it",
}
NOT_EDITED_FIELDS = {
    "campaigns.SignupSubmission.form_data": "what a visitor submitted; only 'approved' is edited",
    "meldpunt.Referral.report": "the link of the inline to its report",
}
# Fields every page type inherits from Wagtail; Wagtail's own Dutch catalogue explains them.
PAGE_FIELDS = {field.name for field in Page._meta.get_fields()}
PARENT_LINKS = {"page", "setting", "site"}


def editable_fields():
    for app_label in settings.LOCAL_APPS:
        for model in apps.get_app_config(app_label).get_models():
            label = f"{model._meta.app_label}.{model.__name__}"
            if label in NOT_EDITED_IN_ADMIN:
                continue
            for field in model._meta.get_fields():
                if field.auto_created or not getattr(field, "editable", False) or field.name in PAGE_FIELDS:
                    continue
                if field.name in PARENT_LINKS and field.is_relation and field.many_to_one:
                    continue  # the link of an inline to its page or setting
                if field.name == "sort_order" and hasattr(model, "sort_order_field"):
                    continue  # Orderable's drag handle
                if f"{label}.{field.name}" in NOT_EDITED_FIELDS:
                    continue
                yield label, field


def test_every_field_editors_edit_has_a_help_text():
    missing = [f"{label}.{field.name}" for label, field in editable_fields() if not str(field.help_text).strip()]
    assert missing == []


def test_the_walk_sees_the_fields_it_should():
    seen = {f"{label}.{field.name}" for label, field in editable_fields()}
    assert {"news.NewsPage.intro", "home.ContentPage.body", "home.OrganisationSettings.email"} <= seen
    assert "campaigns.SignupFormField.field_type" in seen


def _blocks(block, path: str):
    """Every block inside `block` (struct, stream, list and table children), with a readable path."""
    children = getattr(block, "child_blocks", None) or {}
    if hasattr(block, "child_block"):
        children = {"item": block.child_block}
    for name, child in children.items():
        yield f"{path}:{name}", child
        yield from _blocks(child, f"{path}:{name}")


def test_every_streamfield_block_has_a_dutch_label_written_for_editors():
    """A block without a label shows its Python name; ours all carry a translatable (Dutch msgid) label."""
    from django.utils.functional import Promise
    from wagtail.fields import StreamField

    missing = []
    for label, field in editable_fields():
        if isinstance(field, StreamField):
            for path, block in _blocks(field.stream_block, f"{label}.{field.name}"):
                if not isinstance(block.meta.label, Promise) and not path.endswith(":item"):
                    missing.append(path)
    assert missing == []


def test_length_limits_reach_the_editor_as_a_character_count(admin_client, home_page):
    """Wagtail's admin counts characters for fields with a maxlength: title-like fields must have one."""
    from news.models import NewsPage

    item = NewsPage.objects.live().first()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[item.pk])).content.decode()
    assert 'maxlength="300"' in html  # the summary (intro) used when sharing
    assert NewsPage._meta.get_field("intro").max_length == 300


def test_images_need_alt_text_when_chosen(home_page):
    from django.core.exceptions import ValidationError
    from wagtail.images import get_image_model

    image = get_image_model().objects.first()
    home_page.hero_image = image
    home_page.hero_image_alt = "  "
    with pytest.raises(ValidationError):
        home_page.full_clean()


# Dashboard ----------------------------------------------------------------------------------------------------


def test_dashboard_shows_the_los_panels_to_the_right_people(client, make_user, news_index):
    from news.models import NewsPage
    from tests.editors.conftest import add_url, news_form

    intern = make_user(roles.STAGIAIRS, "stagiair-dash")
    client.force_login(intern)
    client.post(add_url(news_index, NewsPage), news_form("Mijn eerste concept"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mijn concepten" in html and "Mijn eerste concept" in html
    assert "Recente agenda-imports" not in html and "Zoekopdrachten zonder resultaat" not in html

    volunteer = make_user(roles.VRIJWILLIGERS, "vrijwilliger-dash")
    client.force_login(volunteer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Recente agenda-imports" in html and "Mijn concepten" not in html


def test_helpdesk_pages_past_their_review_date(client, make_user, home_page):
    from editors.dashboard import helpdesk_pages_due

    helpdesk = Page.objects.child_of(home_page).get(slug="helpdesk")
    old = helpdesk.add_child(
        instance=ContentPage(
            title="Oude regels over opvang",
            slug="oude-regels",
            last_checked=timezone.localdate() - datetime.timedelta(days=400),
        )
    )
    old.save_revision().publish()
    fresh = helpdesk.add_child(
        instance=ContentPage(title="Verse uitleg", slug="verse-uitleg", last_checked=timezone.localdate())
    )
    fresh.save_revision().publish()
    due = set(helpdesk_pages_due().values_list("title", flat=True))
    assert "Oude regels over opvang" in due and "Verse uitleg" not in due
    client.force_login(make_user(roles.EINDREDACTIE, "eind-dash"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Oude regels over opvang" in html


def test_zero_result_searches_come_from_the_search_statistics(client, make_user):
    from search import stats

    stats.record_query("verblijfsvergunning kat", language="nl", found=0)
    stats.flush()
    client.force_login(make_user(roles.EINDREDACTIE, "eind-zoek"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Zoekopdrachten zonder resultaat" in html and "verblijfsvergunning kat" in html


# Guide, branding, checker -----------------------------------------------------------------------------------


def test_editor_guide_is_in_the_admin_for_every_editor(client, make_user):
    client.force_login(make_user(roles.VRIJWILLIGERS, "gids"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("los_editor_guide") in html
    guide = client.get(reverse("los_editor_guide")).content.decode()
    for heading in ("Reageren op nieuws", "Een publicatie toevoegen", "De agenda importeren", "Vertalen"):
        assert heading in guide


def test_admin_and_login_carry_the_los_name_and_a_self_hosted_logo(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Inloggen bij LOS beheer" in html
    assert "/static/editors/admin/los-logo.svg" in html
    assert 'lang="nl"' in html


def test_content_checker_runs_the_wcag_rules(admin_client, home_page):
    html = admin_client.get(home_page.get_url()).content.decode()
    assert '"wcag2aa"' in html and '"wcag22aa"' in html and "alt-text-quality" in html


# Previews -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["", "social", "search"])
def test_shareable_pages_preview_as_page_social_card_and_search_result(mode):
    from campaigns.models import CampaignPage, ProjectPage
    from news.models import NewsPage
    from research.models import PublicationPage

    for model in (ContentPage, NewsPage, PublicationPage, CampaignPage, ProjectPage):
        page = model.objects.live().first()
        assert mode in dict(page.preview_modes)
        response = page.make_preview_request(preview_mode=mode)
        assert response.status_code == 200, model
        html = response.render().content.decode() if hasattr(response, "render") else response.content.decode()
        if mode == "search":
            assert "in zoekresultaten" in html and (page.seo_title or page.title)[:40] in html
        if mode == "social":
            assert "gedeeld wordt" in html


def test_the_image_form_explains_alt_text(admin_client):
    html = admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert "Beschrijving (alternatieve tekst)" in html

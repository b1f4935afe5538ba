"""Funders: the footer strip shows only active funders in the chosen order; the overview lists what each funded."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone

from research.models import Funder
from tests.factories.research import FunderFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db


def _strip(html: str) -> str:
    match = re.search(r'<section class="funder-strip".*?</section>', html, re.S)
    return match.group(0) if match else ""


def _strip_names(html: str) -> list[str]:
    return re.findall(r'alt="Logo van ([^"]+)"', _strip(html))


def test_demo_footer_strip_shows_active_funders_in_settings_order(client):
    html = client.get("/").content.decode()
    assert "Mogelijk gemaakt door" in _strip(html)
    # Stichting Open Deur is in the settings list but its support ended in 2016.
    assert _strip_names(html) == [
        "Fonds Menswaardig Bestaan",
        "Europees Fonds voor Basisrechten",
        "Stichting Utrechts Steunfonds",
        "Diaconaal Fonds Noord",
    ]


def test_strip_hides_ended_and_future_funders(client, main_site):
    today = timezone.localdate()
    Funder.objects.update(show_in_footer=False)
    ended = FunderFactory(name="Afgelopen Fonds", active_until=today - datetime.timedelta(days=1))
    future = FunderFactory(name="Toekomstig Fonds", active_from=today + datetime.timedelta(days=1))
    running = FunderFactory(name="Lopend Fonds", active_from=today, active_until=today)
    Funder.objects.filter(pk__in=[ended.pk, running.pk, future.pk]).update(show_in_footer=True)
    assert _strip_names(client.get("/").content.decode()) == ["Lopend Fonds"]


def test_no_funder_in_the_footer_shows_no_strip(client, main_site):
    Funder.objects.update(show_in_footer=False)
    cache.clear()  # update() saves no funder, so nothing tells the cached footer strip (tests/conftest.py)
    html = client.get("/").content.decode()
    assert _strip(html) == ""
    assert "Mogelijk gemaakt door" not in html


def test_english_pages_show_translated_funder(client):
    from multilingual.translation import translate

    funder = Funder.objects.get(name="Fonds Menswaardig Bestaan")
    translate(funder, "en", {"Logo van Fonds Menswaardig Bestaan": "Logo of the Decent Existence Fund"})
    html = client.get("/en/").content.decode()
    assert "Made possible by" in _strip(html)
    assert 'alt="Logo of the Decent Existence Fund"' in _strip(html)


def test_strip_logos_are_sized_renditions_in_webp_and_png(client):
    strip = _strip(client.get("/").content.decode())
    assert "<picture>" in strip
    assert re.search(r'type="image/webp"', strip)
    assert re.search(r'src="/media/images/[^"]+\.max-160x80\.png"', strip)
    assert 'width="160"' in strip


@pytest.mark.parametrize("count", [2, 12])
def test_footer_strip_query_budget_does_not_grow(client, main_site, django_assert_max_num_queries, count):
    Funder.objects.update(show_in_footer=False)
    for order in range(count):
        FunderFactory(show_in_footer=True, footer_order=order)
    client.get("/")  # renditions are made once, then reused
    with django_assert_max_num_queries(30):
        html = client.get("/").content.decode()
    assert len(_strip_names(html)) == count


def test_funders_page_lists_each_funder_with_what_it_funded(client):
    response = client.get("/over-los/fondsen/")
    assert response.status_code == 200
    html = response.content.decode()
    current, _sep, past = html.partition("Eerder steunden ons")
    assert "Europees Fonds voor Basisrechten" in current
    assert "De rechtspositie van vreemdelingen tijdens de uitzetting" in current
    assert "Stichting Open Deur" in past and "Jaarverslag 2014" in past
    assert "Stichting Open Deur" not in current


@pytest.mark.parametrize("count", [2, 10])
def test_funders_page_query_budget(client, publication_index, django_assert_max_num_queries, count):
    funder = Funder.objects.get(name="Diaconaal Fonds Noord")
    for _ in range(count):
        page = PublicationPageFactory(parent=publication_index)
        page.funders.add(funder, FunderFactory())
        page.save_revision().publish()
    client.get("/over-los/fondsen/")
    with django_assert_max_num_queries(35):
        assert client.get("/over-los/fondsen/").status_code == 200


def test_funder_needs_logo_alt_text_and_a_sane_period():
    funder = FunderFactory()
    funder.full_clean()
    funder.logo_alt = " "
    with pytest.raises(ValidationError) as error:
        funder.full_clean()
    assert "logo_alt" in error.value.message_dict
    funder = FunderFactory(active_from=datetime.date(2020, 1, 2))
    funder.active_until = datetime.date(2020, 1, 1)
    with pytest.raises(ValidationError):
        funder.full_clean()

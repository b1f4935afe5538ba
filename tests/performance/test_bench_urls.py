"""The benchmark measures pages, not redirects: every detail address bench/dataset.py samples answers 200 at once
(it sampled translated events under their own id, which answer 301 to the original's address)."""

from __future__ import annotations

import importlib

import pytest

from events.models import Event
from news.models import NewsPage
from research.models import PublicationPage

pytestmark = pytest.mark.django_db


def test_every_sampled_detail_address_is_canonical(client, home_page):
    dataset = importlib.import_module("bench.dataset")  # sets up Django, which is done already here
    assert Event.objects.exclude(pk__in=Event.objects.published()).exists()  # translations and drafts to avoid
    news_ids = list(NewsPage.objects.live().values_list("pk", flat=True))
    publication_ids = list(PublicationPage.objects.live().values_list("pk", flat=True))
    urls = dataset.sample_urls(home_page, news_ids, publication_ids)
    assert all(urls.values()), urls
    for kind, paths in urls.items():
        for path in paths:
            assert client.get(path).status_code == 200, (kind, path)

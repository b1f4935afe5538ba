"""RSS 2.0 and Atom feeds of the news, for all items and per theme (Django's syndication framework).

Links are absolute (the syndication framework adds the request's host to relative ones); every item has its
publication date, an update date, a summary (the intro) and its themes as categories.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.models import Theme
from news.listing import with_listing_relations
from news.models import NewsIndexPage, NewsPage
from security.downloads import xml_text

FEED_ITEMS = 30


def _xml(value):
    if isinstance(value, list | tuple):  # the categories
        return type(value)(xml_text(part) for part in value)
    return xml_text(value)


class NewsRssFeed(Feed):
    """The news as RSS 2.0; with a theme slug only the news of that theme."""

    feed_type = Rss201rev2Feed

    def __init__(self, index: NewsIndexPage, theme_slug: str | None = None) -> None:
        super().__init__()
        self.index = index
        self.theme_slug = theme_slug

    def get_object(self, request: HttpRequest, *args, **kwargs) -> Theme | None:
        self.request = request
        if self.theme_slug is None:
            return None
        theme = Theme.objects.filter(slug=self.theme_slug, locale_id=self.index.locale_id).first()
        theme = theme or Theme.objects.filter(slug=self.theme_slug).first()
        if theme is None:
            raise Http404(_("Dit thema bestaat niet."))
        return theme

    def title(self, theme: Theme | None) -> str:
        site_name = _("Stichting LOS")
        if theme is None:
            return f"{self.index.title} | {site_name}"
        return f"{self.index.title}: {theme.name} | {site_name}"

    def link(self, theme: Theme | None) -> str:
        url = self.index.get_full_url(self.request)
        return f"{url}?theme={theme.slug}" if theme else url

    def description(self, theme: Theme | None) -> str:
        if theme is None:
            return self.index.intro or _("Nieuws van Stichting LOS over mensen zonder verblijfsvergunning.")
        return _("Nieuws van Stichting LOS over het thema %(theme)s.") % {"theme": theme.name}

    subtitle = description

    def feed_url(self, theme: Theme | None) -> str:
        return self.request.build_absolute_uri()

    def items(self, theme: Theme | None):
        items = self.index.news_items()
        if theme is not None:
            items = items.filter(themes__slug=theme.slug)
        return list(with_listing_relations(items)[:FEED_ITEMS])

    def get_feed(self, obj, request):
        # Every text of the feed as XML can hold it: one title pasted from Word (a vertical tab) made Django's
        # writer refuse the whole feed, a 500 for every reader.
        feed = super().get_feed(obj, request)
        feed.feed = {key: _xml(value) for key, value in feed.feed.items()}
        feed.items = [{key: _xml(value) for key, value in item.items()} for item in feed.items]
        return feed

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: NewsPage) -> str:
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, item: NewsPage) -> datetime.datetime | None:
        return item.display_date

    def item_updateddate(self, item: NewsPage) -> datetime.datetime | None:
        return item.last_published_at or item.display_date

    def item_categories(self, item: NewsPage) -> list[str]:
        names = Theme.names_in_active_language()
        return [item.kind_label, *(names.get(str(theme.translation_key), theme.name) for theme in item.themes.all())]

    def item_author_name(self, item: NewsPage) -> str:
        return item.source_name if item.source_name and item.kind == "media" else _("Stichting LOS")


class NewsAtomFeed(NewsRssFeed):
    """The news as Atom 1.0."""

    feed_type = Atom1Feed

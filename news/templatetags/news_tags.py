"""Template tags that show news elsewhere: the home page's featured and latest news.

The home app does not import news: its template loads these tags, so the home page works (without a news
section) on a site that has no news app or no news index.
"""

from __future__ import annotations

from django import template
from wagtail.models import Locale, Site

from news.listing import with_listing_relations
from news.models import NewsIndexPage, NewsPage

register = template.Library()

FEATURED_COUNT = 3
LATEST_COUNT = 4


def _site_news(request):
    """(live news of this site and language, the news index) for `request`, looked up once per request."""
    cached = getattr(request, "_los_site_news", None)
    if cached is None:
        cached = request._los_site_news = _find_site_news(request)
    return cached


def _find_site_news(request):
    site = Site.find_for_request(request)
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    items = NewsPage.objects.live().public().filter(locale=locale).defer_streamfields()
    index = NewsIndexPage.objects.live().filter(locale=locale)
    if site is not None:
        root = site.root_page.localized
        items = items.descendant_of(root)
        index = index.descendant_of(root)
    return items.order_by("-publication_date", "-pk"), index.first()


@register.inclusion_tag("news/home_news_section.html", takes_context=True)
def news_home_sections(context) -> dict:
    """Featured news (at most three) and the latest items after them, for the home page."""
    request = context["request"]
    items, index = _site_news(request)
    featured = list(with_listing_relations(items.filter(featured=True))[:FEATURED_COUNT])
    latest = list(with_listing_relations(items.exclude(pk__in=[item.pk for item in featured]))[:LATEST_COUNT])
    return {"request": request, "featured": featured, "latest": latest, "news_index": index}


@register.inclusion_tag("news/feed_links.html", takes_context=True)
def news_feed_links(context) -> dict:
    """Feed autodiscovery links for the head of a page outside the news section."""
    request = context["request"]
    _, index = _site_news(request)
    return {"request": request, "index": index}

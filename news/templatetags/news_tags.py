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
    site = Site.find_for_request(request)
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    items = NewsPage.objects.live().public().filter(locale=locale).defer_streamfields()
    if site is not None:
        items = items.descendant_of(site.root_page.localized)
    return items.order_by("-publication_date", "-pk"), site, locale


@register.inclusion_tag("news/home_news_section.html", takes_context=True)
def news_home_sections(context) -> dict:
    """Featured news (at most three) and the latest items after them, for the home page."""
    request = context["request"]
    items, site, locale = _site_news(request)
    featured = list(with_listing_relations(items.filter(featured=True))[:FEATURED_COUNT])
    latest = list(with_listing_relations(items.exclude(pk__in=[item.pk for item in featured]))[:LATEST_COUNT])
    index = NewsIndexPage.objects.live().filter(locale=locale)
    if site is not None:
        index = index.descendant_of(site.root_page.localized)
    return {"request": request, "featured": featured, "latest": latest, "news_index": index.first()}


@register.inclusion_tag("news/feed_links.html", takes_context=True)
def news_feed_links(context) -> dict:
    """Feed autodiscovery links for the head of a page outside the news section."""
    request = context["request"]
    _, site, locale = _site_news(request)
    index = NewsIndexPage.objects.live().filter(locale=locale)
    if site is not None:
        index = index.descendant_of(site.root_page.localized)
    return {"request": request, "index": index.first()}

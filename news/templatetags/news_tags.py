"""Template tags that show news elsewhere: the home page's featured and latest news, and feed links.

The home app does not import news: its template loads these tags, so the home page works (without a news
section) on a site that has no news app or no news index.
"""

from __future__ import annotations

from django import template
from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from news.models import NewsIndexPage, NewsPage

register = template.Library()

FEATURED_COUNT = 3
LATEST_COUNT = 4


def _home(context) -> Page | None:
    """The home page in the visitor's language: the page being rendered, or the site's root page."""
    page = context.get("page")
    if isinstance(page, Page):
        return page
    site = Site.find_for_request(context["request"])
    return site.root_page.localized if site is not None else None


def _site_news(context) -> tuple:
    """(live news under the home page, the news index), looked up once per request."""
    request = context["request"]
    cached = getattr(request, "_los_site_news", None)
    if cached is None:
        home = _home(context)
        items = NewsPage.objects.none()
        index = None
        if home is not None:
            items = (
                NewsPage.objects.live()
                .public()
                .descendant_of(home)
                .defer_streamfields()
                .select_related("listing_image")
                .order_by("-publication_date", "-pk")
            )
            index = NewsIndexPage.objects.live().child_of(home).first()
        cached = request._los_site_news = (items, index)
    return cached


@register.inclusion_tag("news/home_news_section.html", takes_context=True)
def news_home_sections(context) -> dict:
    """Featured news (at most three) and the latest items after them, for the home page."""
    items, index = _site_news(context)
    featured = list(items.filter(featured=True)[:FEATURED_COUNT])
    latest = list(items.exclude(pk__in=[item.pk for item in featured])[:LATEST_COUNT])
    # One query each for the themes and the image renditions of all cards together.
    renditions = get_image_model().get_rendition_model().objects.all()
    prefetch_related_objects(featured + latest, "themes", Prefetch("listing_image__renditions", queryset=renditions))
    return {"request": context["request"], "featured": featured, "latest": latest, "news_index": index}


@register.simple_tag(takes_context=True)
def news_index_url(context) -> str:
    """The address of the site's news overview (themes on the home page lead to it, filtered), or ""."""
    _items, index = _site_news(context)
    return index.get_url(request=context["request"]) if index is not None else ""


@register.inclusion_tag("news/feed_links.html", takes_context=True)
def news_feed_links(context) -> dict:
    """Feed autodiscovery links for the head of a page outside the news section."""
    _, index = _site_news(context)
    return {"request": context["request"], "index": index}

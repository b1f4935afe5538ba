"""The latest news as an embed for partner sites (api/embeds.py), optionally on one theme."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from api.embeds import EmbedKind, EmbedOptions, register
from news.models import NewsIndexPage, NewsPage


def latest_news(options: EmbedOptions) -> dict:
    locale = Locale.objects.filter(language_code=options.language).first() or Locale.get_default()
    items = NewsPage.objects.live().public().filter(locale=locale).order_by("-publication_date", "-pk")
    if options.theme:
        items = items.filter(themes__slug=options.theme).distinct()
    index = NewsIndexPage.objects.live().public().filter(locale=locale).first()
    more = index.get_url(request=options.request) if index else ""
    shown = list(items.specific()[: options.limit])
    for item in shown:
        item.embed_url = options.request.build_absolute_uri(item.get_url(request=options.request))
    return {
        "items": shown,
        "more_url": options.request.build_absolute_uri(more) if more else "",
    }


register(
    EmbedKind(
        name="nieuws",
        label=_("Nieuws: de laatste berichten"),
        template="api/embeds/news.html",
        items=latest_news,
        filters=("theme",),
    )
)

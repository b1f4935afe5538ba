"""The news listing: filters from the query string (theme, kind, year, tag), combined, with pagination.

Unknown or malformed filter values are ignored (the visitor gets the unfiltered view of that filter and a
normal page): links with an old tag or a mistyped theme still lead somewhere useful, and no value can
produce an error. Every filter value is looked up in a list we build from the database, so nothing from the
query string reaches SQL except as an already-known slug or number.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils.safestring import SafeString
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale

from caching.fragments import cached_value, cached_values
from home.models import Theme
from news.models import NewsIndexPage, NewsKind, NewsPage
from security.query_params import clean_query, page_number

ITEMS_PER_PAGE = 12
MAX_TAG_OPTIONS = 30
FILTER_NAMES = ("theme", "kind", "year", "tag")


@dataclass(frozen=True)
class Option:
    """One choice of a filter: its value in the address and its label."""

    value: str
    label: str


def themes_for_locale(locale_id: int | None) -> list[Theme]:
    """The themes in this language, or in the default language when they have not been translated."""
    themes = list(Theme.objects.filter(locale_id=locale_id))
    if not themes:
        themes = list(Theme.objects.filter(locale=Locale.get_default()))
    return themes


def _renditions() -> Prefetch:
    return Prefetch("listing_image__renditions", queryset=get_image_model().get_rendition_model().objects.all())


def with_listing_relations(queryset):
    """Prefetch what a news card shows: themes and the image with its renditions (constant queries)."""
    return queryset.select_related("listing_image").prefetch_related("themes", _renditions())


def news_cards(request: HttpRequest, items: list[NewsPage], heading_level: int) -> list[SafeString]:
    """The HTML of each item's card (components/news_card.html), cached with the fragments: a card shows only
    the item, its themes and its image, and publishing, saving a theme or an image replaces the fragment version
    (caching/signals.py), as it does for whole cached pages. Rendering twelve cards was a third of the CPU of
    an uncached listing; a hit costs one cache round trip and no query for themes or images."""

    def build(indexes: list[int]) -> list[SafeString]:
        missing = [items[index] for index in indexes]
        prefetch_related_objects(missing, "listing_image", "themes", _renditions())
        template = get_template("components/news_card.html")
        # The card reads only these and the active language: no context processors needed.
        return [template.render({"item": item, "heading_level": heading_level, "request": request}) for item in missing]

    return cached_values(request, [f"news-card:{heading_level}:{item.pk}" for item in items], build)


def filter_choices(index: NewsIndexPage) -> tuple[list[Option], list[Option], list[Option]]:
    """The themes, years and most used tags the filter form offers: the same for every visitor until a news
    item is published, unpublished, moved or deleted, or a theme or tag is saved, which replaces the fragment
    version (caching/fragments.py). Cached with the fragments: three queries and about 4 ms of CPU on every
    uncached view of the listing."""

    def build() -> tuple[list[Option], list[Option], list[Option]]:
        items = index.news_items()
        themes = [Option(theme.slug, theme.name) for theme in themes_for_locale(index.locale_id)]
        years = [str(moment.year) for moment in items.datetimes("publication_date", "year", order="DESC")]
        tags = [
            Option(tag.slug, tag.name)
            for tag in Tag.objects.filter(news_newspagetag_items__content_object__in=items.values("pk"))
            .annotate(uses=Count("news_newspagetag_items"))
            .order_by("-uses", "name")[:MAX_TAG_OPTIONS]
        ]
        return themes, [Option(year, year) for year in years], tags

    return cached_value(None, f"news-filter-choices:{index.pk}", build)


def build_listing(index: NewsIndexPage, request: HttpRequest) -> dict:
    items = index.news_items()
    theme_options, year_options, tag_options = filter_choices(index)
    kind_options = [Option(value, str(label)) for value, label in NewsKind.choices]

    selected: dict[str, str] = {}
    theme = _pick(request, "theme", theme_options)
    if theme:
        selected["theme"] = theme.value
        items = items.filter(themes__slug=theme.value)
    kind = _pick(request, "kind", kind_options)
    if kind:
        selected["kind"] = kind.value
        items = items.filter(kind=kind.value)
    year = _pick(request, "year", year_options)
    if year:
        selected["year"] = year.value
        items = items.filter(publication_date__year=int(year.value))
    tag = _pick(request, "tag", tag_options)
    if tag is None:
        # A tag that is used, but not among the most used ones offered in the form, is still a valid filter.
        raw = clean_query(request.GET.get("tag"))
        found = Tag.objects.filter(slug=raw).first() if raw and len(raw) <= 100 else None
        if found is not None:
            tag = Option(found.slug, found.name)
            tag_options.append(tag)
    if tag:
        selected["tag"] = tag.value
        items = items.filter(tags__slug=tag.value)
    if theme or tag:
        items = items.distinct()

    paginator = Paginator(items, ITEMS_PER_PAGE)
    page_obj = paginator.get_page(page_number(request.GET.get("page")))
    theme_names = {option.value: option.label for option in theme_options}
    labels = {"theme": theme, "kind": kind, "year": year, "tag": tag}
    active_filters = [
        {
            "name": name,
            "label": labels[name].label,
            "remove_url": "?" + urlencode({k: v for k, v in selected.items() if k != name}),
        }
        for name in FILTER_NAMES
        if name in selected
    ]
    return {
        "news_items": page_obj,
        "cards": news_cards(request, list(page_obj.object_list), heading_level=2),
        "page_obj": page_obj,
        "paginator": paginator,
        "theme_options": theme_options,
        "kind_options": kind_options,
        "year_options": year_options,
        "tag_options": tag_options,
        "selected": selected,
        "active_filters": active_filters,
        "theme_names": theme_names,
        "query_string": urlencode(selected),
        "selected_theme": theme,
    }


def _pick(request: HttpRequest, name: str, options: list[Option]) -> Option | None:
    raw = clean_query(request.GET.get(name))
    if not raw:
        return None
    return next((option for option in options if option.value == raw), None)


def microsite_news(limit: int = 5):
    """The newest live news items flagged 'also on iLegalevrouw', for the microsite (campaigns app)."""
    items = (
        NewsPage.objects.live()
        .public()
        .filter(show_on_microsite=True)
        .defer_streamfields()
        .order_by("-publication_date", "-pk")
    )
    return with_listing_relations(items)[:limit]

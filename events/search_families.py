"""How the agenda takes part in search (see search/registry.py): the agenda page is a page like any other, and
agenda items (events are not pages) are found by their own query and shown in a section above the pages,
upcoming first, then the most recent past ones; "Agenda" in the type facet counts them and lists only them."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.registry import ItemSource, add_pages, register_source

add_pages("page", "events.EventIndexPage")

# At most this many matching events are ordered (upcoming first); the count covers them all.
CANDIDATES = 500


def find_events(
    terms: str, *, site: Any, locale: Any, request: Any = None, limit: int = 3, offset: int = 0
) -> tuple[int, list]:
    """Published events whose title, description or city match every word, in the visitor's language or the
    Dutch original, on a site that has an agenda page; as hits with the agenda's URL for each."""
    from wagtail.models import Locale
    from wagtail.search.backends import get_search_backend

    from events.models import Event, EventIndexPage
    from events.models.events import source_language
    from search import analysis
    from search.backends.database import wagtail_backend_name
    from search.results import Hit, highlight
    from search.scope import scope

    if not terms or not scope(site, locale).type(EventIndexPage).exists():
        return 0, []
    languages = Locale.objects.filter(language_code__in={locale.language_code, source_language()})
    backend = get_search_backend(wagtail_backend_name(locale.language_code))
    results = backend.search(
        analysis.query_terms(terms, locale.language_code),
        Event.objects.filter(published=True, locale__in=list(languages)),
        operator="and",
        order_by_relevance=False,
    )
    keys = {event.translation_key for event in results[:CANDIDATES]}
    originals = list(Event.objects.published().filter(translation_key__in=keys))
    now = timezone.now()
    upcoming = sorted((e for e in originals if (e.end or e.start) >= now), key=lambda e: e.start)
    past = sorted((e for e in originals if (e.end or e.start) < now), key=lambda e: e.start, reverse=True)
    shown = Event.prepare_for_display((upcoming + past)[offset : offset + limit], request)
    label = str(Event._meta.verbose_name).capitalize()
    hits = [
        Hit(
            page=event,
            type="event",
            type_label=label,
            title=event.title,
            url=getattr(event, "url", ""),
            date=timezone.localtime(event.start).date(),
            excerpt=highlight(" ".join(filter(None, [event.city, event.description])), terms),
        )
        for event in shown
    ]
    return len(originals), hits


register_source(ItemSource(key="event", label=_("In de agenda"), find=find_events, type_label=_("Agenda")))

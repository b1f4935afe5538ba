"""The agenda page: a routable page that lists the events (with filters), serves a page per event at
`/agenda/<id>-<slug>/`, an iCal file per event and a subscribable iCal feed of the filtered agenda."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from caching.fragments import cached_value
from events.filters import AgendaFilters
from events.ical import calendar_response
from events.json_ld import event_json_ld
from events.models.events import Event, source_language
from home.mixins import IndexPage
from multilingual.languages import page_alternates
from security.query_params import page_number

EVENTS_PER_PAGE = 12
SITEMAP_EVENTS = 1000


class EventIndexPage(RoutablePageMixin, IndexPage):
    """The agenda: upcoming events with filters, a detail page per event and iCal feeds."""

    # Its filters (events/filters.py) and page number: what the page cache keys on (caching/page_cache.py).
    cache_query_params = ("plaats", "thema", "maand", "verleden", "past", "page")

    content_panels = IndexPage.overview_panels(
        _("Een paar zinnen boven de agenda, bijv. voor wie de bijeenkomsten bedoeld zijn.")
    )
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("agendapagina")

    # Listing -----------------------------------------------------------------------------------------------

    @path("")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        filters = AgendaFilters.from_request(request, Event.objects.published(), locale_id=self.locale_id)
        paginator = Paginator(filters.queryset(), EVENTS_PER_PAGE)
        number = page_number(request.GET.get("page"))
        if number > paginator.num_pages and number > 1:
            raise Http404(_("Deze pagina van de agenda bestaat niet."))
        page_obj = paginator.get_page(number)
        events = self.attach_urls(Event.in_active_language(list(page_obj.object_list)), request)
        context = self.get_context(request)
        context.update(
            {
                "events": events,
                "page_obj": page_obj,
                "paginator": paginator,
                "filters": filters,
                "query_string": urlencode(filters.params()),
                "feed_query": urlencode(filters.params(include_past=False)),
            }
        )
        return TemplateResponse(request, "events/event_index_page.html", context)

    @path("ical/", name="feed")
    def feed_route(self, request: HttpRequest) -> HttpResponse:
        filters = AgendaFilters.from_request(
            request, Event.objects.published(), locale_id=self.locale_id, force_upcoming=True
        )
        events = Event.in_active_language(list(filters.queryset()[:500]))
        return calendar_response(request, self, events, filename="agenda-los.ics")

    @re_path(r"^(?P<pk>\d{1,12})-(?P<slug>[-a-z0-9]{0,100})/$", name="event")
    def event_route(self, request: HttpRequest, pk: str, slug: str) -> HttpResponse:
        event = self._get_event(pk)
        url = self.event_url(event, request)
        if slug != event.slug or int(pk) != event.original_pk:
            return HttpResponsePermanentRedirect(url)
        context = self.get_context(request)
        context.update(
            {
                "event": event,
                "event_ical_url": url + "ical/",
                "json_ld": event_json_ld(event, request.build_absolute_uri(url)),
                "switcher_alternates": self.event_alternates(request, event),
            }
        )
        return TemplateResponse(request, "events/event_detail.html", context)

    @re_path(r"^(?P<pk>\d{1,12})-(?P<slug>[-a-z0-9]{0,100})/ical/$", name="event_ical")
    def event_ical_route(self, request: HttpRequest, pk: str, slug: str) -> HttpResponse:
        event = self._get_event(pk)
        return calendar_response(request, self, [event], filename=f"{event.slug}.ics")

    def _get_event(self, pk: str) -> Event:
        """The published event with this id, in the active language where it has been translated. The id is
        the original's; the id of a translation (an older link) finds the same event."""
        try:
            event = Event.objects.select_related("locale").get(pk=int(pk))
        except (Event.DoesNotExist, ValueError, OverflowError):
            event = None
        if event is not None and event.locale.language_code != source_language():
            event = Event.objects.originals().filter(translation_key=event.translation_key).first()
        if event is None or not event.published:
            raise Http404(_("Deze activiteit bestaat niet (meer)."))
        (event,) = Event.in_active_language([event])
        return event

    def event_alternates(self, request: HttpRequest, event: Event) -> list:
        """The language switcher of an event: the event under the agenda page of each language it has been
        translated into, and of the current one (which shows an untranslated event in Dutch)."""
        alternates = []
        titles = dict(
            Event.objects.filter(translation_key=event.translation_key).values_list("locale__language_code", "title")
        )
        for alternate in page_alternates(request, self, translation.get_language() or settings.LANGUAGE_CODE):
            if alternate.code not in titles and not alternate.current:
                continue  # not translated: no other-language address to offer (or to index) for Dutch text
            slug = slugify(titles.get(alternate.code) or titles.get(source_language(), event.title))[:80]
            alternates.append(
                dataclasses.replace(alternate, url=f"{alternate.url}{event.original_pk}-{slug or 'activiteit'}/")
            )
        return alternates

    @classmethod
    def for_active_language(cls) -> EventIndexPage | None:
        """The live agenda page in the visitor's language, else the Dutch one (for links from other pages).
        Cached per language until a page is published, moved or removed (caching/fragments.py)."""

        def build() -> EventIndexPage | None:
            pages = {
                page.locale.language_code: page
                for page in cls.objects.live()
                .filter(locale__language_code__in={translation.get_language(), source_language()})
                .select_related("locale")
            }
            return pages.get(translation.get_language() or "") or pages.get(source_language())

        return cached_value(None, "agenda-page", build)

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        """The agenda and its upcoming events (at most SITEMAP_EVENTS) in this agenda's language."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        with translation.override(self.locale.language_code):
            events = Event.in_active_language(
                list(Event.objects.published().upcoming().order_by("start", "pk")[:SITEMAP_EVENTS])
            )
        # Another language's agenda also shows untranslated events, in Dutch: only the Dutch address is listed.
        return urls + [
            {"location": f"{base}{event.original_pk}-{event.slug}/", "lastmod": event.updated_at}
            for event in events
            if not event.foreign_language
        ]

    def attach_urls(self, events: list[Event], request: HttpRequest | None = None) -> list[Event]:
        """Give each event its `url` under this page (one page-URL lookup for the whole list)."""
        base = self.get_url(request=request) or ""
        for event in events:
            event.url = f"{base}{getattr(event, 'original_pk', event.pk)}-{event.slug}/"
        return events

    def event_url(self, event: Event, request: HttpRequest | None = None) -> str:
        """The stable URL of one event under this agenda page."""
        return (self.get_url(request=request) or "") + f"{getattr(event, 'original_pk', event.pk)}-{event.slug}/"

"""The agenda: events (a plain model, so spreadsheet imports can use bulk operations), import batches and the
agenda page.

Events are not pages: a volunteer imports hundreds at once and treebeard cannot bulk-create pages. The agenda
page (`EventIndexPage`, slug `agenda`) is a routable page that lists them and serves a detail page per event at
`/agenda/<id>-<slug>/`, an iCal file per event and a subscribable iCal feed of the filtered agenda.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import zoneinfo
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.mixins import IndexPage
from home.models import Theme

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
EVENTS_PER_PAGE = 12
SITEMAP_EVENTS = 1000


class ImportBatch(models.Model):
    """One spreadsheet import: who ran it, when, from which file, the counts, and what is needed to undo it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")
        UNDONE = "undone", _("ongedaan gemaakt")

    created_at = models.DateTimeField(_("gestart op"), default=timezone.now)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_name = models.CharField(_("bestandsnaam"), max_length=255)
    source = models.CharField(_("via"), max_length=20, default="admin")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(_("rijen"), default=0)
    processed_rows = models.PositiveIntegerField(_("verwerkt"), default=0)
    created_count = models.PositiveIntegerField(_("nieuw"), default=0)
    updated_count = models.PositiveIntegerField(_("gewijzigd"), default=0)
    unchanged_count = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    message = models.TextField(_("melding"), blank=True)
    # Undo data: the ids this import created, and for every event it changed the values it had before.
    created_ids = models.JSONField(default=list, blank=True)
    previous_values = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    # While a background import runs, the uploaded file stays in the default storage under this (signed) name.
    stored_file = models.CharField(max_length=255, blank=True)
    undone_at = models.DateTimeField(_("ongedaan gemaakt op"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ongedaan gemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]
        permissions = [("undo_importbatch", _("Kan een import ongedaan maken"))]

    def __str__(self) -> str:
        return f"{self.file_name} ({timezone.localtime(self.created_at):%d-%m-%Y %H:%M})"

    @property
    def touched_ids(self) -> set[int]:
        return {int(pk) for pk in self.created_ids} | {int(pk) for pk in self.previous_values}

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))


def source_language() -> str:
    """The language code of the originals (Dutch): imports create and match only these."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class EventQuerySet(models.QuerySet):
    def originals(self) -> EventQuerySet:
        """The Dutch originals only: each event once, whatever translations it has (a join, no extra query)."""
        return self.filter(locale__language_code=source_language())


class Event(TranslatableMixin, index.Indexed, models.Model):
    """A meeting, consultation hour, training or debate in the network's agenda.

    Events are imported and listed in Dutch; staff may translate one with wagtail-localize ("Vertalen"), and
    visitors reading another language then see that translation (`in_active_language`). Everything but the
    texts is synchronised from the Dutch original: date and place, links, themes, the spoken language, the
    import's Kenmerk. The agenda lists originals, so filters, counts and imports see each event once.
    """

    title = models.CharField(_("titel"), max_length=200, help_text=_("Kort en duidelijk, bijv. 'Spreekuur Utrecht'."))
    start = models.DateTimeField(
        _("begin"), help_text=_("Datum en begintijd (Nederlandse tijd). Bij een hele dag: 00:00."), db_index=True
    )
    end = models.DateTimeField(
        _("einde"), null=True, blank=True, help_text=_("Optioneel. Mag niet vóór het begin liggen.")
    )
    all_day = models.BooleanField(
        _("hele dag"), default=False, help_text=_("Aanvinken als er geen tijden gelden, bijv. bij een festival.")
    )
    location = models.CharField(
        _("locatie"), max_length=200, blank=True, help_text=_("Naam van de plek, bijv. 'Buurthuis De Pijp'.")
    )
    address = models.CharField(_("adres"), max_length=250, blank=True, help_text=_("Straat, huisnummer en postcode."))
    city = models.CharField(
        _("plaats"), max_length=100, blank=True, db_index=True, help_text=_("De plaatsnaam, bijv. 'Utrecht'.")
    )
    online_url = models.URLField(
        _("online link"), blank=True, max_length=500, help_text=_("Link om online mee te doen, als dat kan.")
    )
    organiser = models.CharField(
        _("organisatie"), max_length=200, blank=True, help_text=_("Wie organiseert dit? Bijv. 'Stichting LOS'.")
    )
    description = models.TextField(
        _("omschrijving"), blank=True, max_length=5000, help_text=_("Waar gaat het over, voor wie is het?")
    )
    registration_url = models.URLField(
        _("website of aanmeldlink"),
        blank=True,
        max_length=500,
        help_text=_("Waar bezoekers meer lezen of zich aanmelden. Begint met https://."),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thema's"), blank=True, related_name="events", help_text=_("Bij welke thema's hoort dit?")
    )
    audience = models.CharField(
        _("doelgroep"),
        max_length=200,
        blank=True,
        help_text=_("Voor wie is dit bedoeld? Bijv. 'vrijwilligers in de opvang'."),
    )
    language = models.CharField(
        _("taal"),
        max_length=10,
        # Fixed list, not settings.LANGUAGES: the spoken language of an event is not a language of the website,
        # and the env-driven site languages (LOS_LANGUAGES) must not change the migrations.
        choices=[
            ("nl", _("Nederlands")),
            ("en", _("Engels")),
            ("fr", _("Frans")),
            ("es", _("Spaans")),
            ("ar", _("Arabisch")),
            ("other", _("andere taal")),
        ],
        default="nl",
        help_text=_("In welke taal wordt gesproken?"),
    )
    external_id = models.CharField(
        _("kenmerk"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Het kenmerk uit de spreadsheet. Een nieuwe import met hetzelfde kenmerk werkt dit item bij."),
    )
    import_batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("import"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("De import die dit item heeft aangemaakt of het laatst gewijzigd."),
    )
    published = models.BooleanField(
        _("gepubliceerd"), default=True, help_text=_("Uitvinken om het item (tijdelijk) niet in de agenda te tonen.")
    )
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    panels = [
        FieldPanel("title"),
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")], heading=_("Wanneer")),
        MultiFieldPanel(
            [FieldPanel("location"), FieldPanel("address"), FieldPanel("city"), FieldPanel("online_url")],
            heading=_("Waar"),
        ),
        FieldPanel("organiser"),
        FieldPanel("description"),
        FieldPanel("registration_url"),
        MultiFieldPanel([FieldPanel("themes"), FieldPanel("audience"), FieldPanel("language")], heading=_("Voor wie")),
        FieldPanel("external_id"),
        FieldPanel("published"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.AutocompleteField("title"),
        index.FilterField("published"),
        index.FilterField("start"),
    ]
    api_fields = [
        APIField("title"),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("location"),
        APIField("city"),
    ]

    objects = EventQuerySet.as_manager()

    # Translated: title, description, audience (and location, organiser: names, but some are descriptions
    # such as "Buurthuis in de Pijp"). The rest is the same event in every language. Themes (many-to-many,
    # which wagtail-localize leaves alone) are the original's: see theme_list.
    SYNCHRONISED_FIELDS = (
        "start",
        "end",
        "all_day",
        "address",
        "city",
        "online_url",
        "registration_url",
        "language",
        "external_id",
        "published",
    )
    override_translatable_fields = [SynchronizedField(name) for name in SYNCHRONISED_FIELDS]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["published", "start"])]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.start, AMSTERDAM):%d-%m-%Y})"

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt vóór het begin.")})

    @property
    def slug(self) -> str:
        return slugify(self.title)[:80] or "activiteit"

    @classmethod
    def in_active_language(cls, events: list[Event]) -> list[Event]:
        """Each of `events` (originals) as its translation in the active language where there is one, in the
        same order, with one query for the whole list (none in Dutch). Every event returned carries
        `original_pk`, its stable id in agenda URLs in every language, and `foreign_language`: the language of its
        texts when they are not in the page's language (an untranslated event on an English page: "nl"), for
        `lang` on them. A translation shows the original's date, place, links and themes."""
        try:
            language = get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
        except LookupError:
            language = source_language()
        for event in events:
            event.original_pk = event.pk
            # The language of the texts where it differs from the page's, for `lang` on them; else "".
            event.foreign_language = "" if language == source_language() else source_language()
        if language == source_language() or not events:
            return events
        translated = {
            event.translation_key: event
            for event in cls.objects.filter(
                translation_key__in=[e.translation_key for e in events], locale__language_code=language
            )
        }
        shown = []
        for original in events:
            event = translated.get(original.translation_key)
            if event is None:
                shown.append(original)
                continue
            # A re-import changes the original only: date, place and links always come from it, so a
            # translation never shows an old time, whether or not someone synced it since.
            for name in cls.SYNCHRONISED_FIELDS:
                setattr(event, name, getattr(original, name))
            event.original_pk = original.pk
            event.foreign_language = ""
            event.original = original
            shown.append(event)
        return shown

    @classmethod
    def prepare_for_display(cls, events: list[Event], request: HttpRequest | None = None) -> list[Event]:
        """`events` (originals) as other pages show them: in the active language, each with its `url` under the
        agenda page of that language (one query for the translations, one for the agenda)."""
        events = cls.in_active_language(events)
        agenda = EventIndexPage.for_active_language() if events else None
        if agenda is not None:
            agenda.attach_urls(events, request)
        return events

    @property
    def theme_list(self) -> list[Theme]:
        """The themes to show: the original's (a translation keeps its original's, see in_active_language)."""
        return list((getattr(self, "original", None) or self).themes.all())

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.start, AMSTERDAM)

    @property
    def local_end(self) -> datetime.datetime | None:
        return timezone.localtime(self.end, AMSTERDAM) if self.end else None


def event_json_ld(event: Event, url: str) -> str:
    """schema.org Event data for search engines, as JSON safe to put inside a <script> element."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": event.local_start.date().isoformat() if event.all_day else event.local_start.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if event.local_end:
        data["endDate"] = event.local_end.date().isoformat() if event.all_day else event.local_end.isoformat()
    if event.description:
        data["description"] = event.description[:500]
    places = []
    if event.location or event.city or event.address:
        places.append(
            {
                "@type": "Place",
                "name": event.location or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.address,
                    "addressLocality": event.city,
                    "addressCountry": "NL",
                },
            }
        )
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
        data["eventAttendanceMode"] = (
            "https://schema.org/MixedEventAttendanceMode"
            if len(places) > 1
            else "https://schema.org/OnlineEventAttendanceMode"
            if event.online_url
            else "https://schema.org/OfflineEventAttendanceMode"
        )
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser}
    if event.language in ("nl", "en"):
        data["inLanguage"] = event.language
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308


class EventIndexPage(RoutablePageMixin, IndexPage):
    """The agenda: upcoming events with filters, a detail page per event and iCal feeds."""

    content_panels = [
        *Page.content_panels,
        FieldPanel(
            "intro", help_text=_("Een paar zinnen boven de agenda, bijv. voor wie de bijeenkomsten bedoeld zijn.")
        ),
    ]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("agendapagina")

    # Listing -----------------------------------------------------------------------------------------------

    @path("")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        from events.listing import AgendaFilters

        filters = AgendaFilters.from_request(request, locale_id=self.locale_id)
        paginator = Paginator(filters.queryset(), EVENTS_PER_PAGE)
        from security.query_params import page_number

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
        from events.ical import calendar_response
        from events.listing import AgendaFilters

        filters = AgendaFilters.from_request(request, locale_id=self.locale_id, force_upcoming=True)
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
        from events.ical import calendar_response

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
        from multilingual.languages import page_alternates

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
        """The live agenda page in the visitor's language, else the Dutch one (for links from other pages)."""
        pages = {
            page.locale.language_code: page
            for page in cls.objects.live()
            .filter(locale__language_code__in={translation.get_language(), source_language()})
            .select_related("locale")
        }
        return pages.get(translation.get_language() or "") or pages.get(source_language())

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        """The agenda and its upcoming events (at most SITEMAP_EVENTS) in this agenda's language."""
        from events.listing import upcoming_events

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        with translation.override(self.locale.language_code):
            events = Event.in_active_language(list(upcoming_events().order_by("start", "pk")[:SITEMAP_EVENTS]))
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

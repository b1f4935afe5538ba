"""Events: a plain translatable model (not pages), so spreadsheet imports can use bulk operations.

Events are not pages: a volunteer imports hundreds at once and treebeard cannot bulk-create pages. The agenda
page (pages.py) lists them and serves a page per event.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.models.imports import ImportBatch
from home.fields import optional_link, themes_panel
from home.models import Theme

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def source_language() -> str:
    """The language code of the originals (Dutch): imports create and match only these."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class EventQuerySet(models.QuerySet):
    """Events as the agenda selects them: originals, published, upcoming, by month."""

    def originals(self) -> EventQuerySet:
        """The Dutch originals only: each event once, whatever translations it has (a join, no extra query)."""
        return self.filter(locale__language_code=source_language())

    def published(self) -> EventQuerySet:
        """Published originals: every listing, filter and count sees each event once, whatever its translations
        (translations are swapped in for display by Event.in_active_language)."""
        return self.originals().filter(published=True)

    @staticmethod
    def running_or_later(now: datetime.datetime | None = None) -> Q:
        """The one definition of "happening now or later", for the agenda, related items, exports and the past
        view alike: not ended yet. An event without an end (one day, or an all-day event) lasts until the end of
        its day, so an all-day event today and a festival running this week count."""
        now = now or timezone.now()
        today_start = timezone.localtime(now, AMSTERDAM).replace(hour=0, minute=0, second=0, microsecond=0)
        return Q(end__gte=now) | Q(end__isnull=True, start__gte=today_start)

    def upcoming(self, now: datetime.datetime | None = None) -> EventQuerySet:
        """Events happening now or later (see running_or_later)."""
        return self.filter(self.running_or_later(now))

    def past(self, now: datetime.datetime | None = None) -> EventQuerySet:
        """Events that are over: exactly those `upcoming` leaves out."""
        return self.exclude(self.running_or_later(now))

    def in_month(self, month: datetime.date) -> EventQuerySet:
        """Events starting in the month of `month` (Dutch time)."""
        first = datetime.datetime.combine(month.replace(day=1), datetime.time(), tzinfo=AMSTERDAM)
        next_month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        last = datetime.datetime.combine(next_month, datetime.time(), tzinfo=AMSTERDAM)
        return self.filter(start__gte=first, start__lt=last)


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
    import_batch = optional_link(
        ImportBatch,
        _("import"),
        _("De import die dit item heeft aangemaakt of het laatst gewijzigd."),
        related_name="events",
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
        MultiFieldPanel([themes_panel(), FieldPanel("audience"), FieldPanel("language")], heading=_("Voor wie")),
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
        # Search finds agenda items in the visitor's language and the Dutch originals (events/search_families.py).
        index.FilterField("locale"),
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

    # What an event says (not how it is kept: Kenmerk, language, import, publication), in the form's order: the
    # fields an import writes and the API shows.
    CONTENT_FIELDS = (
        "title",
        "start",
        "end",
        "all_day",
        "location",
        "address",
        "city",
        "online_url",
        "organiser",
        "description",
        "registration_url",
        "audience",
    )

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
        constraints = [
            # One event per Kenmerk in each language (case ignored, as imports match): two imports of the same
            # file at once can never leave two copies (migration 0008 merged the copies made before).
            models.UniqueConstraint(
                Lower("external_id"),
                "locale",
                condition=~Q(external_id=""),
                name="events_event_one_per_kenmerk_and_language",
                violation_error_message=_("Er is al een activiteit met dit kenmerk."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.start, AMSTERDAM):%d-%m-%Y})"

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt vóór het begin.")})
        self.normalise_times()

    def normalise_times(self) -> None:
        """All-day events in the shape imports give them and the agenda reads: from 00:00 of the first day, and
        for more than one day until 23:59 of the last one (an end at 00:00 of the last day, as an editor picks
        it in the date widget, includes that day; the same day means no end)."""
        if not (self.all_day and self.start):
            return
        first = self.local_start.date()
        self.start = datetime.datetime.combine(first, datetime.time(), tzinfo=AMSTERDAM)
        last = self.local_end.date() if self.end else first
        self.end = datetime.datetime.combine(last, datetime.time(23, 59), tzinfo=AMSTERDAM) if last > first else None

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
        from events.models.pages import EventIndexPage  # the page module imports this one

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

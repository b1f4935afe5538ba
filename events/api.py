"""`/api/v2/events/`: the agenda for partner sites, the same events, order and language rules as the agenda page.

Events are not pages, so the pages endpoint cannot list them. Listing works on the published Dutch originals
(filters and counts see each event once, as on the agenda) and each page of results is then shown in the asked
language with `Event.prepare_for_display`, the agenda's own step: a translation where there is one (with the
original's date, place and links), else the Dutch original, which then says `"locale": "nl"`.
"""

from __future__ import annotations

import datetime

from django.http import Http404
from django.utils import timezone, translation
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError

from api.filters import PARSERS
from api.viewsets import TranslatableAPIViewSet, requested_language
from events.models import Event
from events.models.events import AMSTERDAM, source_language
from security.query_params import clean_query

WHEN = ("upcoming", "past", "all")


class ThemeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class EventThemesField(serializers.Field):
    """The event's themes, named in the language of the response (theme names cached per language)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, event):
        from home.models import Theme

        names = Theme.names_in_active_language()
        return [{"slug": t.slug, "name": names.get(str(t.translation_key), t.name)} for t in event.theme_list]


class AbsoluteUrlField(serializers.Field):
    """The event's page on the agenda, as a full address (partners link to it from their own host)."""

    def get_attribute(self, instance):
        return getattr(instance, "url", None)

    def to_representation(self, url):
        return self.context["request"].build_absolute_uri(url) if url else None


class EventsAPIViewSet(TranslatableAPIViewSet):
    """Published events. Filters: `city`, `theme` (a theme's slug), `date_from`/`date_to` (YYYY-MM-DD, Dutch
    dates; events taking place in the range), `when` (`upcoming`, the default, as on the agenda; `past`,
    newest first; `all`) and `locale` (the language to show them in)."""

    model = Event
    known_query_parameters = TranslatableAPIViewSet.known_query_parameters.union(
        ["city", "theme", "date_from", "date_to", "when"]
    )
    body_fields = [
        *TranslatableAPIViewSet.body_fields,
        *Event.CONTENT_FIELDS,
        APIField("language", serializer=serializers.CharField(read_only=True)),
        APIField("themes", serializer=EventThemesField(read_only=True)),
    ]
    meta_fields = [
        *TranslatableAPIViewSet.meta_fields,
        APIField("html_url", serializer=AbsoluteUrlField(read_only=True)),
    ]
    listing_default_fields = [
        *TranslatableAPIViewSet.listing_default_fields,
        "html_url",
        "title",
        "start",
        "end",
        "all_day",
        "location",
        "city",
        "themes",
    ]

    @classmethod
    def get_body_fields(cls, model):
        # Only the fields above: the model's own `api_fields` are a subset, and `themes` is replaced.
        return cls._convert_api_fields(cls.body_fields)

    def language(self) -> str:
        return requested_language(self.request) or source_language()

    def get_queryset(self):
        """The published originals the listing chooses from, filtered and ordered (see the class docstring)."""
        get = self.request.GET
        events = Event.objects.published().select_related("locale")
        when = clean_query(get.get("when", "upcoming"))
        if when not in WHEN:
            raise BadRequestError(f"when: expected one of {', '.join(WHEN)}")
        now = timezone.now()
        if when == "upcoming":
            events = events.upcoming(now).order_by("start", "pk")
        elif when == "past":
            events = events.filter(start__lt=now).order_by("-start", "-pk")
        else:
            events = events.order_by("start", "pk")
        if city := clean_query(get.get("city", "")).strip():
            events = events.filter(city__iexact=city[:100])
        if "theme" in get:
            events = events.filter(themes__slug=self._parse("theme", "slug")).distinct()
        date_from, date_to = self._parse("date_from", "date"), self._parse("date_to", "date")
        if date_from and date_to and date_to < date_from:
            raise BadRequestError("date_to: lies before date_from")
        if date_from:
            start_of_day = datetime.datetime.combine(date_from, datetime.time(), tzinfo=AMSTERDAM)
            # Taking place on or after the day: ends then or later (an event without an end: starts then or later).
            events = events.exclude(end__lt=start_of_day).exclude(end__isnull=True, start__lt=start_of_day)
        if date_to:
            after = datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time(), tzinfo=AMSTERDAM)
            events = events.filter(start__lt=after)
        return events.prefetch_related("themes")

    def _parse(self, name: str, parser: str):
        raw = self.request.GET.get(name)
        if raw is None:
            return None
        try:
            return PARSERS[parser](clean_query(raw).strip())
        except ValueError as error:
            raise BadRequestError(f"{name}: {error}") from None

    def paginate_queryset(self, queryset):
        originals = super().paginate_queryset(queryset)
        with translation.override(self.language()):
            self._shown = Event.prepare_for_display(originals, self.request)
        return self._shown

    def get_object(self):
        """One event by id: an original or a translation, shown with its original's date, place and links;
        only if the original is published."""
        if hasattr(self, "_cached_object"):
            return self._cached_object
        try:
            pk = int(self.kwargs["pk"])
            event = Event.objects.select_related("locale").get(pk=pk)
            original = (
                event
                if event.locale.language_code == source_language()
                else (Event.objects.published().get(translation_key=event.translation_key))
            )
        except (ValueError, OverflowError, Event.DoesNotExist):
            raise Http404("not found") from None
        if not original.published:
            raise Http404("not found")
        with translation.override(event.locale.language_code):
            [shown] = Event.prepare_for_display([original], self.request)
        self._cached_object = shown
        self._shown = [shown]
        return shown

    def listing_view(self, request):
        # Theme names and agenda addresses in the language of the response.
        with translation.override(self.language()):
            return super().listing_view(request)

    def detail_view(self, request, pk):
        with translation.override(self.get_object().locale.language_code):
            return super().detail_view(request, pk)

"""The agenda as an embed for partner sites (api/embeds.py): the next events, optionally of one city or theme,
with links to subscribe to the same selection in a calendar (webcal: and https)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from api.embeds import EmbedKind, EmbedOptions, register
from events.models import Event, EventIndexPage


def upcoming_events(options: EmbedOptions) -> dict:
    events = Event.objects.published().upcoming().order_by("start", "pk")
    if options.city:
        events = events.filter(city__iexact=options.city)
    if options.theme:
        events = events.filter(themes__slug=options.theme).distinct()
    shown = Event.prepare_for_display(list(events.prefetch_related("themes")[: options.limit]), options.request)
    agenda = EventIndexPage.for_active_language()
    context = {"events": shown, "more_url": "", "feed_url": "", "webcal_url": ""}
    if agenda is not None:
        more = agenda.get_url(request=options.request) or ""
        # The agenda page's own filter names (events/filters.py), so the feed is exactly this selection.
        query = urlencode({k: v for k, v in {"plaats": options.city, "thema": options.theme}.items() if v})
        feed = options.request.build_absolute_uri(f"{more}ical/" + (f"?{query}" if query else ""))
        context.update(
            more_url=options.request.build_absolute_uri(more),
            feed_url=feed,
            webcal_url="webcal:" + feed.split(":", 1)[1],
        )
    return context


register(
    EmbedKind(
        name="agenda",
        label=_("Agenda: de eerstvolgende activiteiten"),
        template="api/embeds/agenda.html",
        items=upcoming_events,
        filters=("theme", "city"),
    )
)

"""RSS feed of publications, with the PDF as enclosure so podcast-style readers can fetch it."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_SIZE = 30


class PublicationFeed(Feed):
    """The newest publications under one overview page; the page supplies them, so this module needs no models."""

    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Publicaties van Stichting LOS")

    def link(self):
        return self.index.get_url(request=self.request)

    def description(self):
        return self.index.specific.intro or _("Rapporten, artikelen en jaarverslagen van Stichting LOS.")

    def items(self):
        return (
            self.index.publications()
            .select_related("pdf")
            .prefetch_related("authors")
            .defer_streamfields()
            .order_by("-publication_date", "title")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return item.get_full_url(request=self.request)

    item_guid_is_permalink = True

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all()) or None

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.publication_date, datetime.time(9)))

    def item_enclosures(self, item):
        if not item.pdf_id or item.pdf is None:
            return []
        size = item.pdf.file_size if item.pdf.file_size is not None else item.pdf.get_file_size()
        return [Enclosure(self.request.build_absolute_uri(item.pdf.url), str(size or 0), "application/pdf")]

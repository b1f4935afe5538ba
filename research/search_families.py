"""How the funders page takes part in search (see search/registry.py): it is found by the funders it thanks
(their names, descriptions and acknowledgements in the page's language), and the publications overview is a
page like any other."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from search.registry import SearchFamily, add_pages, register


def funder_text(page: Any) -> str:
    from research.models import Funder

    rows = Funder.objects.filter(locale_id=page.locale_id).values_list("name", "description", "acknowledgement")
    return " ".join(" ".join(row) for row in rows)


register(
    SearchFamily(
        model_label="research.FunderIndexPage",
        key="funders",
        text_fields=("search_description", "intro"),
        stream_fields=("body",),
        extra_text=funder_text,
        label_text=_("Fondsen"),
    )
)
add_pages("page", "research.PublicationIndexPage")


@receiver([post_save, post_delete], sender="research.Funder")
def reindex_funder_pages(sender, instance, **kwargs) -> None:
    """The funders page's index entry holds the funders' names: renew it when a funder changes."""
    from wagtail.search.index import insert_or_update_object

    from research.models import FunderIndexPage

    for page in FunderIndexPage.objects.filter(locale_id=instance.locale_id):
        insert_or_update_object(page)

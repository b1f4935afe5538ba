from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    """Research publications with their authors and citations, and the funders LOS must name."""

    name = "research"
    verbose_name = _("Onderzoek en fondsen")

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model

        from research.pdf import recount_publications

        # A publication's PDF replaced in the documents admin is counted again (research/pdf.py).
        post_save.connect(recount_publications, sender=get_document_model(), dispatch_uid="research-recount-pdf")

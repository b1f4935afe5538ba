"""Research publications and the funders LOS must name."""

from research.models.funders import FooterFunder, Funder, FunderIndexPage, FunderQuerySet, FunderSettings
from research.models.publications import (
    AdvisoryGroupMember,
    AuthorRole,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
    RelatedPublication,
)

__all__ = [
    "AdvisoryGroupMember",
    "AuthorRole",
    "FooterFunder",
    "Funder",
    "FunderIndexPage",
    "FunderQuerySet",
    "FunderSettings",
    "PublicationAuthor",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationType",
    "RelatedPublication",
]

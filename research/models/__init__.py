"""Research publications and the funders LOS must name.

One module per content type: `publications` (the overview, the publication page and links between publications),
`authors` (the people of a publication), `funders` (the funder snippet and the footer strip's settings) and
`funder_index` (the page that thanks every funder).
"""

from research.choices import PublicationType
from research.models.authors import AdvisoryGroupMember, AuthorRole, PublicationAuthor
from research.models.funder_index import FunderIndexPage
from research.models.funders import Funder, FunderQuerySet
from research.models.publications import PublicationIndexPage, PublicationPage, RelatedPublication

__all__ = [
    "AdvisoryGroupMember",
    "AuthorRole",
    "Funder",
    "FunderIndexPage",
    "FunderQuerySet",
    "PublicationAuthor",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationType",
    "RelatedPublication",
]

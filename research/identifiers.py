"""Persistent identifiers of publications and researchers: DOIs and ORCID iDs, normalised and validated.

Editors paste them in every form they meet them in (a doi.org or orcid.org link, `doi:` prefixes); the bare
identifier is what is stored and what citations write.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")


def normalise_orcid(value: str) -> str:
    """'https://orcid.org/0000-0002-1825-0097' or the bare iD -> the bare iD (upper-case X)."""
    value = (value or "").strip()
    value = re.sub(r"^(https?://)?(www\.)?orcid\.org/", "", value, flags=re.IGNORECASE)
    return value.upper()


def orcid_checksum_ok(orcid: str) -> bool:
    """ISO 7064 11,2 check digit, as ORCID documents it (support.orcid.org, 'Structure of the ORCID Identifier')."""
    digits = orcid.replace("-", "")
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    result = (12 - total % 11) % 11
    check = "X" if result == 10 else str(result)
    return digits[-1] == check


def validate_orcid(value: str) -> None:
    """Model field validator: a well-formed ORCID iD (in any form `normalise_orcid` reads) with a valid check digit."""
    orcid = normalise_orcid(value)
    if not ORCID_RE.match(orcid) or not orcid_checksum_ok(orcid):
        raise ValidationError(
            _("Dit is geen geldige ORCID iD. Een ORCID iD ziet eruit als 0000-0002-1825-0097."), code="invalid"
        )


def normalise_doi(value: str) -> str:
    """'https://doi.org/10.1000/xyz', 'doi:10.1000/xyz' or the bare DOI -> the bare DOI."""
    value = (value or "").strip()
    value = re.sub(r"^(https?://)?(dx\.)?doi\.org/", "", value, flags=re.IGNORECASE)
    return re.sub(r"^doi:\s*", "", value, flags=re.IGNORECASE)


def validate_doi(value: str) -> None:
    """Model field validator: a DOI (in any form `normalise_doi` reads) that starts with '10.' and a registrant."""
    if not DOI_RE.match(normalise_doi(value)):
        raise ValidationError(_("Dit is geen geldige DOI. Een DOI begint met '10.', bijvoorbeeld 10.1234/abc.5"))

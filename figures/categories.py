"""What the shelters count: the breakdowns (dimensions), their categories, and the country list with regions.

One definition for the admin form, both uploads, the public page, its downloads and the API. Keys are stable
(they are stored in `QuarterFigures.breakdowns` and written in downloads); labels are Dutch msgids.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

SUPPORTED, INTAKES, DEPARTURES = "supported", "intakes", "departures"
TOTALS: dict[str, Promise] = {
    SUPPORTED: _("Ondersteunde mensen"),
    INTAKES: _("Nieuwe instroom"),
    DEPARTURES: _("Uitstroom"),
}
TOTAL_HELP: dict[str, Promise] = {
    SUPPORTED: _("Iedereen die jullie in dit kwartaal hebben opgevangen of begeleid, ook wie er al eerder was."),
    INTAKES: _("Mensen die in dit kwartaal voor het eerst (of opnieuw) bij jullie binnenkwamen."),
    DEPARTURES: _("Mensen die in dit kwartaal zijn vertrokken of van wie de begeleiding stopte."),
}

UNKNOWN = "onbekend"

# Regions of the world the nationalities are grouped under when a country's count is small.
WORLD_REGIONS: dict[str, Promise] = {
    "noord-afrika": _("Noord-Afrika"),
    "west-afrika": _("West-Afrika"),
    "oost-afrika": _("Oost- en Centraal-Afrika"),
    "midden-oosten": _("Midden-Oosten"),
    "azie": _("Azië"),
    "europa": _("Europa"),
    "amerika": _("Amerika"),
    UNKNOWN: _("Onbekend of staatloos"),
}

# ISO 3166 code -> (Dutch name, world region). The countries undocumented people in Dutch shelters come from;
# anything else is entered under "overig" of its region.
COUNTRIES: dict[str, tuple[Promise, str]] = {
    "DZ": (_("Algerije"), "noord-afrika"),
    "EG": (_("Egypte"), "noord-afrika"),
    "LY": (_("Libië"), "noord-afrika"),
    "MA": (_("Marokko"), "noord-afrika"),
    "TN": (_("Tunesië"), "noord-afrika"),
    "CM": (_("Kameroen"), "west-afrika"),
    "GH": (_("Ghana"), "west-afrika"),
    "GN": (_("Guinee"), "west-afrika"),
    "CI": (_("Ivoorkust"), "west-afrika"),
    "NG": (_("Nigeria"), "west-afrika"),
    "SL": (_("Sierra Leone"), "west-afrika"),
    "CD": (_("Congo (DRC)"), "oost-afrika"),
    "ER": (_("Eritrea"), "oost-afrika"),
    "ET": (_("Ethiopië"), "oost-afrika"),
    "SO": (_("Somalië"), "oost-afrika"),
    "SD": (_("Soedan"), "oost-afrika"),
    "UG": (_("Oeganda"), "oost-afrika"),
    "IQ": (_("Irak"), "midden-oosten"),
    "IR": (_("Iran"), "midden-oosten"),
    "SY": (_("Syrië"), "midden-oosten"),
    "TR": (_("Turkije"), "midden-oosten"),
    "YE": (_("Jemen"), "midden-oosten"),
    "AF": (_("Afghanistan"), "azie"),
    "CN": (_("China"), "azie"),
    "IN": (_("India"), "azie"),
    "PK": (_("Pakistan"), "azie"),
    "LK": (_("Sri Lanka"), "azie"),
    "AL": (_("Albanië"), "europa"),
    "AM": (_("Armenië"), "europa"),
    "GE": (_("Georgië"), "europa"),
    "RU": (_("Rusland"), "europa"),
    "UA": (_("Oekraïne"), "europa"),
    "BR": (_("Brazilië"), "amerika"),
    "CO": (_("Colombia"), "amerika"),
    "SR": (_("Suriname"), "amerika"),
    "VE": (_("Venezuela"), "amerika"),
}
OTHER_PREFIX = "overig-"  # "overig-azie": a country not in the list, counted under its region


def nationality_region(key: str) -> str:
    """The world region a nationality key belongs to (a country code, `overig-<region>` or `onbekend`)."""
    if key in COUNTRIES:
        return COUNTRIES[key][1]
    if key.startswith(OTHER_PREFIX) and key[len(OTHER_PREFIX) :] in WORLD_REGIONS:
        return key[len(OTHER_PREFIX) :]
    return UNKNOWN


NATIONALITIES: dict[str, Promise] = {
    **{code: name for code, (name, _region) in COUNTRIES.items()},
    # Lazy, so that the label follows the visitor's language (a formatted gettext_lazy would not).
    **{
        f"{OTHER_PREFIX}{region}": format_lazy("{}: {}", _("Overig"), label)
        for region, label in WORLD_REGIONS.items()
        if region != UNKNOWN
    },
    UNKNOWN: WORLD_REGIONS[UNKNOWN],
}


@dataclass(frozen=True)
class Dimension:
    """One breakdown: which total it divides (`of`), and its categories (key -> Dutch label)."""

    key: str
    label: Promise
    of: str
    categories: dict[str, Promise]
    help_text: Promise


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "nationality",
        _("Nationaliteit"),
        SUPPORTED,
        NATIONALITIES,
        _("Van de ondersteunde mensen. Een land dat niet in de lijst staat telt mee onder 'Overig' van zijn regio."),
    ),
    Dimension(
        "gender",
        _("Gender"),
        SUPPORTED,
        {"man": _("Man"), "vrouw": _("Vrouw"), "anders": _("Anders of onbekend")},
        _("Van de ondersteunde mensen, zoals zij het zelf aangeven."),
    ),
    Dimension(
        "age",
        _("Leeftijd"),
        SUPPORTED,
        {
            "0-17": _("0 tot 18 jaar"),
            "18-29": _("18 tot 30 jaar"),
            "30-49": _("30 tot 50 jaar"),
            "50-64": _("50 tot 65 jaar"),
            "65+": _("65 jaar en ouder"),
            UNKNOWN: _("Onbekend"),
        },
        _("Van de ondersteunde mensen, op de laatste dag van het kwartaal."),
    ),
    Dimension(
        "household",
        _("Huishouden"),
        SUPPORTED,
        {
            "alleen": _("Alleenstaand"),
            "gezin": _("Gezin met kinderen"),
            "stel": _("Stel zonder kinderen"),
            UNKNOWN: _("Onbekend"),
        },
        _("Van de ondersteunde mensen: hoe zij bij jullie verblijven."),
    ),
    Dimension(
        "duration",
        _("Duur van de ondersteuning"),
        DEPARTURES,
        {
            "0-1m": _("Korter dan 1 maand"),
            "1-3m": _("1 tot 3 maanden"),
            "3-12m": _("3 maanden tot 1 jaar"),
            "1-2j": _("1 tot 2 jaar"),
            "2j+": _("2 jaar of langer"),
            UNKNOWN: _("Onbekend"),
        },
        _("Van de mensen die vertrokken: hoe lang jullie hen ondersteund hebben."),
    ),
    Dimension(
        "outcome",
        _("Uitkomst bij vertrek"),
        DEPARTURES,
        {
            "verblijf": _("Verblijfsvergunning of procedure gestart"),
            "terugkeer": _("Vertrek of terugkeer"),
            "andere-opvang": _("Naar andere opvang of zorg"),
            "contact-verloren": _("Contact verloren"),
            "anders": _("Anders"),
        },
        _("Van de mensen die vertrokken: waar zij naartoe gingen."),
    ),
)
DIMENSIONS_BY_KEY = {dimension.key: dimension for dimension in DIMENSIONS}


def duration_band(days: int) -> str:
    """The duration band for a stay of `days` days (a month counted as 30 days, a year as 365)."""
    for limit, band in ((30, "0-1m"), (91, "1-3m"), (365, "3-12m"), (730, "1-2j")):
        if days < limit:
            return band
    return "2j+"


def age_band(age: int | None) -> str:
    if age is None or age < 0 or age > 120:
        return UNKNOWN
    for limit, band in ((18, "0-17"), (30, "18-29"), (50, "30-49"), (65, "50-64")):
        if age < limit:
            return band
    return "65+"

"""The agenda's spreadsheet columns: their Dutch names, the headers recognised for each, the Event fields an
import writes, and the downloadable template."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy

from events.models import Event
from spreadsheets.reading import ColumnSet
from spreadsheets.writers import write_xlsx

# Canonical columns: key -> the Dutch name shown to volunteers (the template's header).
COLUMNS: dict[str, str] = {
    "external_id": "Kenmerk",
    "title": "Titel",
    "date": "Datum",
    "start_time": "Begintijd",
    "end_date": "Einddatum",
    "end_time": "Eindtijd",
    "all_day": "Hele dag",
    "location": "Locatie",
    "address": "Adres",
    "city": "Plaats",
    "organiser": "Organisatie",
    "description": "Omschrijving",
    "registration_url": "Website",
    "online_url": "Online link",
    "audience": "Doelgroep",
    "language": "Taal",
}
REQUIRED_COLUMNS = ("title", "date")

# Headers recognised per column, Dutch and English; matching ignores case, spaces and punctuation.
HEADER_ALIASES: dict[str, list[str]] = {
    "external_id": ["kenmerk", "id", "nummer", "code", "referentie", "reference", "externalid"],
    "title": ["titel", "title", "naam", "name", "activiteit", "event", "onderwerp"],
    "date": ["datum", "date", "begindatum", "startdatum", "startdate", "dag", "day"],
    "start_time": ["begintijd", "starttijd", "starttime", "start", "aanvang", "tijd", "time", "van", "from"],
    "end_date": ["einddatum", "enddate", "totdatum"],
    "end_time": ["eindtijd", "endtime", "einde", "end", "tot", "to", "until"],
    "all_day": ["heledag", "allday", "geheledag"],
    "location": ["locatie", "location", "plek", "venue", "zaal"],
    "address": ["adres", "address", "straat", "street"],
    "city": ["plaats", "city", "stad", "woonplaats", "gemeente", "town"],
    "organiser": ["organisatie", "organiser", "organizer", "organisator", "organization", "organisation"],
    "description": ["omschrijving", "description", "beschrijving", "toelichting", "info", "informatie"],
    "registration_url": [
        "website",
        "link",
        "url",
        "aanmeldlink",
        "aanmelden",
        "registratie",
        "registration",
        "webpagina",
    ],
    "online_url": ["onlinelink", "online", "onlineurl", "videolink", "meetinglink"],
    "audience": ["doelgroep", "audience", "voorwie", "publiek"],
    "language": ["taal", "language", "voertaal"],
}

AGENDA_COLUMNS = ColumnSet.from_aliases(
    COLUMNS,
    HEADER_ALIASES,
    required=REQUIRED_COLUMNS,
    no_header_message=gettext_lazy(
        "Geen kopregel gevonden. Zet in de eerste rij boven de activiteiten de namen van de kolommen, "
        "bijvoorbeeld Titel, Datum, Begintijd, Plaats. Download het sjabloon als voorbeeld."
    ),
)

# The Event fields an import writes (and an undo restores), in the order the resource handles them.
IMPORT_FIELDS = ["external_id", *Event.CONTENT_FIELDS, "language"]
# Model field -> the column a problem with it belongs to.
FIELD_COLUMN = {name: name for name in IMPORT_FIELDS} | {"start": "date", "end": "end_time"}
# Column -> the model field its value ends up in (dates and times are combined into start and end).
COLUMN_FIELD = {"date": "start", "start_time": "start", "end_time": "end", "end_date": "end", "all_day": "start"}


def column_field(key: str) -> str:
    return COLUMN_FIELD.get(key, key)


TEMPLATE_EXAMPLE = {
    "Kenmerk": "LOS-2027-001",
    "Titel": "Regiobijeenkomst opvang",
    "Datum": datetime.date(2027, 3, 12),
    "Begintijd": datetime.time(19, 30),
    "Einddatum": None,
    "Eindtijd": datetime.time(21, 30),
    "Hele dag": "nee",
    "Locatie": "Buurthuis De Boog",
    "Adres": "Kanaalstraat 243",
    "Plaats": "Utrecht",
    "Organisatie": "Stichting LOS",
    "Omschrijving": "Ervaringen uitwisselen over opvang en zorg. Gratis, aanmelden niet nodig.",
    "Website": "https://www.stichtinglos.nl/agenda/",
    "Online link": None,
    "Doelgroep": "Vrijwilligers en hulpverleners",
    "Taal": "Nederlands",
}


def template_xlsx() -> bytes:
    """The downloadable template: the Dutch headers and one example row."""
    headers = list(COLUMNS.values())
    return write_xlsx(headers, [[TEMPLATE_EXAMPLE[h] for h in headers]])

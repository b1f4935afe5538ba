"""The columns of the Meldpunt's register import (meldpunt/importing.py): their names in our template, the other
names volunteers give them, and the words they write for the choices. Documented in docs/meldpunt-import.md."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from spreadsheets.reading import ColumnSet

ROW = "row"  # the row number in the volunteer's own file, carried by the sanitised copy
ROW_HEADER = "_rij_in_bestand"

COLUMN_NAMES = {
    "received_on": "Datum",
    "channel": "Kanaal",
    "location": "Locatie",
    "topics": "Onderwerpen",
    "description": "Omschrijving",
    "urgency": "Urgentie",
    "status": "Status",
    "referred_to": "Doorverwezen naar",
    "referred_on": "Datum doorverwijzing",
    "outcome": "Uitkomst",
    "closed_on": "Afgesloten op",
}
ALIASES = {
    "received_on": ("datum", "datum melding", "ontvangen op", "date", "received on"),
    "channel": ("kanaal", "via", "channel"),
    "location": ("locatie", "detentielocatie", "plaats", "location"),
    "topics": ("onderwerpen", "onderwerp", "topics", "topic"),
    "description": ("omschrijving", "beschrijving", "melding", "description"),
    "urgency": ("urgentie", "urgent", "spoed", "urgency"),
    "status": ("status", "stand", "stand van zaken"),
    "referred_to": ("doorverwezen naar", "doorverwezen aan", "referred to"),
    "referred_on": ("datum doorverwijzing", "doorverwezen op", "referred on"),
    "outcome": ("uitkomst", "resultaat", "outcome"),
    "closed_on": ("afgesloten op", "datum afgesloten", "gesloten op", "closed on"),
    ROW: (ROW_HEADER,),
}
COLUMNS = ColumnSet.from_aliases(
    {**COLUMN_NAMES, ROW: ROW_HEADER},
    ALIASES,
    required=("received_on", "location"),
    no_header_message=gettext_lazy(
        "Geen kopregel gevonden: de eerste regel noemt de kolommen, minstens Datum en Locatie."
    ),
)
# Words volunteers write for the choices, besides the choices' own values and Dutch and English labels.
EXTRA_WORDS = {
    "channel": {
        "telefoon": "phone",
        "tel": "phone",
        "gebeld": "phone",
        "app": "whatsapp",
        "mail": "email",
        "e-mail": "email",
        "brief": "letter",
        "post": "letter",
        "bezoek": "visit",
        "anders": "other",
    },
    "urgency": {"ja": "urgent", "spoed": "urgent", "dringend": "urgent", "nee": "normal", "normaal": "normal"},
    "status": {
        "doorverwezen": "referred",
        "klacht": "complaint_filed",
        "gesloten": "closed",
        "afgesloten": "closed",
        "nieuw": "registered",
        "open": "registered",
    },
    "outcome": {
        "opgelost": "resolved",
        "deels": "partly_resolved",
        "niet opgelost": "not_resolved",
        "ingetrokken": "withdrawn",
        "onbekend": "unknown",
    },
}

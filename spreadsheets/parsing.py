"""Understanding one spreadsheet cell: text, dates, times, yes/no and web addresses as volunteers write them.

Dates as dd-mm-jjjj, d-m-jj, jjjj-mm-dd, "12 maart 2027" (Dutch or English, with or without a weekday) or date
cells; times as 19:30, 19.30, "19 uur" or time cells; values trimmed. A value that cannot be understood raises
`CellError`, whose message is shown to the volunteer. Nothing here knows which sheet a cell comes from.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any

from django.utils.translation import gettext as _

from spreadsheets.formulas import FORMULA_PREFIXES

_MONTH_NAMES = [
    "januari jan january",
    "februari feb february",
    "maart mrt mar march",
    "april apr",
    "mei may",
    "juni jun june",
    "juli jul july",
    "augustus aug august",
    "september sep sept",
    "oktober okt oct october",
    "november nov",
    "december dec",
]
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}
WEEKDAYS = frozenset(
    [
        "maandag",
        "ma",
        "dinsdag",
        "di",
        "woensdag",
        "wo",
        "donderdag",
        "do",
        "vrijdag",
        "vr",
        "zaterdag",
        "za",
        "zondag",
        "zo",
        "monday",
        "mon",
        "tuesday",
        "tue",
        "wednesday",
        "wed",
        "thursday",
        "thu",
        "friday",
        "fri",
        "saturday",
        "sat",
        "sunday",
        "sun",
    ]
)
TRUE_WORDS = {"ja", "j", "yes", "y", "x", "waar", "true", "1", "hele dag", "✓"}
FALSE_WORDS = {"nee", "n", "no", "onwaar", "false", "0", ""}

# What a date may be at all: the agenda's, the Meldpunt's, the figures' and the consent dates all fall in these.
MIN_YEAR, MAX_YEAR = 1900, 2100
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
# A date, optionally with a time ("2027-03-12 19:30", as some programs write a date-time cell to CSV).
YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$")
_TEXT_DATE = re.compile(r"^(\d{1,2})\s*(?:e\s+)?([a-z]+)\.?\s+(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.u h](\d{2}))?(?::\d{2})?\s*(?:uur|u|h)?$")
_SPACES = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)
# Control characters no text field should keep (tab, line feed, carriage return and Word's vertical tab and page
# break are white space, handled below). One in a CSV ended up in the agenda's calendar feed and export.
_CONTROLS = dict.fromkeys(c for c in range(32) if not chr(c).isspace())
# The prefixes after which an apostrophe only protected a formula-like text (tab and CR are trimmed anyway).
_PROTECTED = tuple(prefix for prefix in FORMULA_PREFIXES if not prefix.isspace())


class CellError(ValueError):
    """A value that cannot be understood; the message is shown to the volunteer."""


def clean_text(value: Any, *, multiline: bool = False) -> str:
    """A trimmed string: invisible and control characters removed, no-break spaces as spaces, and a leading
    apostrophe that only protected a formula-like text (our own exports write them, see spreadsheets.formulas)
    dropped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if not text.isascii():  # the common case skips the Unicode clean-up
        text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).replace("\xa0", " ")
    text = text.translate(_CONTROLS)
    if multiline:
        text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    else:
        text = _SPACES.sub(" ", text).strip()
    if text.startswith("'") and text[1:].startswith(_PROTECTED):
        text = text[1:]
    return text


def normalise_key(value: str) -> str:
    """Text for matching (a title, a city): case, accents-as-written and spacing ignored."""
    return _SPACES.sub(" ", clean_text(value)).casefold()


def parse_date(value: Any) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):  # a date cell
        return checked_year(value.date(), value.date().isoformat())
    if isinstance(value, datetime.date):
        return checked_year(value, value.isoformat())
    text = clean_text(value).casefold()
    if not text:
        return None
    words = text.replace(",", " ").split()
    if words and words[0].rstrip(".") in WEEKDAYS and len(words) > 1:
        text = " ".join(words[1:])
    found = None
    try:
        if match := _DMY.match(text):
            day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
            if len(match.group(3)) == 2:
                year += 2000
            found = datetime.date(year, month, day)
        elif match := YMD.match(text):
            found = datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        elif (match := _TEXT_DATE.match(text)) and (month := MONTHS.get(match.group(2))):
            found = datetime.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        # The form is right but the day is not in the calendar (31-02-2027, 12-13-2027): say so, not "unknown form".
        raise CellError(
            _("De datum '%(value)s' bestaat niet: die dag of maand komt in de kalender niet voor. Controleer het.")
            % {"value": clean_text(value)[:40]}
        ) from None
    if found is None:
        raise CellError(
            _("'%(value)s' is geen datum die we kennen. Schrijf bijvoorbeeld 12-03-2027 of 12 maart 2027.")
            % {"value": clean_text(value)[:40]}
        )
    return checked_year(found, clean_text(value)[:40])


def checked_year(day: datetime.date, shown: str) -> datetime.date:
    """A typo such as 0001 or 9999 is no date we plan or count (and 31-12-9999 plus a day does not exist)."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CellError(
            _("De datum '%(value)s' ligt niet tussen %(first)s en %(last)s. Controleer het jaar.")
            % {"value": shown, "first": MIN_YEAR, "last": MAX_YEAR}
        )
    return day


def parse_time(value: Any, *, end: bool = False) -> datetime.time | None:
    """A time of day. 24:00 (typed, or a time cell of a whole day) is accepted as an end (`end=True`) and
    returned as 00:00: midnight at the end of the day, which the row puts on the next day."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0)
    minutes = None
    if isinstance(value, datetime.timedelta):
        minutes = round(value.total_seconds() / 60)
    elif isinstance(value, float) and 0 <= value <= 1:
        # A time cell without a time format: a fraction of a day (1 is 24:00).
        minutes = round(value * 24 * 60)
    else:
        text = clean_text(value).casefold()
        if not text:
            return None
        if (match := YMD.match(text)) and match.group(4):
            text = f"{match.group(4)}:{match.group(5)}"
        if match := _TIME.match(text):
            hours, rest = int(match.group(1)), int(match.group(2) or 0)
            if rest < 60:
                minutes = hours * 60 + rest
    if minutes is not None and 0 <= minutes < 24 * 60:
        return datetime.time(minutes // 60, minutes % 60)
    if minutes == 24 * 60:
        if end:
            return datetime.time()
        raise CellError(_("24:00 kan alleen een eindtijd zijn. Schrijf als begintijd 00:00 op de dag erna."))
    raise CellError(
        _("'%(value)s' is geen tijd die we kennen. Schrijf bijvoorbeeld 19:30 of 19.30.")
        % {"value": clean_text(value)[:40]}
    )


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = clean_text(value).casefold()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellError(_("Schrijf 'ja' of 'nee'."))


def parse_url(value: Any) -> str:
    """A web address as typed; `www.` gets `https://` (the model's URL validation does the rest)."""
    text = clean_text(value)
    if text.casefold().startswith("www."):
        text = "https://" + text
    return text

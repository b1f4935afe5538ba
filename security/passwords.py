"""A password validator for the words Dutch staff reach for first.

Django's CommonPasswordValidator knows 20,000 English-centred passwords; "Wachtwoord2026!" or "StichtingLOS1"
pass it. This validator refuses a password whose letters, once digits and punctuation are taken away, are
only a common Dutch password word or the name of the organisation or this software.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

BLOCKED_WORDS = {
    "wachtwoord", "welkom", "welkom01", "geheim", "hallo", "zomer", "winter", "lente", "herfst", "voorjaar",
    "maandag", "januari", "nederland", "holland", "amsterdam", "utrecht", "feyenoord", "ajax", "psv",
    "stichting", "stichtinglos", "los", "losutrecht", "ilegalevrouw", "ongedocumenteerden", "redactie",
    "beheer", "beheerder", "admin", "administrator", "wagtail", "django", "website", "qwerty", "azerty",
}  # fmt: skip
_NOT_LETTERS = re.compile(r"[^a-z]+")


class DutchCommonWordsValidator:
    """Refuse passwords that are a common Dutch password word (or the organisation's name) plus digits."""

    def validate(self, password: str, user=None) -> None:
        letters = _NOT_LETTERS.sub("", password.lower())
        if not letters or letters in BLOCKED_WORDS:
            raise ValidationError(
                _("Dit wachtwoord is te makkelijk te raden. Kies bijvoorbeeld vier losse woorden."),
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return _("Je wachtwoord mag niet alleen een veelgebruikt woord met cijfers zijn.")

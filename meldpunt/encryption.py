"""The encrypted contact field: Fernet (AES-128-CBC + HMAC-SHA256) from `cryptography`, keys from the environment.

Why not django-fernet-encrypted-fields: it derives its key from SECRET_KEY (so leaking the one secret Django needs
everywhere also opens the contact details, and rotating SECRET_KEY silently rotates this key) and on a wrong key it
returns the ciphertext as if it were the text. Here the key is MELDPUNT_ENCRYPTION_KEY (cms/settings/meldpunt.py):
one or more Fernet keys, newest first. MultiFernet encrypts with the first and decrypts with any, so a key is
rotated by putting a new one in front, running `manage.py meldpunt_rotate_key`, then dropping the old one (README).
"""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("Set MELDPUNT_ENCRYPTION_KEYS (README, Meldpunt).")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.MELDPUNT_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    """The text; a token no configured key opens raises (never shows the ciphertext as if it were text)."""
    try:
        return fernet().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeEncodeError) as error:
        raise ImproperlyConfigured(
            "A Meldpunt contact field cannot be decrypted with MELDPUNT_ENCRYPTION_KEYS: was a key dropped too soon?"
        ) from error


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token: the database (and every backup of it) holds no readable text."""

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value)

"""Logging without personal data.

Log lines go to the console (and from there to whatever collects the process output), so they must not hold
what identifies a visitor. `RedactingFormatter` formats as usual and then replaces e-mail addresses, IPv4 and
IPv6 addresses, query strings in request lines and the tokens of signed links with placeholders, in the message
and in tracebacks alike.
It is the formatter of every handler in settings.LOGGING, so a library that logs a client address (Django's
`DisallowedHost`, a mail error with a recipient, `django.request`'s "Bad Request: <path>") is covered too, and
gunicorn's access log goes through it as well (gunicorn.conf.py `RedactingAccessLogger`). Application code logs
counts and types only.
"""

from __future__ import annotations

import ipaddress
import logging
import re

# Matches start only where an address or path can (the lookbehinds): otherwise a long line without "@" or "?"
# would be scanned again from every character, which took seconds per 20,000 characters.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IPV4 = re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
IPV6_CANDIDATE = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?![\w:])")
QUERY = re.compile(r"(?<![^\s\"'])(?=[^\s?\"']*/)([^\s?\"']*)\?[^\s\"']*")
# Our signed links are keys: a newsletter link changes or deletes a subscription for a year, a password-reset
# link sets an account's password. Redacted by where they sit in a path (whatever the token looks like, even an
# invalid one), and by the shape of a django.core.signing value anywhere (value:timestamp:signature, the
# signature 43 base64url characters, as TimestampSigner and signing.dumps write them).
TOKEN_PATH = re.compile(r"(/(?:nieuwsbrief/(?:bevestigen|afmelden|wijzigen)|password_reset/confirm)/)[^\s\"'?]+")
SIGNED = re.compile(r"(?<![\w.:-])[\w.-]+:[\w-]+:[\w-]{43}(?![\w-])")  # starts only where a word does: linear


def _ipv6_or_keep(match: re.Match) -> str:
    try:
        ipaddress.IPv6Address(match.group(0).split("%")[0])
    except ValueError:
        return match.group(0)  # a time (12:00:01) or other colon-separated text
    return "[ip]"


def redact(text: str) -> str:
    text = TOKEN_PATH.sub(r"\1[token]/", text)
    text = SIGNED.sub("[token]", text)
    text = EMAIL.sub("[e-mail]", text)
    text = IPV6_CANDIDATE.sub(_ipv6_or_keep, text)
    text = IPV4.sub("[ip]", text)
    return QUERY.sub(r"\1?[query]", text)


class RedactingFormatter(logging.Formatter):
    """A Formatter whose output never contains e-mail addresses, IP addresses, URL query strings or link tokens."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))

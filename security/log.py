"""Logging without personal data.

Log lines go to the console (and from there to whatever collects the process output), so they must not hold
what identifies a visitor. `RedactingFormatter` formats as usual and then replaces e-mail addresses, IPv4 and
IPv6 addresses and query strings in request lines with placeholders, in the message and in tracebacks alike.
It is the formatter of every handler in settings.LOGGING, so a library that logs a client address (Django's
`DisallowedHost`, a mail error with a recipient) is covered too. Application code logs counts and types only.
"""

from __future__ import annotations

import ipaddress
import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IPV4 = re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
IPV6_CANDIDATE = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?![\w:])")
QUERY = re.compile(r"(/[^\s?\"']*)\?[^\s\"']*")


def _ipv6_or_keep(match: re.Match) -> str:
    try:
        ipaddress.IPv6Address(match.group(0).split("%")[0])
    except ValueError:
        return match.group(0)  # a time (12:00:01) or other colon-separated text
    return "[ip]"


def redact(text: str) -> str:
    text = EMAIL.sub("[e-mail]", text)
    text = IPV6_CANDIDATE.sub(_ipv6_or_keep, text)
    text = IPV4.sub("[ip]", text)
    return QUERY.sub(r"\1?[query]", text)


class RedactingFormatter(logging.Formatter):
    """A Formatter whose output never contains e-mail addresses, IP addresses or URL query strings."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))

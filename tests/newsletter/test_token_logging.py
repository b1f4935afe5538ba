"""The tokens of signed links never reach the logs: Django logged "Bad Request: /nieuwsbrief/wijzigen/<token>/"
for every refused form, and the token changes or deletes that subscription for a year."""

from __future__ import annotations

import logging

import pytest
from django.urls import reverse

from newsletter.tokens import MANAGE, make_token
from security.log import RedactingFormatter

pytestmark = pytest.mark.django_db


def test_django_request_warnings_about_token_pages_hold_no_token(client, make_subscriber, caplog):
    token = make_token(make_subscriber(), MANAGE)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.post(reverse("newsletter:manage", args=[token]), {"lists": ["999999"]}).status_code == 400
        assert client.put(reverse("newsletter:unsubscribe", args=[token])).status_code == 405
    formatter = RedactingFormatter("%(name)s %(message)s")  # the formatter of every handler (settings.LOGGING)
    lines = [formatter.format(record) for record in caplog.records if record.name == "django.request"]
    assert len(lines) == 2
    for line in lines:
        assert token not in line and token.split(":")[0] not in line and token.split(":")[2] not in line
        assert "/[token]/" in line

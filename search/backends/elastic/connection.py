"""The Elasticsearch client shared by the index and the queries: short timeout and no retries, so that a slow
or down cluster makes the service fall back to the database quickly (``TRANSPORT_ERRORS``)."""

from __future__ import annotations

import contextlib

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.dsl import connections
from elasticsearch.helpers import BulkIndexError
from wagtail.models import Locale

TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (TransportError, ApiError, BulkIndexError)
ALIAS = "los-search"
# Index languages and their Elasticsearch analysis (stemmer and stop words of the same name): the microsite's
# languages too. Other languages are searched in the Dutch index.
LANGUAGES = {"nl": "dutch", "en": "english", "ar": "arabic", "fr": "french", "es": "spanish"}


def client() -> Elasticsearch:
    """The shared client: short timeout, no retries (a slow cluster must not slow the page down)."""
    config = settings.SEARCH_ELASTICSEARCH
    try:
        return connections.get_connection(ALIAS)
    except KeyError:
        return connections.create_connection(
            alias=ALIAS,
            hosts=[config["URL"]],
            request_timeout=config.get("TIMEOUT", 2),
            max_retries=0,
            retry_on_timeout=False,
        )


def reset_client() -> None:
    """Forget the client (tests that change SEARCH_ELASTICSEARCH call this)."""
    with contextlib.suppress(KeyError):
        connections.remove_connection(ALIAS)


def alias_name(language_code: str) -> str:
    return f"{settings.SEARCH_ELASTICSEARCH.get('INDEX_PREFIX', 'los')}-{language_code}"


def language_of(locale: Locale | str) -> str:
    """The index language of a locale or language code (other languages are searched in the Dutch index)."""
    code = (locale if isinstance(locale, str) else locale.language_code).split("-")[0]
    return code if code in LANGUAGES else "nl"

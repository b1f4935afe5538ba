"""Settings of the search app (search/): the database backend per language, Elasticsearch, statistics."""

from .environment import env

# Database search: one backend per language (PostgreSQL has one SEARCH_CONFIG per backend; see
# search/backends/wagtail_database.py). Both share one index table, built per object with its own language's
# configuration; only `default` writes.
# The los_* configurations (unaccent + stemmer) are created by the search app's migrations on PostgreSQL.
SEARCH_LANGUAGE_CONFIGS = {
    "nl": "los_dutch",
    "en": "los_english",
    "ar": "los_arabic",
    "fr": "los_french",
    "es": "los_spanish",
}
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends.wagtail_database",
        "AUTO_UPDATE": True,
        "SEARCH_CONFIG": "los_dutch",
        "LANGUAGE_CONFIGS": SEARCH_LANGUAGE_CONFIGS,
    },
    # One query backend per other language: they differ only in SEARCH_CONFIG and never write.
    **{
        language: {
            "BACKEND": "search.backends.wagtail_database",
            "AUTO_UPDATE": False,
            "SEARCH_CONFIG": config,
            "LANGUAGE_CONFIGS": SEARCH_LANGUAGE_CONFIGS,
        }
        for language, config in SEARCH_LANGUAGE_CONFIGS.items()
        if language != "nl"
    },
}
# Public search on Elasticsearch (elasticsearch.dsl, search/backends/elastic/) when ELASTICSEARCH_URL is set. The
# database index above stays up to date as well: it is the fallback when the cluster is slow or down.
SEARCH_ELASTICSEARCH = {
    "URL": env("ELASTICSEARCH_URL"),
    "INDEX_PREFIX": "los",
    "TIMEOUT": 2,
}
# Query statistics are counted in the cache and written to the database at most once per this many seconds.
SEARCH_STATS_FLUSH_SECONDS = 300

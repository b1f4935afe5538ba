"""The Elasticsearch backend, written with ``elasticsearch.dsl``.

- ``connection``: the shared client (short timeout, no retries) and the errors that mean "unavailable".
- ``index``: one index per language behind an alias (``los-nl``, ``los-en``) with Dutch or English analysis
  (lower-case, ASCII folding, stop words and a stemmer at index time; the same plus the editors' synonym list
  (``SearchSettings``, a ``synonym_graph`` filter) at search time, so synonyms need no reindex of documents),
  one ``Document`` class per content family, keeping pages in sync, and rebuilding with an alias swap.
- ``query``: ``PageSearch`` (a ``FacetedSearch``) with highlighting (``<mark>``, HTML encoding), a phrase
  suggester for "did you mean", phrase and prefix matching; the completion suggester for autocomplete.
- ``backend``: ``ElasticsearchBackend``, which turns answers into the shared result shape; hits are re-checked
  against the database (live, public, language, site) before they are shown.
"""

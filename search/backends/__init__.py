"""Search engines behind the search service (search/service.py), each implementing ``base.SearchBackend``:
``database`` (Wagtail's database search; always there, the fall-back) and ``elastic`` (Elasticsearch, when
``ELASTICSEARCH_URL`` is set). Backends use search/results.py and search/scope.py, never the service."""

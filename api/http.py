"""Conditional GET for the API: an ETag on every answer and 304 Not Modified when the partner already has it.

Django's ConditionalGetMiddleware does exactly this (ETag from the content unless the view set one, the
`Last-Modified` a view sets, `If-None-Match`/`If-Modified-Since` answered with 304); here it runs for /api/v2/
only, so pages keep the cache headers of caching/cache_control.py.
"""

from __future__ import annotations

from django.middleware.http import ConditionalGetMiddleware

API_PREFIX = "/api/v2/"


class ConditionalAPIMiddleware(ConditionalGetMiddleware):
    def process_response(self, request, response):
        if not request.path_info.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)

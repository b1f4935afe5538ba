"""Warming pages: rendering a page once so its image renditions exist before the first visitor needs them.

Image renditions are made the first time a page is viewed; AVIF in particular takes a second or more per
image on a small server, which the first visitor after publishing would otherwise wait for. The task renders
the published page, its parent (the listing it appears in) and its site's home page the way an anonymous
visitor sees them, which creates exactly the renditions the templates ask for (no second list of sizes to
keep in step) and fills the fragment cache. In production it runs on the worker (`manage.py db_worker`), off
the request path.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.utils import translation
from django_tasks import task
from wagtail.models import Page

logger = logging.getLogger("los.home")


def warm(page: Page) -> int | None:
    """Render `page` once as an anonymous visitor would, which makes its image renditions; its status code."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    _site_id, root_url, path = parts
    host = urlsplit(root_url).hostname or "localhost"
    # A fresh client without cookies: exactly what an anonymous first visitor gets (and nothing is stored).
    # The inner request activates its page's language; keep the caller's (inline in development).
    with translation.override(translation.get_language()):
        client = Client(HTTP_HOST=host, raise_request_exception=False)
        response = client.get(path, secure=root_url.startswith("https"))
    return response.status_code


@task()
def warm_page(page_id: int) -> dict[str, int | None]:
    """Render a live page and its parent once, creating their image renditions. Returns status per URL path."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None:
        return {}
    statuses: dict[str, int | None] = {}
    # The page, the listing it is in, and the home page of its site (which shows the latest items).
    targets = {page.pk: page, page.get_parent().pk: page.get_parent().specific}
    site = page.get_site()
    if site is not None:
        targets.setdefault(site.root_page_id, site.root_page.localized.specific)
    for target in targets.values():
        if target.live and target.depth > 1:
            try:
                statuses[target.url_path] = warm(target)
            except Exception:  # warming is an optimisation: never fail a publication over it
                logger.exception("Warming page %s failed", target.pk)
    return statuses


def queue_warm_page(sender, instance, **kwargs) -> None:
    """page_published receiver: warm the page once the publication is committed (when a worker does it,
    settings.LOS_WARM_PUBLISHED_PAGES)."""
    if not settings.LOS_WARM_PUBLISHED_PAGES:
        return
    page_id = instance.pk
    transaction.on_commit(lambda: warm_page.enqueue(page_id))

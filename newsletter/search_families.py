"""How the newsletter's pages take part in search (see search/registry.py): the subscription page and the support
page are plain pages a visitor may look for ("nieuwsbrief", "doneren"), on the LOS site and the microsite."""

from __future__ import annotations

from search.registry import add_pages

add_pages("page", "newsletter.NewsletterPage", "newsletter.SupportPage")

"""The addresses in the newsletter's mails: which site and which language prefix every signed link gets.

A link must open on a site that offers the reader's language, or it is a 404 (multilingual/middleware.py): a
French subscriber of the iLegalevrouw list (the microsite's form offers nl, en, fr, es and ar) could not
unsubscribe through `/fr/...` on the main site, which offers only nl and en. So a link goes to the first site, in
this order, that offers the reader's language:

1. the site the visitor used (the form's site), if its newsletter page offers one of the lists;
2. the sites of the live newsletter pages that offer one of the lists (pages in the reader's language first);
3. that same site or the default site.

Where none does, the link goes to the first of them in Dutch (unprefixed, served on every site): a page the
reader can use, rather than their language on a site where it does not exist. Links already sent with a prefix
the site no longer offers still work (multilingual `any_language_prefix`, on the token views).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from multilingual.languages import enabled_languages
from newsletter.models import MailingList, NewsletterPage, Subscriber
from newsletter.tokens import make_token


def _candidates(lists: Iterable[MailingList], language: str, prefer_root: str) -> list[Site]:
    pages = (
        NewsletterPage.objects.live().filter(lists__in=list(lists)).select_related("locale").order_by("pk").distinct()
    )
    ordered = sorted(pages, key=lambda page: page.locale.language_code != language)  # stable: pk order within
    sites = [site for site in (page.get_site() for page in ordered) if site is not None]
    hosting = [site for site in sites if site.root_url == prefer_root]
    visited = [site for site in Site.objects.all() if site.root_url == prefer_root] if prefer_root else []
    default = Site.objects.filter(is_default_site=True).first()
    result: list[Site] = []
    for site in [*hosting[:1], *sites, *visited, *([default] if default else [])]:
        if site not in result:
            result.append(site)
    return result


def link_site(lists: Iterable[MailingList], language: str, *, prefer_root: str = "") -> tuple[str, str]:
    """The root URL of the site and the language the links for these lists and this reader use (module docstring)."""
    candidates = _candidates(lists, language, prefer_root)
    for site in candidates:
        if language in enabled_languages(None, site=site):
            return site.root_url, language
    return (candidates[0].root_url if candidates else prefer_root), settings.LANGUAGE_CODE


def token_link(subscriber: Subscriber, view_name: str, purpose: str, *, root: str, language: str) -> str:
    """The full address of one signed-link view for this subscriber (root and language from `link_site`)."""
    with translation.override(language):
        return root + reverse(view_name, args=[make_token(subscriber, purpose)])

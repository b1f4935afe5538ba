"""Rendering an issue once for every place it appears: the mail's HTML and plain-text parts, the admin preview
and the archive page. All of them use the same content fragment (`newsletter/mail/issue_content.html`), so the
archive shows exactly what the mail said.

Mails carry no tracking pixel, no rewritten links and nothing from another host: every link points at the page
itself, every address is made absolute on our own site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from newsletter.links import link_site, token_link
from newsletter.models import Issue, NewsletterPage, Subscriber
from newsletter.tokens import MANAGE

_RELATIVE = re.compile(r'(href|src)="/(?!/)')


@dataclass
class Item:
    """One entry of an issue as every rendering shows it."""

    kind: str
    title: str = ""
    url: str = ""
    date: object = None
    summary: str = ""
    place: str = ""
    html: str = ""


@dataclass
class RenderedIssue:
    """The issue as HTML document, plain text and the content fragment the archive shows."""

    html: str
    text: str
    content: str
    items: list[Item] = field(default_factory=list)
    archive_url: str = ""
    manage_url: str = ""
    unsubscribe_url: str = ""


def link_root(issue: Issue) -> tuple[str, str]:
    """The site and language of the issue's links: a site that offers its list and language (newsletter/links.py)."""
    return link_site([issue.mailing_list], issue.language)


def newsletter_page(issue: Issue) -> NewsletterPage | None:
    """The live newsletter page in the issue's language that offers its list (its archive holds the issue)."""
    return (
        NewsletterPage.objects.live()
        .filter(lists=issue.mailing_list, locale__language_code=issue.language)
        .order_by("pk")
        .first()
    )


def absolutise(html: str, root: str) -> str:
    """Links and images on our own site as full addresses, which a mail needs."""
    return _RELATIVE.sub(lambda match: f'{match.group(1)}="{root}/', html)


def _in_language(page, locale: Locale | None):
    translated = page.get_translation_or_none(locale) if locale else None
    return (translated if translated is not None and translated.live else page).specific


def _event_items(events: list, root: str) -> list[Item]:
    from events.models import Event
    from events.models.pages import EventIndexPage

    events = Event.in_active_language(events)
    agenda = EventIndexPage.for_active_language()
    base = agenda.get_full_url() if agenda else ""
    return [
        Item(
            kind="event",
            title=event.title,
            url=f"{base}{event.original_pk}-{event.slug}/" if base else "",
            date=event.local_start,
            place=", ".join(part for part in (event.location, event.city) if part),
        )
        for event in events
    ]


def resolve_items(issue: Issue, root: str) -> list[Item]:
    """The issue's blocks as items in its language (translations where they exist, else the original)."""
    locale = Locale.objects.filter(language_code=issue.language).first()
    items: list[Item] = []
    for block in issue.items:
        value = block.value
        if value is None:  # a page or event deleted since it was picked
            continue
        if block.block_type in ("news", "publication"):
            page = _in_language(value, locale)
            if not page.live:
                continue
            summary = getattr(page, "intro", "") or getattr(page, "summary", "")
            date = getattr(page, "publication_date", None)
            items.append(Item(block.block_type, page.title, page.get_full_url() or "", date, strip_tags(summary)))
        elif block.block_type == "event":
            items.extend(_event_items([value], root))
        elif block.block_type == "text":
            html = absolutise(expand_db_html(value["text"].source), root)
            items.append(Item("text", title=value["heading"], html=html, summary=strip_tags(html)))
    return items


def manage_url(subscriber: Subscriber | None, root: str, language: str) -> str:
    if subscriber is None:
        return ""
    return token_link(subscriber, "newsletter:manage", MANAGE, root=root, language=language)


def unsubscribe_url(subscriber: Subscriber, root: str, language: str) -> str:
    return token_link(subscriber, "newsletter:unsubscribe", MANAGE, root=root, language=language)


def render_issue(issue: Issue, *, subscriber: Subscriber | None = None, request: HttpRequest | None = None):
    """The issue for one subscriber (with their own manage link) or for the archive and previews (without)."""
    root, link_language = link_root(issue)
    with translation.override(issue.language):
        page = newsletter_page(issue)
        # Only where the archive holds the issue: a test mail of a draft would link to a page that is not there.
        archive_url = f"{page.get_full_url()}archief/{issue.pk}/" if page and issue.in_archive else ""
        context = {
            "issue": issue,
            "mailing_list": issue.mailing_list,
            "intro": absolutise(expand_db_html(issue.intro), root),
            "items": resolve_items(issue, root),
            "archive_url": archive_url,
            "manage_url": manage_url(subscriber, root, link_language),
            "root": root,
        }
        content = render_to_string("newsletter/mail/issue_content.html", context)
        context["content"] = content
        html = render_to_string("newsletter/mail/issue.html", context)
        text = render_to_string("newsletter/mail/issue.txt", context)
    unsubscribe = unsubscribe_url(subscriber, root, link_language) if subscriber is not None else ""
    return RenderedIssue(html, text, content, context["items"], archive_url, context["manage_url"], unsubscribe)

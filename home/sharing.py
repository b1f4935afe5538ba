"""Share links for every page that offers them (news items, campaigns): one list of services, plain links only.

Each link goes to the service's own share address; nothing is loaded from any service until a visitor clicks it
(no scripts, frames, buttons or counters of theirs), so showing the links tells them nothing. Signal has no share
address: the "share via" button (the browser's own share sheet) and "copy link" of
templates/components/share_links.html cover it. Rendered with `{% share_links page %}` (templatetags/component_tags.py).

The services are the union of what news items and campaigns offered before, chat apps first (the way LOS's
visitors share most), minus X: LOS has no account there (its own are on Mastodon, Facebook and LinkedIn) and the
campaigns never offered it. Mastodon has no central server, so its link goes to toot.kytta.dev, an open-source
page that asks the visitor for their own server and sends the text there.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ShareLink:
    """One service's share link, ready to render."""

    service: str  # the modifier of its CSS class, share__link--<service>
    label: str
    url: str


def _query(**params: str) -> str:
    # %20 for spaces (not "+"): mail programs and some apps show a "+" literally.
    return urlencode(params, quote_via=quote)


def share_links(url: str, title: str) -> list[ShareLink]:
    """The share links for the page at the absolute address `url`, with the text "`title` `url`"."""
    text = f"{title} {url}"
    return [
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + _query(text=text)),
        ShareLink("telegram", "Telegram", "https://t.me/share/url?" + _query(url=url, text=title)),
        ShareLink("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + _query(u=url)),
        ShareLink("bluesky", "Bluesky", "https://bsky.app/intent/compose?" + _query(text=text)),
        ShareLink("mastodon", "Mastodon", "https://toot.kytta.dev/?" + _query(text=text)),
        ShareLink("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url)),
        ShareLink("email", _("E-mail"), "mailto:?" + _query(subject=title, body=text)),
    ]

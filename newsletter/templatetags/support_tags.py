"""`{% support_ask %}`: the support block for templates that have no StreamField for it (the home page design).

It renders the same block template as the "Steun LOS" block in a campaign page's body, for this site's live
support page, in the active language; nothing when the site has none.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.models import Site

from newsletter.models import SupportPage

register = template.Library()


@register.simple_tag(takes_context=True)
def support_ask(context, heading: str = "", text: str = "") -> str:
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    page = (
        SupportPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .filter(locale__language_code=context.get("LANGUAGE_CODE") or "nl")
        .first()
        or SupportPage.objects.live().public().descendant_of(site.root_page).first()
    )
    if page is None:
        return ""
    value = {
        "heading": heading or page.title,
        "text": text or page.intro,
        "page": page,
        "button_label": _("Steun ons werk"),
        "show_account": True,
    }
    return render_to_string("blocks/support_block.html", {"value": value, "request": request})

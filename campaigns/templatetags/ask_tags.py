"""The asks on the LOS home page: sign the campaign, come to an event, read the latest report, support LOS (issue 21).

Editors control each ask through its content: the newest live campaign, the next event, the newest publication,
and the "Steun LOS" page with its "oproep op de homepagina" switch (its title and introduction are the ask)."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from campaigns import related
from campaigns.models import CampaignPage
from newsletter.models import SupportPage

register = template.Library()


@register.inclusion_tag("campaigns/components/home_asks.html", takes_context=True)
def home_asks(context) -> dict:
    """The newest live campaign, the next event, the newest publication in the page's language and this home
    page's support page (four small queries), each as {kind, kicker, title, text or date (with its format), url,
    action}; an ask whose content does not exist (or is switched off) is left out."""
    request = context.get("request")
    locale_id = getattr(context.get("page"), "locale_id", None)
    asks = []
    campaign = CampaignPage.objects.live().public().filter(locale_id=locale_id).order_by("-start_date", "-pk").first()
    if campaign is not None:
        asks.append(
            {
                "kind": "campaign",
                "kicker": _("Teken de oproep"),
                "title": campaign.title,
                "text": campaign.tagline,
                "url": campaign.get_url(request=request),
                "action": _("Naar de campagne"),
            }
        )
    if event := related.latest("events", request, locale_id):
        asks.append(
            {
                "kind": "event",
                "kicker": _("Kom naar een bijeenkomst"),
                "title": event.title,
                "date": event.date,
                "date_format": "l j F Y, H:i",
                "url": event.url,
                "action": _("Bekijk de bijeenkomst"),
            }
        )
    if publication := related.latest("publications", request, locale_id):
        asks.append(
            {
                "kind": "publication",
                "kicker": _("Lees ons nieuwste rapport"),
                "title": publication.title,
                "date": publication.date,
                "date_format": "F Y",
                "url": publication.url,
                "action": _("Lees het rapport"),
            }
        )
    page = context.get("page")
    support = SupportPage.objects.child_of(page).live().public().filter(home_page_ask=True).first() if page else None
    if support is not None:
        asks.append(
            {
                "kind": "support",
                "kicker": _("Doe een gift"),
                "title": support.title,
                "text": support.intro,
                "url": support.get_url(request=request),
                "action": _("Steun ons werk"),
            }
        )
    return {"asks": asks}

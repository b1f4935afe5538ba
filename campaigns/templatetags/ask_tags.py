"""The asks on the LOS home page: sign the campaign, come to an event, read the latest report (issue 21)."""

from __future__ import annotations

from django import template

from campaigns import related
from campaigns.models import CampaignPage

register = template.Library()


@register.inclusion_tag("campaigns/components/home_asks.html", takes_context=True)
def home_asks(context) -> dict:
    """The newest live campaign, the next event and the newest publication in the page's language (three small
    queries); an ask whose content does not exist is left out."""
    request = context.get("request")
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    campaign = CampaignPage.objects.live().public().filter(locale_id=locale_id).order_by("-start_date", "-pk").first()
    return {
        "campaign": campaign,
        "campaign_url": campaign.get_url(request=request) if campaign else "",
        "event": related.latest("events", request, locale_id),
        "publication": related.latest("publications", request, locale_id),
    }

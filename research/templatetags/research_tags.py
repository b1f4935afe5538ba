"""Template tags of the research app: the 'made possible by' strip in the site footer."""

from __future__ import annotations

from django import template

from research.funders import footer_funders

register = template.Library()


@register.inclusion_tag("components/funder_strip.html", takes_context=True)
def funder_strip(context) -> dict:
    """Logos of the active funders of this site, in the order chosen in the site settings.

    A fixed number of queries whatever the number of funders (logos and their renditions are prefetched), and
    the output depends only on site, language and date, so `{% cache %}` can wrap it when that pays off.
    """
    request = context.get("request")
    if request is None:
        return {"funders": []}
    return {"funders": footer_funders(request)}

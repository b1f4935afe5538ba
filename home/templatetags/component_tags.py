"""Template tags for building pages from the components in templates/components/: `{% fragment %}`,
`{% share_links page %}` and `{% theme_name theme %}`.

`{% fragment as name %}…{% endfragment %}` renders a piece of markup into a variable, so a page can hand it to a
component (`{% include "components/page_header.html" with kicker=name %}`): Django's `include` passes values,
not markup. Wagtail has a tag like it, but in its admin library (wagtailadmin_tags), which public pages should
not depend on.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home.models import Theme
from home.sharing import share_links as build_share_links

register = template.Library()


class FragmentNode(template.Node):
    """Renders its contents into a context variable instead of into the page."""

    def __init__(self, nodelist: NodeList, target: str) -> None:
        self.nodelist = nodelist
        self.target = target

    def render(self, context: Context) -> str:
        # Rendered with the page's auto-escaping, so the markup is safe; stripped so that the indentation around
        # it in the template never becomes text inside the component (an <h1> or <p> of its own).
        context[self.target] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def fragment(parser: Parser, token: Token) -> FragmentNode:
    """`{% fragment as name %}…{% endfragment %}`: the rendered markup in `name` (empty when it renders nothing)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% fragment as name %}…{% endfragment %}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[2])


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context: Context, page: Page, heading: str = "") -> dict[str, Any]:
    """Share links for `page` under `heading` (default "Delen"); nothing when the page has no public address."""
    url = page.get_full_url(context.get("request")) or ""
    return {
        "share_links": build_share_links(url, page.title) if url else [],
        "share_url": url,
        "share_title": page.title,
        "heading": heading,
    }


# Themes by their name in the visitor's language. A page's themes are synchronised between its translations (the
# English news item points at the same, Dutch, themes as its source: one set to filter by, see
# `override_translatable_fields`), so where a theme is shown its name is looked up in the active language: the
# translated theme's name, or the Dutch one if it has none.
@register.simple_tag(takes_context=True)
def theme_name(context, theme: Theme) -> str:
    """`theme`'s name in the active language; the names are looked up once per request (and cached)."""
    request = context.get("request")
    names = getattr(request, "_theme_names", None) if request is not None else None
    if names is None:
        names = Theme.names_in_active_language()
        if request is not None:
            request._theme_names = names
    return names.get(str(theme.translation_key), theme.name)

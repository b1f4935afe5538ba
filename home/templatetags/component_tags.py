"""Template tags for building pages from the components in templates/components/.

`{% fragment as name %}…{% endfragment %}` renders a piece of markup into a variable, so a page can hand it to a
component (`{% include "components/page_header.html" with kicker=name %}`): Django's `include` passes values,
not markup. Wagtail has a tag like it, but in its admin library (wagtailadmin_tags), which public pages should
not depend on.
"""

from __future__ import annotations

from django import template
from django.template.base import NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import mark_safe

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

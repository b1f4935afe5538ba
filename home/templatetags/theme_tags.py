"""Themes by their name in the visitor's language.

A page's themes are synchronised between its translations (the English news item points at the same, Dutch,
themes as its source: one set to filter by, see `override_translatable_fields`), so where a theme is shown its
name is looked up in the active language: the translated theme's name, or the Dutch one if it has none.
"""

from __future__ import annotations

from django import template

from home.models import Theme

register = template.Library()


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

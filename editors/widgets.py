"""Admin widgets that page and snippet models use in their panels (importable while models load)."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel


class ThemeCheckboxes(forms.CheckboxSelectMultiple):
    """One checkbox per theme, named in the editor's language.

    Themes are translatable snippets, so every theme exists once per language and Wagtail listed each of them
    (Dutch and English). Pages filter by the theme's slug, which all translations share: the checkboxes are the
    source-language themes, labelled with the translation in the admin's language where there is one; a page
    that links a translated row keeps it ticked (it is saved as the source row, same slug)."""

    def optgroups(self, name, value, attrs=None):
        from wagtail.models import Locale

        from home.models import Theme

        themes = list(Theme.objects.select_related("locale"))
        default = Locale.get_default()
        chosen = {str(pk) for pk in value}
        chosen_keys = {theme.translation_key for theme in themes if str(theme.pk) in chosen}
        names = {theme.translation_key: theme.name for theme in themes if theme.locale.language_code == get_language()}
        sources = [theme for theme in themes if theme.locale_id == default.pk]
        self.choices = [(theme.pk, names.get(theme.translation_key, theme.name)) for theme in sources]
        value = [str(theme.pk) for theme in sources if theme.translation_key in chosen_keys]
        return super().optgroups(name, value, attrs)


def themes_panel() -> FieldPanel:
    """The themes of a page or event, as checkboxes (see ThemeCheckboxes)."""
    return FieldPanel("themes", widget=ThemeCheckboxes)

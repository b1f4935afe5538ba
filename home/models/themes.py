"""Themes: the lines along which LOS organises its content, translated like every snippet."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class Theme(TranslatableMixin, models.Model):
    """One of LOS's themes (basic rights, routes to legal residence, control and detention)."""

    name = models.CharField(_("naam"), max_length=100, help_text=_("Zoals bezoekers het thema zien."))
    slug = models.SlugField(
        _("korte naam voor adressen"),
        max_length=100,
        help_text=_("Kleine letters en streepjes, bijvoorbeeld 'basisrechten'. Wordt gebruikt in filteradressen."),
    )
    description = models.TextField(
        _("omschrijving"),
        blank=True,
        max_length=500,
        help_text=_("Eén of twee zinnen over wat dit thema omvat."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lagere getallen komen eerst in lijsten en filters.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def names_in_active_language(cls) -> dict[str, str]:
        """{translation key: name} of the themes translated into the active language (cached until any theme,
        page or setting changes: caching/fragments.py)."""
        from django.utils import translation

        from caching.fragments import cached_value

        language = translation.get_language() or settings.LANGUAGE_CODE

        def build() -> dict[str, str]:
            rows = cls.objects.filter(locale__language_code=language).values_list("translation_key", "name")
            return {str(translation_key): name for translation_key, name in rows}

        return cached_value(None, "theme-names", build)

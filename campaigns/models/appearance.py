"""Per-site appearance: logo, colour palette and the quick exit ("Snel weg")."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from caching.fragments import CachedSiteSetting
from home.fields import optional_link

# The fixed, accessible palette: every brand colour reaches at least WCAG AA (4.5:1) against white text and
# against the page background, so an editor cannot pick an unreadable combination. Each key becomes a CSS class
# (`palette-<key>`) in main.css; classes rather than inline styles, so a strict Content-Security-Policy works.
PALETTE: dict[str, tuple[str, str, str]] = {
    # key: (label, brand colour, dark variant)
    "los": (_("LOS-blauw"), "#0b4f6c", "#073446"),
    "paars": (_("Paars"), "#7a1f5c", "#4f1239"),
    "groen": (_("Groen"), "#1e5631", "#123820"),
    "rood": (_("Rood"), "#a4161a", "#6e0e11"),
    "oranje": (_("Oranje"), "#8a3b00", "#5c2700"),
    "nachtblauw": (_("Nachtblauw"), "#1f3a93", "#132560"),
}
PALETTE_CHOICES = [(key, label) for key, (label, _brand, _dark) in PALETTE.items()]

DEFAULT_QUICK_EXIT_URL = "https://www.weeronline.nl/"


@register_setting(icon="view")
class SiteAppearance(CachedSiteSetting, BaseSiteSetting):
    """How one site looks (logo, colours) and whether it offers the quick exit."""

    logo = optional_link(
        "wagtailimages.Image",
        _("logo"),
        _("Optioneel. Staat links in de kop, naast de naam van de organisatie."),
    )
    palette = models.CharField(
        _("kleuren"),
        max_length=20,
        choices=[("", _("Standaard van de website")), *PALETTE_CHOICES],
        blank=True,
        help_text=_("De hoofdkleur van deze website. Alle keuzes zijn goed leesbaar."),
    )
    quick_exit_enabled = models.BooleanField(
        _("knop 'Snel weg' tonen"),
        default=False,
        help_text=_(
            "Toont op elke pagina een knop waarmee bezoekers de website direct verlaten, ook met twee keer de "
            "Escape-toets. Voor websites die bezoekers in gevaar kunnen brengen als iemand meekijkt."
        ),
    )
    quick_exit_url = models.URLField(
        _("neutrale website"),
        default=DEFAULT_QUICK_EXIT_URL,
        help_text=_("Waar de knop 'Snel weg' naartoe gaat: een onopvallende website, zoals het weerbericht."),
    )
    safe_browsing_page = optional_link(
        "wagtailcore.Page",
        _("pagina over veilig surfen"),
        _(
            "Optioneel. Naast de knop 'Snel weg' staat dan een link naar deze pagina, in de taal van de bezoeker: "
            "uitleg over de geschiedenis wissen en privé surfen."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("palette")], heading=_("Uiterlijk")),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "De knop vervangt de pagina in de browsergeschiedenis, zodat 'Terug' niet naar deze "
                        "website terugkeert. Met JavaScript neemt een heel bezoek maar één plek in de geschiedenis "
                        "in; zonder JavaScript blijven eerder bezochte pagina's staan: leg dat uit op de pagina "
                        "over veilig surfen."
                    )
                ),
                FieldPanel("quick_exit_enabled"),
                FieldPanel("quick_exit_url"),
                FieldPanel("safe_browsing_page"),
            ],
            heading=_("Snel weg"),
        ),
    ]

    class Meta:
        verbose_name = _("uiterlijk en snel weg")

    @property
    def palette_class(self) -> str:
        return f"palette-{self.palette}" if self.palette in PALETTE else ""

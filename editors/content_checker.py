"""The LOS content checker of the userbar: Wagtail's checker with every axe rule relevant to our pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem


class LosContentChecker(ContentCheckerItem):
    """Wagtail's accessibility and content checker in the userbar, with every axe rule relevant to our pages.

    WCAG 2.0/2.1/2.2 A and AA rules plus best practices run (axe's tags), together with Wagtail's content checks
    (image alt text that looks like a file name, an empty meta description). Colour contrast stays on: campaign
    colours come from a fixed palette, but editors' images and embeds can still break it.
    """

    axe_rules = {
        # Our skip link and landmark layout are fixed in templates; editors can only break content rules.
        "region": {"enabled": False},
    }

    def get_axe_options(self, request):
        options = super().get_axe_options(request)
        options["runOnly"] = {
            "type": "tag",
            "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice", "seo"],
        }
        return options

    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Afbeelding zonder alternatieve tekst"),
            "help_text": _("Beschrijf wat de afbeelding laat zien, of markeer hem als decoratief."),
        },
        "color-contrast": {
            "error_name": _("Te weinig contrast"),
            "help_text": _("Tekst moet goed leesbaar zijn tegen de achtergrond."),
        },
        "heading-order": {
            "error_name": _("Kopniveaus overgeslagen"),
            "help_text": _("Gebruik koppen op volgorde: na H2 komt H3, niet H4."),
        },
        "link-name": {
            "error_name": _("Link zonder tekst"),
            "help_text": _("Geef elke link een tekst die zegt waar hij heen gaat."),
        },
        "empty-heading": {
            "error_name": _("Lege kop"),
            "help_text": _("Verwijder de kop of geef hem tekst."),
        },
        "alt-text-quality": {
            "error_name": _("Alternatieve tekst lijkt op een bestandsnaam"),
            "help_text": _("Beschrijf de afbeelding in gewone woorden."),
        },
        "empty-meta-description": {
            "error_name": _("Zoekmachinebeschrijving ontbreekt"),
            "help_text": _("Vul op het tabblad 'Eigenschappen' een korte beschrijving in."),
        },
    }

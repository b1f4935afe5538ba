"""The support block: a short "Steun LOS" ask for the home page and campaign pages, linking to the support page
and, if the editor wants, showing the bank account from it (with a copy button)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SupportBlock(blocks.StructBlock):
    """An ask to support LOS, with the account number from the chosen support page."""

    heading = blocks.CharBlock(label=_("Kop"), max_length=120, default=_("Steun LOS"))
    text = blocks.TextBlock(
        label=_("Tekst"),
        max_length=400,
        help_text=_("Eén of twee zinnen: waarom nu, en wat een gift betaalt."),
    )
    page = blocks.PageChooserBlock(
        page_type="newsletter.SupportPage",
        label=_("Steunpagina"),
        help_text=_("De pagina met alle gegevens; de knop gaat daarheen."),
    )
    button_label = blocks.CharBlock(label=_("Tekst op de knop"), max_length=40, default=_("Steun ons werk"))
    show_account = blocks.BooleanBlock(
        label=_("Rekeningnummer tonen"),
        required=False,
        default=True,
        help_text=_("Toont het IBAN van de steunpagina, met een knop om het te kopiëren."),
    )

    class Meta:
        icon = "pick"
        label = _("Steun LOS")
        template = "blocks/support_block.html"
        preview_value = {
            "heading": "Steun LOS",
            "text": "Met jouw gift helpt LOS organisaties die mensen zonder papieren bijstaan.",
        }
        description = _("Een oproep om LOS te steunen, met een knop naar de steunpagina.")

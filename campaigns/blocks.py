"""Campaign blocks on top of the shared vocabulary (home.blocks.BaseStreamBlock)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import BaseStreamBlock, CallToActionBlock, TitledListBlock
from newsletter.blocks import SupportBlock


class KeyFigureBlock(blocks.StructBlock):
    """One number that tells the story, with what it counts."""

    figure = blocks.CharBlock(label=_("Getal"), max_length=20, help_text=_("Bijvoorbeeld '2.500' of '1 op 3'."))
    label = blocks.CharBlock(label=_("Wat het getal betekent"), max_length=120)
    source = blocks.CharBlock(label=_("Bron"), required=False, max_length=150)


class KeyFiguresBlock(TitledListBlock):
    """Two to six key figures side by side."""

    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Getallen"), min_num=1, max_num=6)

    class Meta:
        icon = "order"
        label = _("Kerncijfers")
        template = "campaigns/blocks/key_figures_block.html"


class TimelineItemBlock(blocks.StructBlock):
    """A moment in the campaign."""

    date = blocks.CharBlock(
        label=_("Wanneer"), max_length=40, help_text=_("Een datum of periode, bijvoorbeeld 'maart 2026'.")
    )
    title = blocks.CharBlock(label=_("Wat"), max_length=120)
    text = blocks.TextBlock(label=_("Toelichting"), required=False, max_length=400)


class TimelineBlock(TitledListBlock):
    """The campaign's history and next steps, in order."""

    items = blocks.ListBlock(TimelineItemBlock(), label=_("Momenten"), min_num=1)

    class Meta:
        icon = "date"
        label = _("Tijdlijn")
        template = "campaigns/blocks/timeline_block.html"


class PartnerLogoBlock(blocks.StructBlock):
    """A coalition partner: name, logo and (optionally) their website."""

    name = blocks.CharBlock(label=_("Naam"), max_length=120, help_text=_("Ook de alternatieve tekst van het logo."))
    logo = ImageChooserBlock(label=_("Logo"), required=False)
    url = blocks.URLBlock(label=_("Website"), required=False)


class PartnerLogosBlock(TitledListBlock):
    """The logos of the coalition partners (loaded from our own server, never from theirs)."""

    # The base's heading, filled in: most partner lists need no other.
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=120, default=_("Coalitiepartners"))
    partners = blocks.ListBlock(PartnerLogoBlock(), label=_("Partners"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Logo's van partners")
        template = "campaigns/blocks/partner_logos_block.html"


class SignupFormBlock(blocks.StructBlock):
    """A sign-up form (petition, pledge, sign-on) shown inside the page."""

    form_page = blocks.PageChooserBlock(
        label=_("Formulier"),
        page_type="campaigns.SignupFormPage",
        help_text=_("Een formulier van deze campagne. Een nieuw formulier maak je met 'Aanmeldformulier toevoegen'."),
    )
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=120)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        form_page = value["form_page"].specific if value["form_page"] else None
        context["form_page"] = form_page if form_page and form_page.live else None
        if context["form_page"] is not None:
            context["form"] = form_page.get_form(page=form_page, user=None)
        return context

    class Meta:
        icon = "form"
        label = _("Aanmeldformulier")
        template = "campaigns/blocks/signup_form_block.html"


class CampaignCallToActionBlock(CallToActionBlock):
    """A bold call to action in the campaign colour: the shared call to action, drawn in the campaign's style."""

    class Meta:
        icon = "pick"
        label = _("Campagne-oproep")
        template = "campaigns/blocks/campaign_call_to_action_block.html"


class CampaignStreamBlock(BaseStreamBlock):
    """The shared blocks plus the campaign blocks."""

    key_figures = KeyFiguresBlock()
    timeline = TimelineBlock()
    partner_logos = PartnerLogosBlock()
    campaign_call_to_action = CampaignCallToActionBlock()
    signup_form = SignupFormBlock()
    support = SupportBlock()

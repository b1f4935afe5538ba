"""The shared StreamField vocabulary: every page type that has a body builds it from these blocks.

Apps add their own blocks (campaign key figures, publication sections) on top of `BaseStreamBlock`; they do not
redefine these.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock

# Rich text features editors get in body text: no headings inside rich text (the heading block keeps the
# document outline right), no embeds (the video block guards visitors' privacy).
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    """A section heading (h2 or h3) that also gets an anchor for linking."""

    text = blocks.CharBlock(label=_("Kop"), max_length=120, help_text=_("Kort en duidelijk, maximaal 120 tekens."))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3"))],
        default="h2",
        label=_("Niveau"),
        help_text=_("Gebruik kop 2 voor een nieuwe sectie en kop 3 voor een onderdeel daarvan."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"], allow_unicode=True) or "kop"
        return context

    class Meta:
        icon = "title"
        label = _("Kop")
        template = "blocks/heading_block.html"


class ImageFigureBlock(blocks.StructBlock):
    """An image with required alternative text and an optional caption and credit."""

    image = ImageChooserBlock(label=_("Afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("Alternatieve tekst"),
        max_length=250,
        help_text=_(
            "Beschrijf wat er op de afbeelding te zien is voor bezoekers die hem niet kunnen zien. "
            "Begin niet met 'afbeelding van'."
        ),
    )
    caption = blocks.CharBlock(label=_("Bijschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("Bron"),
        required=False,
        max_length=120,
        help_text=_("Fotograaf of bron, als die genoemd moet worden."),
    )

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "blocks/image_figure_block.html"


class QuoteBlock(blocks.StructBlock):
    """A pull quote with its source."""

    quote = blocks.TextBlock(label=_("Citaat"), max_length=600)
    attribution = blocks.CharBlock(
        label=_("Van wie"),
        required=False,
        max_length=150,
        help_text=_("Wie zei dit? Bijvoorbeeld: naam, functie."),
    )

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "blocks/quote_block.html"


class LinkTargetBlock(blocks.StructBlock):
    """A link to a page on this site or to an external address; exactly one of the two."""

    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Extern adres"), required=False, help_text=_("Alleen als je geen pagina kiest."))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Kies een pagina óf vul een extern adres in."))}
            )
        return value

    class Meta:
        icon = "link"
        form_classname = "struct-block link-target-block"


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box that asks the reader to do one thing."""

    title = blocks.CharBlock(label=_("Titel"), max_length=100)
    text = blocks.TextBlock(label=_("Tekst"), required=False, max_length=400)
    button_label = blocks.CharBlock(
        label=_("Tekst op de knop"),
        max_length=40,
        help_text=_("Zeg wat er gebeurt, bijvoorbeeld 'Meld een situatie'."),
    )
    link = LinkTargetBlock(label=_("Link van de knop"))

    class Meta:
        icon = "pick"
        label = _("Oproep")
        template = "blocks/call_to_action_block.html"


class FaqItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(label=_("Vraag"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Antwoord"), features=RICH_TEXT_FEATURES)


class TitledListBlock(blocks.StructBlock):
    """The base of a list under an optional heading (questions, key figures, a timeline, partners): the heading is
    declared here once; each subclass adds its list and its template."""

    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=120)


class FaqBlock(TitledListBlock):
    """Questions and answers that open and close (works without JavaScript)."""

    items = blocks.ListBlock(FaqItemBlock(), label=_("Vragen"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Vragen en antwoorden")
        template = "blocks/faq_block.html"


class TableBlock(TypedTableBlock):
    """A data table with a caption (needed by screen-reader users to know what the table is about)."""

    text = blocks.CharBlock(label=_("Tekst"))
    number = blocks.DecimalBlock(label=_("Getal"))
    rich_text = blocks.RichTextBlock(label=_("Opgemaakte tekst"), features=["bold", "italic", "link"])

    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "blocks/table_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document in the library, with its type and size shown."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Linktekst"),
        required=False,
        max_length=150,
        help_text=_("Laat leeg om de titel van het document te gebruiken."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link_block.html"


_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^\d{4,12}$")


def privacy_embed_url(url: str) -> tuple[str, str] | None:
    """Return (provider name, privacy-friendly embed URL) for a supported video URL, or None.

    We build the embed address ourselves instead of asking the provider's oEmbed service: nothing is fetched
    from the video host until a visitor presses play, not even at save time.
    """
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
        if _YOUTUBE_ID.match(video_id):
            return "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/").split("/")[0]
        if _YOUTUBE_ID.match(video_id):
            return "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host in {"vimeo.com", "player.vimeo.com"}:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        if _VIMEO_ID.match(video_id):
            return "Vimeo", f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1"
    return None


class VideoURLBlock(blocks.URLBlock):
    """A YouTube or Vimeo address; anything else is refused with a clear message."""

    def clean(self, value):
        value = super().clean(value)
        if value and privacy_embed_url(value) is None:
            raise ValidationError(_("Plak het adres van een video op YouTube of Vimeo."))
        return value


class VideoBlock(blocks.StructBlock):
    """A video that loads nothing from the video host until the visitor chooses to play it."""

    url = VideoURLBlock(label=_("Adres van de video"), help_text=_("Het adres van de video op YouTube of Vimeo."))
    title = blocks.CharBlock(label=_("Titel"), max_length=150, help_text=_("Waar gaat de video over?"))
    transcript = blocks.RichTextBlock(
        label=_("Uitgeschreven tekst"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("Een uitgeschreven tekst helpt doven en slechthorenden en bezoekers met weinig data."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        embed = privacy_embed_url(value["url"])
        context["provider"], context["embed_url"] = embed if embed else ("", "")
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every content page offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageFigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FaqBlock()
    table = TableBlock()
    document = DocumentLinkBlock()
    video = VideoBlock()


BODY_HELP = _(
    "De tekst van de pagina in blokken: tekst, kopjes, afbeeldingen, citaten, knoppen. "
    "Kies + om een blok toe te voegen."
)


def body_field(stream_block: blocks.StreamBlock | None = None, *, help_text=BODY_HELP) -> StreamField:
    """The `body` of a page type: the blocks editors choose from (BaseStreamBlock unless the type offers more)."""
    return StreamField(stream_block or BaseStreamBlock(), verbose_name=_("inhoud"), blank=True, help_text=help_text)

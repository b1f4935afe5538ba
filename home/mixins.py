"""What page types share, declared once: an introduction, a hero image with its alternative text, the overview
page at the top of a section, and the share previews.

`IntroMixin` and `HeroImageMixin` carry one field definition each (the migrations' help texts are general); a
page type that needs more specific guidance passes it to its `FieldPanel` (`FieldPanel("intro",
help_text=...)`), which is what editors read. `IndexPage` is the base of every section overview (news,
publications, agenda, campaigns, projects, funders).

`FormTargetMixin` finds the page a visitor's form names, for the view that receives the post.

`SharePreviewMixin` adds the preview modes of pages visitors share: the page, its social card and its search
result snippet. A page type may refine what is shown by overriding `share_preview_context` (news items use their
generated share image, see news/sharing.py).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from home.fields import ALT_HELP, alt_or_description, alt_text_field, optional_link

SEARCH_TITLE_LENGTH = 60  # about what search engines show of a title
SEARCH_DESCRIPTION_LENGTH = 160


class IntroMixin(models.Model):
    """An introduction: the first sentences visitors read, also used in listings, search results and shares."""

    intro = models.TextField(
        _("introductie"),
        max_length=400,
        blank=True,
        help_text=_("Waar gaat deze pagina over? Eén tot drie korte zinnen, maximaal 400 tekens."),
    )

    class Meta:
        abstract = True


class HeroImageMixin(models.Model):
    """A large image at the top of a page, with the alternative text it needs (required once an image is chosen)."""

    hero_image = optional_link(
        "wagtailimages.Image",
        _("hoofdafbeelding"),
        _("Optioneel. Een rustige foto bovenaan de pagina; de tekst staat er niet overheen."),
    )
    hero_image_alt = alt_text_field(
        _("alternatieve tekst hoofdafbeelding"),
        _("Beschrijf de foto voor wie hem niet kan zien. Verplicht als je een afbeelding kiest."),
    )

    class Meta:
        abstract = True

    @staticmethod
    def hero_panel(heading: str = "", image_help: str = "", alt_help: str = "") -> MultiFieldPanel:
        """The image and its alternative text together in the editor, with page-specific guidance if given."""
        return MultiFieldPanel(
            [
                FieldPanel("hero_image", help_text=image_help),
                FieldPanel("hero_image_alt", help_text=alt_help or ALT_HELP),
            ],
            heading=heading or _("Hoofdafbeelding"),
        )

    def clean(self) -> None:
        super().clean()
        self.hero_image_alt = alt_or_description(self.hero_image, self.hero_image_alt)
        if self.hero_image_id and not self.hero_image_alt:
            raise ValidationError({"hero_image_alt": _("Beschrijf de afbeelding voor wie hem niet kan zien.")})


class IndexPage(IntroMixin, Page):
    """The overview at the top of a section: an introduction above the list its page type builds."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @staticmethod
    def overview_panels(intro_help: str = "", *more) -> list:
        """An overview's editor fields: the title, the introduction with guidance for this section, then `more`."""
        return [*Page.content_panels, FieldPanel("intro", help_text=intro_help), *more]

    def live_children(self, model: type[Page]):
        """The live, public pages of `model` under this overview, ready for cards: their hero image and its
        renditions come along (no query per card), their bodies stay in the database."""
        return (
            model.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .defer_streamfields()
        )


class FormTargetMixin:
    """A page whose form posts to an address of its own app (sign-up forms, the newsletter's subscribe form)."""

    @classmethod
    def posted_to(cls, request: HttpRequest, page_id: int):
        """The page a post names, only if visitors may see it on this site: live, public and routable here."""
        page = get_object_or_404(cls.objects.live().public(), pk=page_id)
        if not page.get_url(request=request):
            raise Http404
        return page


class SharePreviewMixin:
    """Adds the preview modes "Deelkaart (sociale media)" and "Zoekresultaat" to a page type."""

    preview_modes = [
        ("", _("Pagina")),
        ("social", _("Deelkaart (sociale media)")),
        ("search", _("Zoekresultaat")),
    ]

    def share_description(self) -> str:
        return self.search_description or strip_tags(str(getattr(self, "intro", "") or ""))

    def share_preview_context(self, request: HttpRequest) -> dict[str, Any]:
        image = None
        for name in ("listing_image", "hero_image", "cover_image", "image"):
            candidate = getattr(self, name, None)
            if candidate is not None and hasattr(candidate, "get_rendition"):
                image = candidate
                break
        image_src = ""
        if image is not None:
            try:
                image_src = image.get_rendition("fill-1200x630|format-jpeg").url
            except Exception:  # noqa: BLE001 - a missing file must not break the preview
                image_src = ""
        url = self.full_url or request.build_absolute_uri("/")
        return {
            "page": self,
            "title": self.seo_title or self.title,
            "description": self.share_description(),
            "image_src": image_src,
            "host": request.get_host(),
            "url": url,
            "title_limit": SEARCH_TITLE_LENGTH,
            "description_limit": SEARCH_DESCRIPTION_LENGTH,
        }

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        if mode_name in ("social", "search"):
            context = self.share_preview_context(request)
            return TemplateResponse(request, f"home/previews/{mode_name}.html", context)
        return super().serve_preview(request, mode_name)

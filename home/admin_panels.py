"""The editors' dashboard panels (construct_homepage_panels) and the LOS content checker of the userbar.

Wagtail's own panels stay: "Awaiting your review" (pages waiting for *my* approval), "Your pages in a workflow",
"Your most recent edits" and locked pages. These add what LOS needs on top.
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

# Helpdesk pages say "check at least every half year" (ContentPage.last_checked); older than this needs a look.
REVIEW_AFTER = datetime.timedelta(days=182)
HELPDESK_SLUG = "helpdesk"
ZERO_RESULT_DAYS = 30


class MyDraftsPanel(Component):
    """Pages I created or last edited that have changes nobody has published yet."""

    name = "los_my_drafts"
    order = 190
    template_name = "home/admin/panel_my_drafts.html"

    def get_context_data(self, parent_context=None):
        user = parent_context["request"].user
        pages = (
            Page.objects.filter(has_unpublished_changes=True)
            .filter(Q(owner=user) | Q(latest_revision__user=user))
            .exclude(depth=1)
            .order_by("-latest_revision_created_at")
            .specific()
            .defer_streamfields()[:10]
        )
        return {"pages": pages}


class RecentImportsPanel(Component):
    """The latest agenda imports, with who ran them and what they did."""

    name = "los_recent_imports"
    order = 260
    template_name = "home/admin/panel_recent_imports.html"

    def get_context_data(self, parent_context=None):
        from events.models import ImportBatch

        return {"batches": ImportBatch.objects.select_related("user").order_by("-created_at", "-pk")[:5]}


def helpdesk_pages_due(today: datetime.date | None = None):
    """Live helpdesk pages whose check date is older than REVIEW_AFTER or missing, oldest first."""
    from home.models import ContentPage

    today = today or timezone.localdate()
    roots = Page.objects.filter(slug=HELPDESK_SLUG, content_type__model="contentpage").values_list("path", flat=True)
    in_helpdesk = Q()
    for path in roots:
        in_helpdesk |= Q(path__startswith=path)
    if not roots:
        return ContentPage.objects.none()
    return (
        ContentPage.objects.live()
        .filter(in_helpdesk)
        .filter(Q(last_checked__lt=today - REVIEW_AFTER) | Q(last_checked__isnull=True))
        .defer_streamfields()
        .order_by("last_checked", "title")
    )


class HelpdeskReviewPanel(Component):
    """Helpdesk pages past their review date: rules change, visitors rely on these."""

    name = "los_helpdesk_review"
    order = 270
    template_name = "home/admin/panel_helpdesk_review.html"

    def get_context_data(self, parent_context=None):
        pages = helpdesk_pages_due()
        return {"pages": pages[:10], "count": pages.count(), "months": REVIEW_AFTER.days // 30}


class ZeroResultSearchesPanel(Component):
    """What visitors searched for and did not find (from the search app's statistics)."""

    name = "los_zero_result_searches"
    order = 280
    template_name = "home/admin/panel_zero_results.html"

    def get_context_data(self, parent_context=None):
        from search import stats

        return {"terms": stats.zero_result_terms(ZERO_RESULT_DAYS, limit=10), "days": ZERO_RESULT_DAYS}


def panels_for(user) -> list[Component]:
    """The LOS panels this user has a use for."""
    panels: list[Component] = []
    may_edit_pages = PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])
    if may_edit_pages:
        panels.append(MyDraftsPanel())
    if user.has_perm("events.view_importbatch"):
        panels.append(RecentImportsPanel())
    if PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"]) and helpdesk_pages_due().exists():
        panels.append(HelpdeskReviewPanel())
    if user.has_perm("wagtailsearchpromotions.add_searchpromotion") or user.has_perm("search.change_searchsettings"):
        panels.append(ZeroResultSearchesPanel())
    return panels


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

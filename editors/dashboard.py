"""The editors' own dashboard panels: my drafts, and helpdesk pages due for a check.

Wagtail's own panels stay: "Awaiting your review" (pages waiting for *my* approval), "Your pages in a workflow",
"Your most recent edits" and locked pages. Feature apps add theirs from their own wagtail_hooks.py, by permission
with `editors.menus.register_dashboard_panel` (events: recent imports; figures; newsletter) or their own
`construct_homepage_panels` hook (search: zero-result searches, by its own rule).
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

# Helpdesk pages say "check at least every half year" (ContentPage.last_checked); older than this needs a look.
REVIEW_AFTER = datetime.timedelta(days=182)
HELPDESK_SLUG = "helpdesk"


class MyDraftsPanel(Component):
    """Pages I created or last edited that have changes nobody has published yet."""

    name = "los_my_drafts"
    order = 190
    template_name = "editors/admin/panel_my_drafts.html"

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
    template_name = "editors/admin/panel_helpdesk_review.html"

    def get_context_data(self, parent_context=None):
        pages = helpdesk_pages_due()
        return {"pages": pages[:10], "count": pages.count(), "months": REVIEW_AFTER.days // 30}


def panels_for(user) -> list[Component]:
    """The editors' panels this user has a use for."""
    panels: list[Component] = []
    may_edit_pages = PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])
    if may_edit_pages:
        panels.append(MyDraftsPanel())
    if PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"]) and helpdesk_pages_due().exists():
        panels.append(HelpdeskReviewPanel())
    return panels

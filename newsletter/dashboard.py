"""The newsletter's panel on the editors' dashboard: the latest issues and how far their sending is."""

from __future__ import annotations

from wagtail.admin.ui.components import Component

from newsletter.models import Issue, Subscriber


class NewsletterPanel(Component):
    """The latest issues with their status, and how many confirmed subscribers each list has."""

    name = "los_newsletter"
    order = 270
    template_name = "newsletter/admin/panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "issues": Issue.objects.select_related("mailing_list").order_by("-created_at")[:5],
            "subscribers": Subscriber.objects.confirmed().count(),
        }

from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campagnes en projecten")

    def ready(self) -> None:
        from campaigns import signatories
        from security import periodic

        # Approving an organisation's sign-on changes the campaign's list of signatories (and its cached pages).
        signatories.connect()

        # Each sign-up form's retention period (campaigns/retention.py), run by the worker's scheduler.
        periodic.register("purge_submissions", timedelta(days=1))

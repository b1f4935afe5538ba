from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    label = "newsletter"
    verbose_name = _("Nieuwsbrief en steun")

    def ready(self) -> None:
        from security import periodic

        # Unconfirmed addresses, due issues, stalled sending (newsletter/retention.py), run by the worker's scheduler.
        periodic.register("newsletter_periodic", timedelta(minutes=5))

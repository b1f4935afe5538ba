from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Nieuwsbrief en steun")

    def ready(self) -> None:
        from security import periodic

        # Unconfirmed addresses, due issues, stalled sending (newsletter/retention.py), run by the worker's scheduler.
        periodic.register("newsletter_periodic", timedelta(minutes=5))

        from caching.signals import register_private_snippets

        # Subscribers are nobody's business but ours: subscribing or unsubscribing changes no public page.
        register_private_snippets("newsletter.Subscriber")

        from security.history import register_nameless_history

        # A subscriber's name is their address: the admin's history names them "abonnee #12" instead, so that
        # an address deleted on request is gone from the history too.
        register_nameless_history("newsletter.Subscriber")

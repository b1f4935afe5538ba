from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = _("Home en gedeelde inhoud")

    def ready(self) -> None:
        from home import signals

        # After every migrate (once, when the last app is done): apply changes to home/roles.py on deploy.
        post_migrate.connect(signals.sync_roles_after_migrate, dispatch_uid="home.sync_roles_after_migrate")
        signals.connect_anchor_pages()
        # Shared fragments (menu, footer, funder strip) go stale when what they show changes.
        signals.connect()

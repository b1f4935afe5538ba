from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorsConfig(AppConfig):
    """Roles and groups, the translator guard, the dashboard and the guidance editors get in the admin."""

    default = True  # editors/users_app.py holds a second AppConfig; this one is the app's own
    name = "editors"
    verbose_name = _("Redactie")

    def ready(self) -> None:
        from editors import signals, translating, translation_links
        from editors.admin_dutch import label_unnamed_upstream_fields
        from editors.forms import check_date_years, clean_pasted_text

        label_unnamed_upstream_fields()
        clean_pasted_text()
        check_date_years()

        # After every migrate (once, when the last app is done): apply changes to editors/roles.py on deploy.
        post_migrate.connect(signals.sync_roles_after_migrate, dispatch_uid="editors.sync_roles_after_migrate")
        signals.connect_anchor_pages()
        translating.connect()
        translation_links.connect()

from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeldpuntConfig(AppConfig):
    """The Meldpunt Vreemdelingendetentie (issue 23): the register of hotline reports and the counts from it."""

    name = "meldpunt"
    verbose_name = _("Meldpunt Vreemdelingendetentie")

    def ready(self) -> None:
        from editors.forms import clean_pasted_text_in
        from meldpunt.encryption import EncryptedTextField
        from security import periodic

        # The contact field is a TextField subclass: it leaves out pasted control characters like every text field.
        clean_pasted_text_in(EncryptedTextField)

        # The register's retention (meldpunt/retention.py), run daily by the worker's scheduler.
        periodic.register("meldpunt_retention", timedelta(days=1))
        # An abandoned import's kept copy (it holds descriptions) goes an hour after the preview (importing.py).
        periodic.register("meldpunt_clean_imports", timedelta(minutes=15))

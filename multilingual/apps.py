from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultilingualConfig(AppConfig):
    """Languages per site, the translation workflow around wagtail-localize, hreflang and sitemaps."""

    name = "multilingual"
    verbose_name = _("Talen en vertalingen")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from multilingual.cascade import delete_snippet_translations

        post_delete.connect(delete_snippet_translations, dispatch_uid="multilingual.delete_snippet_translations")

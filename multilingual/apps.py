from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultilingualConfig(AppConfig):
    """Languages per site, the translation workflow around wagtail-localize, hreflang and sitemaps."""

    name = "multilingual"
    label = "multilingual"
    verbose_name = _("Talen en vertalingen")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    label = "news"
    verbose_name = _("Nieuws")

    def ready(self) -> None:
        from wagtail.signals import page_published

        from news.models import NewsPage
        from news.tasks import queue_share_image

        page_published.connect(queue_share_image, sender=NewsPage, dispatch_uid="news-share-image")

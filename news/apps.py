from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Nieuws")

    def ready(self) -> None:
        from wagtail.signals import page_published

        from caching.signals import register_fragment_sources
        from news.models import NewsPage
        from news.tasks import queue_share_image

        page_published.connect(queue_share_image, sender=NewsPage, dispatch_uid="news-share-image")
        # A renamed tag shows at once in the listing's cached filter choices (news/listing.py) and cached pages.
        register_fragment_sources("taggit.Tag")

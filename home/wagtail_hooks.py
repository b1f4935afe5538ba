from wagtail.snippets.models import register_snippet

from home.viewsets import ThemeViewSet

register_snippet(ThemeViewSet)

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home import missing_translation
from home.viewsets import ThemeViewSet

register_snippet(ThemeViewSet)
hooks.register("before_serve_page", missing_translation.serve_mismatch)

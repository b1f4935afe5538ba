"""Admin registrations of the site shell: the theme and site-text snippets."""

from wagtail.snippets.models import register_snippet

from home.viewsets import SiteTextsViewSet, ThemeViewSet

register_snippet(ThemeViewSet)
register_snippet(SiteTextsViewSet)

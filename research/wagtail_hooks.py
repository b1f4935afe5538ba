from wagtail.snippets.models import register_snippet

from research.viewsets import FunderViewSet

register_snippet(FunderViewSet)

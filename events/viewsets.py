"""Admin viewsets for the agenda."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, LocaleColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from events.forms import EventForm
from events.models import Event


class EventViewSet(SnippetViewSet):
    """Events in the Wagtail admin: list, search, filter, add, edit and delete."""

    model = Event
    icon = "date"
    menu_label = _("Activiteiten")
    add_to_admin_menu = False
    # The language shows which rows are Dutch originals (imported, listed on the site) and which translations.
    list_display = [
        "title",
        "start",
        "city",
        LocaleColumn(label=_("Taal")),
        BooleanColumn("published", label=_("Gepubliceerd")),
    ]
    list_filter = ["locale", "published", "city", "import_batch"]
    search_fields = ["title", "city", "location", "organiser", "external_id"]
    ordering = ["-start"]
    list_per_page = 50
    edit_handler = ObjectList(Event.panels, base_form_class=EventForm)

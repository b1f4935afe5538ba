"""Admin registrations of the base app: the theme snippet and the guard that keeps Vertalers on translations."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home import translators
from home.viewsets import ThemeViewSet

register_snippet(ThemeViewSet)


# Vertalers may change translations only (see home/translators.py). These run before wagtail-localize's own
# before_edit_page hook (order), so a source page is refused before any editor is shown.
@hooks.register("before_edit_page", order=-10)
def translators_before_edit_page(request, page):
    return translators.guard(request, page)


@hooks.register("before_create_page", order=-10)
def translators_before_create_page(request, parent_page, page_class):
    return translators.guard(request, parent_page)


@hooks.register("before_delete_page", order=-10)
@hooks.register("before_unpublish_page", order=-10)
@hooks.register("before_copy_page", order=-10)
@hooks.register("before_convert_alias_page", order=-10)
def translators_before_page_action(request, page):
    return translators.guard(request, page)


@hooks.register("before_move_page", order=-10)
def translators_before_move_page(request, page, destination):
    return translators.guard(request, page, destination)


@hooks.register("before_bulk_action", order=-10)
def translators_before_bulk_action(request, action_type, objects, action_class_instance):
    return translators.guard(request, *objects)


@hooks.register("before_edit_snippet", order=-10)
def translators_before_edit_snippet(request, instance):
    return translators.guard(request, instance)


@hooks.register("before_delete_snippet", order=-10)
def translators_before_delete_snippet(request, instances):
    return translators.guard(request, *instances)

"""Admin registrations for editors: the Vertalers guard, the dashboard panels, the editor guide, the content
checker and the length hints."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels.page_utils import _get_page_edit_handler
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page

from editors import moderation, translating, translation_api, translation_targets, translator_guard
from editors.content_checker import LosContentChecker
from editors.dashboard import panels_for
from editors.forms import LosPageForm
from editors.views import editor_guide


def use_los_page_form() -> None:
    """Every page type's admin form (none sets its own): a taken slug is reported under the title too
    (editors/forms.py). Set when the first page editor opens, because wagtail.admin's ready() runs after ours and
    sets Wagtail's own form (and this module may be read before that); edit handlers built before (the system
    checks build them) are dropped, so each page type builds its own again with this form."""
    if Page.base_form_class is not LosPageForm:
        Page.base_form_class = LosPageForm
        _get_page_edit_handler.clear()


# "Vertalen" offers only the languages the page's site serves: our views answer wagtail-localize's own addresses,
# registered before its URLs (order) so that Django resolves them first.
@hooks.register("register_admin_urls", order=-10)
def register_submit_translation_urls():
    return translating.submit_translation_urls()


# The translation editor's saving of strings and overrides, answering 400 to what wagtail-localize cannot store
# (editors/translation_api.py): its own addresses, registered before its URLs in the same way.
@hooks.register("register_admin_urls", order=-10)
def register_translation_edit_urls():
    return translation_api.edit_urls()


# wagtail-localize's other views that change a translation, refused to Vertalers for a translation into Dutch
# (editors/translation_targets.py): its own addresses, registered before its URLs in the same way.
@hooks.register("register_admin_urls", order=-10)
def register_translation_target_urls():
    return translation_targets.guarded_urls()


# Vertalers may change translations only (see editors/translator_guard.py). These run before wagtail-localize's own
# before_edit_page hook (order), so a source page is refused before any editor is shown.
@hooks.register("before_edit_page", order=-10)
def translators_before_edit_page(request, page):
    use_los_page_form()
    return translator_guard.guard(request, page)


# After the guard: the reviewer's change request at the top of the editor (see editors/moderation.py).
@hooks.register("before_edit_page")
def requested_changes_before_edit_page(request, page):
    moderation.show_requested_changes(request, page)


@hooks.register("before_create_page", order=-10)
def translators_before_create_page(request, parent_page, page_class):
    use_los_page_form()
    # New pages are never translations, in any language: translations are made with "Vertalen".
    if translator_guard.is_translator_only(request.user):
        return translator_guard.refuse(request)
    return None


@hooks.register("before_delete_page", order=-10)
@hooks.register("before_unpublish_page", order=-10)
@hooks.register("before_copy_page", order=-10)
@hooks.register("before_convert_alias_page", order=-10)
def translators_before_page_action(request, page):
    return translator_guard.guard(request, page)


@hooks.register("before_move_page", order=-10)
def translators_before_move_page(request, page, destination):
    return translator_guard.guard(request, page, destination)


@hooks.register("before_bulk_action", order=-10)
def translators_before_bulk_action(request, action_type, objects, action_class_instance):
    return translator_guard.guard(request, *objects)


@hooks.register("before_edit_snippet", order=-10)
def translators_before_edit_snippet(request, instance):
    return translator_guard.guard(request, instance)


@hooks.register("before_delete_snippet", order=-10)
def translators_before_delete_snippet(request, instances):
    return translator_guard.guard(request, *instances)


# Dashboard, editor guide, content checker and length hints ------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_editors_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("handleiding/", editor_guide, name="los_editor_guide")]


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem(_("Handleiding LOS"), reverse("los_editor_guide"), icon_name="help", order=10)


@hooks.register("construct_wagtail_userbar")
def use_los_content_checker(request, items, page):
    items[:] = [LosContentChecker() if isinstance(item, ContentCheckerItem) else item for item in items]


# Length hints: Wagtail 8 counts characters in rich text only; this adds a count to plain text fields with a
# maximum length and warns where titles and descriptions outgrow what search engines and social cards show.
ADVISED_LENGTHS = {"title": 70, "seo_title": 60, "search_description": 160, "intro": 200}


@hooks.register("insert_editor_js")
def length_hints_js():
    config = {
        "advised": ADVISED_LENGTHS,
        "strings": {
            "count": str(_("%(count)s tekens.")),
            "count_max": str(_("%(count)s van %(max)s tekens.")),
            "too_long": str(
                _("Langer dan %(advised)s tekens: zoekmachines en sociale media korten dit af. Kan het korter?")
            ),
        },
    }
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(config, "los-length-hints"),
        static("editors/admin/length-hints.js"),
    )


@hooks.register("insert_global_admin_css")
def length_hints_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editors/admin/length-hints.css"))


@hooks.register("insert_global_admin_js")
def admin_dutch_js():
    # The strings wagtail-localize's editor writes without gettext (see editors/admin_dutch.py).
    return format_html('<script src="{}" defer></script>', static("editors/js/admin_dutch.js"))

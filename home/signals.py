"""Signal handlers of the home app: the groups of home/roles.py stay in sync (after migrate, and when a page that
anchors permissions appears); shared fragments go stale when what they show changes (home/fragments.py)."""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import roles
from home.fragments import invalidate_fragments

# Models whose rows appear in the menu, footer or funder strip (settings, their rows, snippets, sites), and the
# themes whose names are cached per language (home.models.Theme.names_in_active_language).
FRAGMENT_SOURCES = [
    "home.NavigationSettings",
    "home.MainMenuItem",
    "home.FooterLink",
    "home.OrganisationSettings",
    "home.SiteTexts",
    "home.Theme",
    "research.Funder",
    "research.FunderSettings",
    "research.FooterFunder",
    "wagtailcore.Site",
    "wagtailcore.Locale",
]

ROLES_MIGRATION = ("home", "0003_editor_roles")


def sync_roles_after_migrate(sender, app_config=None, using="default", plan=None, **kwargs) -> None:
    # post_migrate is sent once per app with models, in INSTALLED_APPS order; act on the last one, when
    # django.contrib.auth's own handler has created every app's permissions.
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if app_config is None or app_config.label != last.label:
        return
    # After migrating backwards past the roles migration, leave its undo in place.
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    if ROLES_MIGRATION not in MigrationRecorder(connections[using]).applied_migrations():
        return
    roles.sync_roles()


def _anchor_page_created(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        roles.sync_roles()


def connect_anchor_pages() -> None:
    for label in roles.ANCHOR_TYPES:
        post_save.connect(_anchor_page_created, sender=label, dispatch_uid=f"home.roles.anchor.{label}")


def _changed(sender, **kwargs) -> None:
    invalidate_fragments()


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        invalidate_fragments()


def connect() -> None:
    for label in FRAGMENT_SOURCES:
        model = apps.get_model(label)
        post_save.connect(_changed, sender=model, dispatch_uid=f"fragments-save-{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"fragments-delete-{label}")
    # A funder's logo can be replaced by a new file under the same image.
    post_save.connect(_changed, sender=get_image_model(), dispatch_uid="fragments-save-image")
    page_published.connect(_changed, dispatch_uid="fragments-published")
    # Renditions of a newly published page are made off the request path (home/tasks.py).
    from home.tasks import queue_warm_page

    page_published.connect(queue_warm_page, dispatch_uid="warm-published-page")
    page_unpublished.connect(_changed, dispatch_uid="fragments-unpublished")
    post_page_move.connect(_changed, dispatch_uid="fragments-moved")
    post_delete.connect(_page_deleted, dispatch_uid="fragments-page-deleted")

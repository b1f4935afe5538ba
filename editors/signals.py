"""Signal handlers of the editors app: the groups of editors/roles.py stay in sync after migrate, and when a page
that anchors permissions appears (a new news index, a translated home page, a new microsite)."""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import post_save

from editors import roles
from editors.sync import sync_roles

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
    sync_roles()


def _anchor_page_created(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        sync_roles()


def connect_anchor_pages() -> None:
    for label in roles.ANCHOR_TYPES:
        post_save.connect(_anchor_page_created, sender=label, dispatch_uid=f"editors.roles.anchor.{label}")

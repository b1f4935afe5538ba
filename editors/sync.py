"""How editors/roles.py is applied: groups, permissions, collections and workflows made to match the definition.

Idempotent; touches only the groups and workflows the definition names. Works with the historical models of a
migration (`apps` from the migration) and with the real ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps as global_apps

# Read through the module (not imported by name): tests and the command see a changed definition.
from editors import roles


@dataclass
class SyncReport:
    """What a sync changed (counts), for the command's output and tests."""

    groups_created: list[str] = field(default_factory=list)
    permissions_changed: int = 0
    page_permissions_changed: int = 0
    collection_permissions_changed: int = 0
    workflow_pages_changed: int = 0
    missing_permissions: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.groups_created
            or self.permissions_changed
            or self.page_permissions_changed
            or self.collection_permissions_changed
            or self.workflow_pages_changed
        )


class _Models:
    """Models from an app registry: the historical one in a migration, the real one elsewhere."""

    def __init__(self, apps: Any) -> None:
        self.apps = apps
        get = apps.get_model
        self.Group = get("auth", "Group")
        self.Permission = get("auth", "Permission")
        self.ContentType = get("contenttypes", "ContentType")
        self.Page = get("wagtailcore", "Page")
        self.Collection = get("wagtailcore", "Collection")
        self.GroupPagePermission = get("wagtailcore", "GroupPagePermission")
        self.GroupCollectionPermission = get("wagtailcore", "GroupCollectionPermission")
        self.Workflow = get("wagtailcore", "Workflow")
        self.WorkflowTask = get("wagtailcore", "WorkflowTask")
        self.WorkflowPage = get("wagtailcore", "WorkflowPage")
        self.GroupApprovalTask = get("wagtailcore", "GroupApprovalTask")
        self._permissions: dict[str, Any] | None = None

    def permission(self, dotted: str) -> Any | None:
        if self._permissions is None:
            self._permissions = {
                f"{app_label}.{codename}": pk
                for pk, app_label, codename in self.Permission.objects.values_list(
                    "pk", "content_type__app_label", "codename"
                )
            }
        return self._permissions.get(dotted)

    def anchor_page_ids(self, label: str) -> list[int]:
        app_label, model = label.lower().split(".")
        content_type = self.ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type is None:
            return []
        return list(self.Page.objects.filter(content_type=content_type).values_list("pk", flat=True))


def _ensure_permissions_exist(apps: Any) -> None:
    """Model permissions are normally created after all migrations; a data migration needs them now."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        had_module = getattr(app_config, "models_module", None)
        app_config.models_module = had_module or True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = had_module


_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node alphabet, step length 4


def _ensure_collection(models: _Models, name: str) -> Any:
    """The child of the root collection with this name, created (as treebeard would) when missing."""
    root = models.Collection.objects.filter(depth=1).order_by("path").first()
    children = models.Collection.objects.filter(depth=2, path__startswith=root.path)
    existing = children.filter(name=name).first()
    if existing is not None:
        return existing
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-4:], 36) + 1 if last else 1
    step = ""
    while len(step) < 4:
        number, digit = divmod(number, 36)
        step = _ALPHABET[digit] + step
    collection = models.Collection.objects.create(name=name, path=root.path + step, depth=2, numchild=0)
    models.Collection.objects.filter(pk=root.pk).update(numchild=children.count())
    return collection


def _sync_set(queryset: Any, wanted: set[tuple], key: tuple[str, ...], **fixed: Any) -> int:
    """Make the rows of `queryset` (identified by the `key` fields) exactly `wanted`; new rows also get `fixed`
    (the group they belong to). Returns the number of rows changed."""
    existing = {tuple(row[:-1]): row[-1] for row in queryset.values_list(*key, "pk")}
    stale = [pk for ident, pk in existing.items() if ident not in wanted]
    if stale:
        queryset.filter(pk__in=stale).delete()
    missing = [ident for ident in wanted if ident not in existing]
    for ident in missing:
        queryset.model.objects.create(**fixed, **dict(zip(key, ident, strict=True)))
    return len(stale) + len(missing)


def sync_roles(apps: Any = None, *, dry_run: bool = False) -> SyncReport:
    """Apply ROLES, the collections and WORKFLOWS to the database. Idempotent; see the module docstring."""
    from django.db import transaction

    apps = apps or global_apps
    report = SyncReport()
    with transaction.atomic():
        _sync(apps, report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _sync(apps: Any, report: SyncReport) -> None:
    models = _Models(apps)
    if any(models.permission(p) is None for role in roles.ROLES for p in role.permissions):
        _ensure_permissions_exist(apps)
        models._permissions = None
    collections = {roles.ROOT_COLLECTION: models.Collection.objects.filter(depth=1).order_by("path").first()}
    models.Collection.objects.filter(pk=collections[roles.ROOT_COLLECTION].pk, name="Root").update(
        name=roles.ROOT_COLLECTION_NAME
    )
    models.Page.objects.filter(depth=1, title="Root").update(
        title=roles.ROOT_PAGE_TITLE, draft_title=roles.ROOT_PAGE_TITLE
    )
    for name in roles.COLLECTIONS:
        collections[name] = _ensure_collection(models, name)
    anchors = {label: models.anchor_page_ids(label) for label in roles.ANCHOR_TYPES}
    page_permission_ids = {
        kind: models.permission(f"wagtailcore.{kind}_page")
        for kind in ("add", "change", "publish", "lock", "unlock", "bulk_delete")
    }

    groups = {}
    for role in roles.ROLES:
        group, created = models.Group.objects.get_or_create(name=role.name)
        groups[role.name] = group
        if created:
            report.groups_created.append(role.name)

        wanted = set()
        for dotted in role.permissions:
            pk = models.permission(dotted)
            if pk is None:
                report.missing_permissions.append(dotted)
            else:
                wanted.add(pk)
        current = set(group.permissions.values_list("pk", flat=True))
        if current != wanted:
            group.permissions.set(wanted)
            report.permissions_changed += len(current ^ wanted)

        wanted_pages = {
            (page_id, page_permission_ids[kind])
            for label, kinds in role.pages.items()
            for page_id in anchors[label]
            for kind in kinds
        }
        report.page_permissions_changed += _sync_set(
            models.GroupPagePermission.objects.filter(group=group),
            wanted_pages,
            ("page_id", "permission_id"),
            group=group,
        )

        wanted_collections = set()
        for name, dotted_list in role.collections.items():
            for dotted in dotted_list:
                pk = models.permission(dotted)
                if pk is None:
                    report.missing_permissions.append(dotted)
                else:
                    wanted_collections.add((collections[name].pk, pk))
        report.collection_permissions_changed += _sync_set(
            models.GroupCollectionPermission.objects.filter(group=group),
            wanted_collections,
            ("collection_id", "permission_id"),
            group=group,
        )

    _sync_workflows(models, groups, anchors, report)


def _sync_workflows(models: _Models, groups: dict[str, Any], anchors: dict[str, list[int]], report: SyncReport):
    task_type = models.ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0]
    for definition in roles.WORKFLOWS:
        workflow, _ = models.Workflow.objects.get_or_create(name=definition.name, defaults={"active": True})
        if not workflow.active:
            models.Workflow.objects.filter(pk=workflow.pk).update(active=True)
        task_ids = []
        for task_name, group_names in definition.tasks:
            task = models.GroupApprovalTask.objects.filter(name=task_name).first()
            if task is None:
                task = models.GroupApprovalTask.objects.create(name=task_name, active=True, content_type=task_type)
            elif not task.active:
                models.GroupApprovalTask.objects.filter(pk=task.pk).update(active=True)
            task.groups.set([groups[name] for name in group_names])
            task_ids.append(task.pk)
        current = list(
            models.WorkflowTask.objects.filter(workflow=workflow)
            .order_by("sort_order")
            .values_list("task_id", flat=True)
        )
        if current != task_ids:
            models.WorkflowTask.objects.filter(workflow=workflow).delete()
            for order, task_id in enumerate(task_ids):
                models.WorkflowTask.objects.create(workflow=workflow, task_id=task_id, sort_order=order)
        for label in definition.anchors:
            for page_id in anchors[label]:
                assigned = models.WorkflowPage.objects.filter(page_id=page_id).values_list("workflow_id", flat=True)
                if list(assigned) != [workflow.pk]:
                    models.WorkflowPage.objects.update_or_create(page_id=page_id, defaults={"workflow": workflow})
                    report.workflow_pages_changed += 1


def remove_roles(apps: Any = None) -> None:
    """Undo: delete the groups and workflows defined here (collections stay: they may hold media)."""
    models = _Models(apps or global_apps)
    models.Group.objects.filter(name__in=roles.ROLES_BY_NAME).delete()
    for definition in roles.WORKFLOWS:
        models.Workflow.objects.filter(name=definition.name).delete()
        models.GroupApprovalTask.objects.filter(name__in=[name for name, _ in definition.tasks]).delete()

"""Who may do what in the admin: the one declarative definition of every editors' group, and its sync.

`ROLES` below is the single source of truth for the groups Redactie, Eindredactie, Stagiairs, Vrijwilligers,
Vertalers and Microsite redactie: their model (snippet, setting, admin) permissions, their page permissions and
on which subtrees, and their image/document collection permissions. `WORKFLOWS` says which sections go through
the approval of the Eindredactie. `sync_roles()` makes the database match the definition exactly (for these
groups only; groups an administrator adds by hand are left alone) and is idempotent. It runs:

- in the data migration `home/migrations/0003_editor_roles.py` (with the historical models),
- after every `migrate` (a `post_migrate` handler, see `home/apps.py`), so a changed definition is applied on deploy,
- when a page that anchors permissions is created (a new news index, a translated home page, a new microsite),
- on demand: `python manage.py sync_roles [--dry-run]`.

Page subtrees are named by page type ("every home.HomePage"), never by id, because pages are made by editors (and
by `seed_demo`) after the migrations ran, and translations add a home page per language.

Wagtail 8 has no locale-scoped page permissions: Vertalers get page permissions on every tree, and the hooks in
`home/wagtail_hooks.py` (see `home/translators.py`) refuse every change to pages and snippets in the source
language (Dutch). User management is deliberately in no role: only superusers manage accounts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps as global_apps

ADMIN = "wagtailadmin.access_admin"
TRANSLATE = "wagtail_localize.submit_translation"

# Page types that anchor page permissions and workflows. Every page of the type counts, in every language.
MAIN_SITE = "home.HomePage"
MICROSITE = "campaigns.MicrositeHomePage"
NEWS = "news.NewsIndexPage"
PUBLICATIONS = "research.PublicationIndexPage"
ANCHOR_TYPES = (MAIN_SITE, MICROSITE, NEWS, PUBLICATIONS)

# Collections for images and documents, one per site, children of Wagtail's root collection.
ROOT_COLLECTION = ""  # the root: a permission there covers every collection
LOS_COLLECTION = "LOS"
MICROSITE_COLLECTION = "iLegalevrouw"
COLLECTIONS = (LOS_COLLECTION, MICROSITE_COLLECTION)

IMAGES_ALL = ("wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image")
DOCUMENTS_ALL = ("wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document")
MEDIA_ALL = IMAGES_ALL + DOCUMENTS_ALL
MEDIA_DELETE = ("wagtailimages.delete_image", "wagtaildocs.delete_document")
MEDIA_CHOOSE = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
MEDIA_ADD = ("wagtailimages.add_image", "wagtaildocs.add_document")


def crud(app_label: str, model: str) -> tuple[str, ...]:
    return tuple(f"{app_label}.{action}_{model}" for action in ("view", "add", "change", "delete"))


AGENDA = (
    *crud("events", "event"),
    "events.view_importbatch",
    "events.add_importbatch",
    "events.undo_importbatch",
)
SETTINGS = (
    "home.change_navigationsettings",
    "home.change_organisationsettings",
    "research.change_fundersettings",
    "campaigns.change_siteappearance",
    "search.change_searchsettings",
)
EDITOR_PAGES = ("add", "change", "publish", "lock", "unlock")


@dataclass(frozen=True)
class Role:
    """One group: what it is for, and the permissions it holds (nothing else)."""

    name: str
    purpose: str
    permissions: tuple[str, ...] = ()
    # page type label -> page permission types ("add", "change", "publish", ...) on every page of that type
    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # collection name (ROOT_COLLECTION for all) -> "app_label.codename" image/document permissions
    collections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # True: may change only content in a language other than the source language (see home/translators.py)
    translations_only: bool = False


REDACTIE = "Redactie"
EINDREDACTIE = "Eindredactie"
STAGIAIRS = "Stagiairs"
VRIJWILLIGERS = "Vrijwilligers"
VERTALERS = "Vertalers"
MICROSITE_REDACTIE = "Microsite redactie"

ROLES: tuple[Role, ...] = (
    Role(
        REDACTIE,
        "Edit and publish the main site (every language), the agenda, help locations, redirects and promoted "
        "search results; start translations.",
        permissions=(
            ADMIN,
            TRANSLATE,
            *AGENDA,
            *crud("campaigns", "helplocation"),
            "home.view_theme",
            "research.view_funder",
            *crud("wagtailredirects", "redirect")[1:],
            *crud("wagtailsearchpromotions", "searchpromotion")[1:],
        ),
        pages={MAIN_SITE: EDITOR_PAGES},
        collections={ROOT_COLLECTION: MEDIA_CHOOSE, LOS_COLLECTION: MEDIA_ALL},
    ),
    Role(
        EINDREDACTIE,
        "Everything Redactie may, on both sites; approve or reject submitted pages (workflow task), manage "
        "themes, funders and site settings, see sign-ups.",
        permissions=(
            ADMIN,
            TRANSLATE,
            *AGENDA,
            *crud("campaigns", "helplocation"),
            *crud("home", "theme"),
            *crud("home", "sitetexts"),
            *crud("research", "funder"),
            *SETTINGS,
            *crud("wagtailredirects", "redirect")[1:],
            *crud("wagtailsearchpromotions", "searchpromotion")[1:],
            # Sign-ups hold personal data: only the permanent staff who answer for them see them (and approve
            # organisations' sign-ons, which is a change).
            "campaigns.view_signupsubmission",
            "campaigns.change_signupsubmission",
            "campaigns.delete_signupsubmission",
        ),
        pages={MAIN_SITE: (*EDITOR_PAGES, "bulk_delete"), MICROSITE: (*EDITOR_PAGES, "bulk_delete")},
        collections={ROOT_COLLECTION: MEDIA_ALL + MEDIA_DELETE},
    ),
    Role(
        STAGIAIRS,
        "Draft news items and hotline (Meldpunt) reports and submit them for approval; never publish.",
        permissions=(ADMIN,),
        # "add": create pages and edit the ones they created; publishing goes through the workflow.
        pages={NEWS: ("add",), PUBLICATIONS: ("add",)},
        collections={ROOT_COLLECTION: MEDIA_CHOOSE, LOS_COLLECTION: MEDIA_ADD},
    ),
    Role(
        VRIJWILLIGERS,
        "The agenda only: events, their spreadsheet import and undoing an import.",
        permissions=(ADMIN, *AGENDA),
    ),
    Role(
        VERTALERS,
        "Translate pages and snippets into the other languages and publish those translations; never change "
        "Dutch (source) content.",
        permissions=(
            ADMIN,
            TRANSLATE,
            "home.view_theme",
            "home.change_theme",
            "home.view_sitetexts",
            "home.change_sitetexts",
            "research.view_funder",
            "research.change_funder",
            "campaigns.view_helplocation",
            "campaigns.change_helplocation",
            "events.view_event",
            "events.change_event",
        ),
        # No "add": translations are made with "Vertalen" (wagtail-localize), never with the create view.
        pages={MAIN_SITE: ("change", "publish"), MICROSITE: ("change", "publish")},
        collections={ROOT_COLLECTION: MEDIA_CHOOSE},
        translations_only=True,
    ),
    Role(
        MICROSITE_REDACTIE,
        "Edit the iLegalevrouw microsite and its help locations and submit changes for approval; its own "
        "image and document collection only.",
        permissions=(ADMIN, *crud("campaigns", "helplocation")),
        pages={MICROSITE: ("add", "change", "lock")},
        collections={MICROSITE_COLLECTION: MEDIA_ALL},
    ),
)
ROLES_BY_NAME = {role.name: role for role in ROLES}


@dataclass(frozen=True)
class WorkflowDefinition:
    """A moderation workflow: one approval task per group, in order, on every page of the anchor types."""

    name: str
    tasks: tuple[tuple[str, tuple[str, ...]], ...]  # (task name, approving groups)
    anchors: tuple[str, ...]


WORKFLOWS: tuple[WorkflowDefinition, ...] = (
    WorkflowDefinition(
        "Goedkeuring eindredactie",
        tasks=(("Eindredactie keurt goed", (EINDREDACTIE,)),),
        # News and hotline reports (written by interns) and the microsite (its own editors cannot publish).
        anchors=(NEWS, PUBLICATIONS, MICROSITE),
    ),
)


# Sync ------------------------------------------------------------------------------------------------------


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


def _sync_set(queryset: Any, wanted: set[tuple], key: tuple[str, ...], create: Any) -> int:
    """Make the rows of `queryset` (identified by the `key` fields) exactly `wanted`; returns rows changed."""
    existing = {tuple(row[:-1]): row[-1] for row in queryset.values_list(*key, "pk")}
    stale = [pk for ident, pk in existing.items() if ident not in wanted]
    if stale:
        queryset.filter(pk__in=stale).delete()
    missing = [ident for ident in wanted if ident not in existing]
    for ident in missing:
        create(*ident)
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
    if any(models.permission(p) is None for role in ROLES for p in role.permissions):
        _ensure_permissions_exist(apps)
        models._permissions = None
    collections = {ROOT_COLLECTION: models.Collection.objects.filter(depth=1).order_by("path").first()}
    for name in COLLECTIONS:
        collections[name] = _ensure_collection(models, name)
    anchors = {label: models.anchor_page_ids(label) for label in ANCHOR_TYPES}
    page_permission_ids = {
        kind: models.permission(f"wagtailcore.{kind}_page")
        for kind in ("add", "change", "publish", "lock", "unlock", "bulk_delete")
    }

    groups = {}
    for role in ROLES:
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
            lambda page_id, permission_id, group=group: models.GroupPagePermission.objects.create(
                group=group, page_id=page_id, permission_id=permission_id
            ),
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
            lambda collection_id, permission_id, group=group: models.GroupCollectionPermission.objects.create(
                group=group, collection_id=collection_id, permission_id=permission_id
            ),
        )

    _sync_workflows(models, groups, anchors, report)


def _sync_workflows(models: _Models, groups: dict[str, Any], anchors: dict[str, list[int]], report: SyncReport):
    task_type = models.ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0]
    for definition in WORKFLOWS:
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
    models.Group.objects.filter(name__in=ROLES_BY_NAME).delete()
    for definition in WORKFLOWS:
        models.Workflow.objects.filter(name=definition.name).delete()
        models.GroupApprovalTask.objects.filter(name__in=[name for name, _ in definition.tasks]).delete()

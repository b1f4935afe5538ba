"""The admin's own records and settings, as the least privileged group that may reach them (editors/roles.py):
every site setting saved unchanged (per site for the site settings), a user and a managed group edited unchanged by
a superuser (accounts and groups are in no role), and the report downloads (CSV and XLSX). Saving unchanged must
change nothing: our setting caches, the groups' sync (editors/sync.py) and the user form (editors/users.py) run
inside."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.forms.models import model_to_dict
from django.urls import reverse
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, Site

from editors.roles import EINDREDACTIE, MELDPUNT, REDACTIE, ROLES, STAGIAIRS, VRIJWILLIGERS

from .conftest import SUPERUSER
from .sweep import form_data, messages

pytestmark = pytest.mark.django_db


def least_privileged(model) -> str:
    """The group with the fewest permissions of those that may change the setting, or a superuser."""
    permission = f"{model._meta.app_label}.change_{model._meta.model_name}"
    holders = [role for role in ROLES if permission in role.permissions]
    return min(holders, key=lambda role: len(role.permissions)).name if holders else SUPERUSER


def stored(instance) -> dict:
    """What a setting holds, its inline rows (a clusterable model's) included, without database ids."""
    data = instance.serializable_data() if hasattr(instance, "serializable_data") else model_to_dict(instance)

    def without_ids(value):
        if isinstance(value, dict):
            return {key: without_ids(item) for key, item in value.items() if key not in ("pk", "id")}
        if isinstance(value, list):
            return [without_ids(item) for item in value]
        return value

    return without_ids(data)


def test_every_setting_saved_unchanged(staff, sweep):
    sites = list(Site.objects.order_by("pk"))
    for model in registry:
        group = least_privileged(model)
        for site in sites if issubclass(model, BaseSiteSetting) else [None]:
            save_unchanged(sweep, staff(group), f"{model._meta.label} als {group}", model, site)
    sweep.visit("de website na het opslaan", "/")
    sweep.visit("de microsite na het opslaan", "/", headers={"host": "ilegalevrouw.localhost"})
    sweep.done()


def save_unchanged(sweep, client, label: str, model, site: Site | None) -> None:
    """The setting's form (of `site`, for a site setting) saved as it comes: nothing changes but its history."""
    label += f" ({site.hostname})" if site else ""
    load = (lambda: model.for_site(site)) if site else model.load
    # A site setting's address names the site; a generic one's its only row.
    args = [model._meta.app_label, model._meta.model_name, site.pk if site else load().pk]
    address = reverse("wagtailsettings:edit", args=args)
    before = stored(load())
    response = sweep.get(f"{label}: formulier", client, address, expect=200)
    response = sweep.post(f"{label}: opslaan", client, address, form_data(response), expect=302)
    after = stored(load())
    sweep.check(f"{label}: onveranderd", lambda: after == before, f"{before} -> {after}")
    sweep.check(f"{label}: melding", lambda: messages(response))


def group_permissions(group: Group) -> tuple:
    return (
        sorted(group.permissions.values_list("content_type__app_label", "codename")),
        sorted(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")),
        sorted(
            GroupCollectionPermission.objects.filter(group=group).values_list("collection_id", "permission__codename")
        ),
    )


def test_a_user_and_a_group_edited_unchanged_by_a_superuser(staff, sweep):
    superuser = staff(SUPERUSER)
    member = staff(REDACTIE).user
    address = reverse("wagtailusers_users:edit", args=[member.pk])
    response = sweep.get("gebruiker bewerken: formulier", superuser, address, expect=200)
    response = sweep.post("gebruiker opslaan", superuser, address, form_data(response))
    member.refresh_from_db()
    sweep.check(
        "gebruiker: groepen onveranderd", lambda: list(member.groups.values_list("name", flat=True)) == [REDACTIE]
    )
    sweep.check("gebruiker: wachtwoord onveranderd", lambda: member.check_password("x" * 20))
    sweep.check("gebruiker: melding", lambda: messages(response))

    for name in (REDACTIE, EINDREDACTIE, MELDPUNT):
        save_group_unchanged(sweep, superuser, Group.objects.get(name=name))
    sweep.done()


def save_group_unchanged(sweep, superuser, group: Group) -> None:
    before = group_permissions(group)
    address = reverse("wagtailusers_groups:edit", args=[group.pk])
    response = sweep.get(f"groep {group.name}: formulier", superuser, address, expect=200)
    sweep.post(f"groep {group.name}: opslaan", superuser, address, form_data(response))
    after = group_permissions(group)
    sweep.check(f"groep {group.name}: rechten onveranderd", lambda: after == before)


def test_report_downloads(staff, sweep):
    redactie = staff(REDACTIE)
    locked = Page.objects.get(url_path="/los/over-los/werkwijze/")
    sweep.post("pagina vergrendelen", redactie, reverse("wagtailadmin_pages:lock", args=[locked.pk]))
    reports = [
        (REDACTIE, "wagtailadmin_reports:locked_pages", locked.title),  # who may unlock
        (STAGIAIRS, "wagtailadmin_reports:aging_pages", None),  # who may add, change or publish any page
        (STAGIAIRS, "wagtailadmin_reports:workflow", None),
        (STAGIAIRS, "wagtailadmin_reports:workflow_tasks", None),
        (VRIJWILLIGERS, "wagtailadmin_reports:site_history", None),  # every admin user, their own objects' history
        (REDACTIE, "wagtailredirects:index", None),
        (SUPERUSER, "wagtailsearchpromotions:search_terms", None),  # Wagtail's own: superusers only
    ]
    for group, name, expected in reports:
        for kind in ("csv", "xlsx"):
            download(sweep, staff(group), f"{name} als {kind} ({group})", reverse(name), kind, expected)
    sweep.done()


def download(sweep, client, label: str, address: str, kind: str, expected: str | None) -> None:
    response = sweep.get(label, client, address, {"export": kind}, expect=200)
    content_type = {"csv": "text/csv", "xlsx": "spreadsheetml"}[kind]
    sweep.check(f"{label}: een download", lambda: content_type in response["Content-Type"])
    sweep.check(
        f"{label}: bestandsnaam",
        lambda: (
            response["Content-Disposition"].startswith("attachment") and f".{kind}" in response["Content-Disposition"]
        ),
    )
    if expected and kind == "csv" and response is not None:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        sweep.check(f"{label}: inhoud", lambda: expected in body.decode("utf-8-sig"))

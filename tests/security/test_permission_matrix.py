"""Who may open which admin URL (issue 17): log in as every group of editors/roles.py (plus a superuser and a
logged-in account without a group) and request every admin URL the project adds, comparing with `WHO_MAY`.

"The project adds" is found, not listed: every URL under /admin/ whose view lives in one of our apps, or whose
view is a Wagtail generic view for one of our models (snippets, model viewsets), plus the settings pages of our
settings models. A new admin view fails this test until it has a row in `WHO_MAY`; the message says which.

`WHO_MAY` says who may open a URL with GET: a set of group names, or a permission codename, meaning "the groups
that editors/roles.py gives this permission" (so a role change and the views agree). Model viewsets and snippets
need no row: their expectation is derived from the model's permissions in roles.py (`MODEL_ACTIONS`).
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, TranslatableMixin

from campaigns.models import CampaignPage
from editors.roles import EINDREDACTIE, OPVANGCOORDINATOREN, REDACTIE, ROLES, STAGIAIRS

from .url_patterns import walk

pytestmark = pytest.mark.django_db

SUPERUSER = "superuser"
NO_GROUP = "zonder groep"  # a logged-in account without any group: no admin access at all
IDENTITIES = (SUPERUSER, *(role.name for role in ROLES), NO_GROUP)
EVERY_ROLE = frozenset(role.name for role in ROLES) | {SUPERUSER}
# The packages whose admin views are not ours (their permissions are upstream's). Any other module is "ours".
UPSTREAM = frozenset({"wagtail", "wagtail_localize", "django"})

# Admin URLs for visitors who are not logged in (yet): logging in, asking for a new password.
PUBLIC_ADMIN_URLS = frozenset({"wagtailadmin_login", "wagtailadmin_password_reset"})

# URL name -> who may open it: a set of identities, or "app.codename" (whoever roles.py gives it, and superusers).
WHO_MAY: dict[str, frozenset[str] | str] = {
    "los_translation_status": EVERY_ROLE,  # private page titles are filtered per user (test_private_titles.py)
    "los_editor_guide": EVERY_ROLE,
    "los_unpublish_with_translations": frozenset({SUPERUSER, REDACTIE, EINDREDACTIE}),
    # Wagtail's workflow action with our message (editors/moderation.py): the reviewers of the task only.
    "los_workflow_action": frozenset({SUPERUSER, EINDREDACTIE}),
    # "Aanmeldformulier toevoegen" on a campaign: who may add pages under it and edit it (campaigns/signup_shortcut.py).
    "campaigns_add_signup_form": frozenset({SUPERUSER, REDACTIE, EINDREDACTIE}),
    "news_quick_reaction": frozenset({SUPERUSER, REDACTIE, EINDREDACTIE, STAGIAIRS}),
    "events_admin:import": "events.add_importbatch",
    "events_admin:preview": "events.add_importbatch",
    "events_admin:confirm": "events.add_importbatch",
    "events_admin:rejected": "events.add_importbatch",
    "events_admin:template": "events.add_importbatch",
    "events_admin:history": "events.view_importbatch",
    "events_admin:batch": "events.view_importbatch",
    "events_admin:undo": "events.undo_importbatch",
    "events_admin:export": "events.view_event",
    # Importing the Meldpunt's old register: its own staff only (meldpunt/import_views.py).
    "meldpunt_import:start": "meldpunt.add_report",
    "meldpunt_import:preview": "meldpunt.add_report",
    "meldpunt_import:confirm": "meldpunt.add_report",
    "meldpunt_import:undo": "meldpunt.add_report",
    # What retention removes next, the full list behind the dashboard panel (meldpunt/viewsets.py UpcomingRemovalsView).
    "meldpunt_report:upcoming_removals": "meldpunt.change_report",
    # What visitors typed (names, phone numbers): not for volunteers and interns (issue 17, search engineer).
    "search_terms_report": frozenset({SUPERUSER, REDACTIE, EINDREDACTIE}),
    # Embeds show only public content: whoever may use the admin may make their code (api/admin_views.py).
    "embed_generator": "wagtailadmin.access_admin",
    # Wagtail's password reset behind our rate limits (security/views.py): for anyone who forgot a password.
    "wagtailadmin_password_reset": frozenset(IDENTITIES),
    # Wagtail's login behind our rate limit (security/views.py): whoever is signed in to the admin is sent on to it.
    "wagtailadmin_login": frozenset({NO_GROUP}),
    "security_2fa_verify": EVERY_ROLE,
    "security_2fa_setup": EVERY_ROLE,
    "sign_ons:add": frozenset(),  # sign-ons come from the public form only (campaigns/viewsets.py)
    # Subscribers subscribe themselves (double opt-in); nobody creates one from a chooser.
    "wagtailsnippetchoosers_newsletter_subscriber:create": frozenset(),
    "wagtailsnippets_newsletter_subscriber:add": frozenset(),  # not even superusers (newsletter/viewsets.py)
    # "Vertalen", limited to the site's languages (editors/translating.py): wagtail-localize's own permission.
    "los_submit_page_translation": "wagtail_localize.submit_translation",
    "los_submit_snippet_translation": "wagtail_localize.submit_translation",
    # Shelter figures (figures/views.py): LOS staff and the coordinators; a coordinator reaches only the shelters
    # they coordinate (the matrix's coordinator coordinates the sample shelter; another shelter is a 404, shown
    # by tests/figures/test_admin.py).
    "figures_admin:index": "figures.view_quarterfigures",
    **dict.fromkeys(
        (
            "figures_admin:add",
            "figures_admin:edit",
            "figures_admin:withdraw",
            "figures_admin:clients",
            "figures_import:start",
            "figures_import:preview",
            "figures_import:confirm",
            "figures_import:undo",
            "figures_admin:import_template",
        ),
        "figures.change_quarterfigures",
    ),
    # Newsletter (newsletter/admin_views.py): the Redactie and Eindredactie send; following progress is viewing.
    "newsletter_admin:send": "newsletter.send_issue",
    "newsletter_admin:progress": "newsletter.view_issue",
    # Importing the old subscriber list (newsletter/import_views.py): who manages the addresses, the Eindredactie.
    **dict.fromkeys(
        (
            "newsletter_import:start",
            "newsletter_import:preview",
            "newsletter_import:confirm",
            "newsletter_import:undo",
        ),
        "newsletter.change_subscriber",
    ),
    # The Meldpunt's access log is read only for everyone (meldpunt/viewsets.py ReadOnlyPolicy); reading it is the
    # model's view permission (the group Meldpunt only).
    **{f"meldpunt_reportaccess:{action}": frozenset() for action in ("add", "edit", "delete")},
    **{f"meldpunt_reportaccess:{action}": frozenset() for action in ("history", "history_results", "usage")},
}
# Wagtail's snippet choosers check admin access only (any editor may link any snippet); every snippet we have is
# published on the site anyway (themes, funders, events, help locations, site texts).
CHOOSER_ACTIONS = {"choose", "choose_results", "chosen", "chosen_multiple"}
# Generic views for our models: the action in the URL name -> the model permissions that open it (any of them).
MODEL_ACTIONS = {
    "list": ("view", "add", "change", "delete"),
    "list_results": ("view", "add", "change", "delete"),
    "index": ("view", "add", "change", "delete"),
    "index_results": ("view", "add", "change", "delete"),
    "usage": ("change",),
    "history": ("add", "change", "delete"),
    "history_results": ("add", "change", "delete"),
    "add": ("add",),
    "copy": ("add",),
    "edit": ("change",),
    "delete": ("delete",),
    "create": ("add",),
    "preview_on_add": ("add",),
    "preview_on_edit": ("change",),
}


def _import_batch() -> dict[str, int]:
    from events.models import ImportBatch

    batch = ImportBatch.objects.order_by("pk").first() or ImportBatch.objects.create(file_name="agenda.xlsx")
    return {"pk": batch.pk}


def _task_awaiting_review() -> dict[str, object]:
    from wagtail.models import TaskState

    from news.models import NewsPage

    task_state = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).first()
    if task_state is None:
        page = NewsPage.objects.filter(locale__language_code="nl").live().first()
        page.save_revision()
        page.get_workflow().start(page, user=None)
        task_state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    page_id = task_state.workflow_state.object_id
    return {"page_id": page_id, "action_name": "reject", "task_state_id": task_state.pk}


def _shelter() -> dict[str, int]:
    from figures.models import Shelter

    shelter = Shelter.objects.filter(figures__isnull=False).order_by("pk").first()
    return {"shelter_id": shelter.pk, "figures_id": shelter.figures.order_by("pk").first().pk}


def _figures_import() -> dict[str, int]:
    from figures.models import FiguresImport

    batch = FiguresImport.objects.order_by("pk").first() or FiguresImport.objects.create(file_name="cijfers.xlsx")
    return {"batch_id": batch.pk}


def _issue() -> dict[str, int]:
    from newsletter.models import Issue

    return {"issue_id": Issue.objects.order_by("pk").first().pk}


def _subscriber_import() -> dict[str, int]:
    from newsletter.models import SubscriberImport

    batch = SubscriberImport.objects.order_by("pk").first() or SubscriberImport.objects.create(file_name="oud.csv")
    return {"batch_id": batch.pk}


def _theme() -> dict[str, str]:
    from home.models import Theme

    return {"app_label": "home", "model_name": "theme", "pk": str(Theme.objects.order_by("pk").first().pk)}


def _dutch_page() -> dict[str, int]:
    return {"page_id": Page.objects.get(url_path__endswith="/over-los/", depth=3, locale__language_code="nl").pk}


def _report_import() -> dict[str, int]:
    from meldpunt.models import ReportImport

    batch = ReportImport.objects.order_by("pk").first() or ReportImport.objects.create(file_name="register.xlsx")
    return {"batch_id": batch.pk}


# Arguments of project admin URLs that are not a model's primary key: a function returning them.
SAMPLE_ARGUMENTS = {
    "meldpunt_import:undo": _report_import,
    **dict.fromkeys(
        ("figures_admin:add", "figures_admin:edit", "figures_admin:withdraw", "figures_admin:clients"), _shelter
    ),
    "figures_import:undo": _figures_import,
    "newsletter_admin:send": _issue,
    "newsletter_admin:progress": _issue,
    "newsletter_import:undo": _subscriber_import,
    "los_submit_page_translation": _dutch_page,
    "los_submit_snippet_translation": _theme,
    "events_admin:batch": _import_batch,
    "events_admin:undo": _import_batch,
    "los_workflow_action": _task_awaiting_review,
    "campaigns_add_signup_form": lambda: {"campaign_id": CampaignPage.objects.get(slug="zorg-in-detentie").pk},
    "los_unpublish_with_translations": _dutch_page,
}


def _model_of(callback):
    model = (getattr(callback, "view_initkwargs", None) or {}).get("model")
    return model if model is not None and not isinstance(model, str) else None


def project_admin_urls() -> list[tuple[str, str, object]]:
    """(route, URL name, model or None) for every admin URL our apps add (or a library wired in by them)."""
    found = []
    for route, name, callback in walk():
        if not route.startswith("admin/"):
            continue
        view_class = getattr(callback, "view_class", None)
        modules = {getattr(callback, "__module__", ""), getattr(view_class, "__module__", "")}
        model = _model_of(callback)
        # Ours unless every module is an upstream package's: a view a new app borrows from another library
        # (an import tool, say) counts as ours too, so it cannot slip past the table.
        own_view = not all(module.split(".")[0] in UPSTREAM for module in modules if module)
        if own_view or (model is not None and model._meta.app_label in settings.LOCAL_APPS):
            found.append((route, name, model))
    return found


def holders(permission: str) -> frozenset[str]:
    """The identities that roles.py gives `permission` (and the superuser)."""
    return frozenset({SUPERUSER} | {role.name for role in ROLES if permission in role.permissions})


def expected(name: str, model) -> frozenset[str] | None:
    if name in WHO_MAY:
        rule = WHO_MAY[name]
        return holders(rule) if isinstance(rule, str) else rule
    if model is None:
        return None
    action = name.rsplit(":", 1)[-1]
    if action in CHOOSER_ACTIONS:
        return EVERY_ROLE
    if action not in MODEL_ACTIONS:
        return None
    meta = model._meta
    allowed = {SUPERUSER}
    for action_permission in MODEL_ACTIONS[action]:
        allowed |= holders(f"{meta.app_label}.{action_permission}_{meta.model_name}")
    if action in ("edit", "delete") and issubclass(model, TranslatableMixin):
        # The sample object is Dutch: translators may change translations only (editors/translator_guard.py).
        allowed -= {role.name for role in ROLES if role.translations_only}
    return frozenset(allowed)


def concrete_path(route: str, name: str, model) -> str | None:
    import re

    values = SAMPLE_ARGUMENTS.get(name, lambda: {})()
    for _kind, arg in re.findall(r"<(?:(\w+):)?(\w+)>", route):
        if arg not in values:
            if arg != "pk" or model is None:
                return None
            instance = model._default_manager.order_by("pk").first()
            if instance is None:
                return None
            values[arg] = instance.pk
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(values[match.group(1)]), route)
    return "/" + path.replace("^", "").replace("$", "")


def outcome(client, path: str) -> str:
    """'no' when the view refused (403, or Wagtail's redirect to the login or the dashboard), else 'yes': the view
    ran past its permission check (a 404 for a missing import token counts as 'yes'). Redirects inside the admin
    are followed, except a refusing one (to the login or the dashboard): rendering the page it leads to would tell
    nothing more. A view that only takes POST is asked again with an empty POST."""
    response = client.get(path)
    if response.status_code == 405:
        response = client.post(path, {})
    for _hop in range(10):
        if response.status_code not in (301, 302, 303, 307, 308):
            break
        target = response.headers["Location"]
        if target.startswith("/admin/login/") or target.split("?")[0] in ("/admin/", "/"):
            return "no"
        response = client.get(target)
    if response.status_code == 403:
        return "no"
    if response.status_code >= 500:
        return f"status {response.status_code}"
    return "yes"


@pytest.fixture
def identities(django_user_model):
    users = {SUPERUSER: django_user_model.objects.create_superuser("matrix-super", "s@example.org", "x" * 16)}
    for role in ROLES:
        user = django_user_model.objects.create_user(f"matrix-{role.name}".replace(" ", "-"), password="x" * 16)
        user.groups.add(Group.objects.get(name=role.name))
        users[role.name] = user
    users[NO_GROUP] = django_user_model.objects.create_user("matrix-nobody", password="x" * 16)
    # A coordinator sees the shelters they coordinate: the matrix's one coordinates the sample shelter.
    from figures.models import Shelter

    Shelter.objects.get(pk=_shelter()["shelter_id"]).coordinators.add(users[OPVANGCOORDINATOREN])
    # Every identity runs in its own test: the access log gets its row here, not from whoever opened a report
    # first, so its URLs are requested by every identity.
    from meldpunt.models import Report, ReportAccess

    report = Report.objects.order_by("pk").first()
    ReportAccess.objects.create(report=report, reference=report.reference, user=users[SUPERUSER])
    return users


def test_every_project_admin_url_has_a_row():
    missing = []
    for route, name, model in project_admin_urls():
        if expected(name, model) is None:
            missing.append(
                f'  "{name}": frozenset({{SUPERUSER, ...}}) or "app.codename",  # /{route}\n'
                if name
                else f"  /{route} has no URL name: give the path() a name, then add its row\n"
            )
    assert not missing, (
        "New admin URLs without a row in WHO_MAY (tests/security/test_permission_matrix.py). Add, for each, the "
        "groups that may open it (names from editors/roles.py, SUPERUSER, NO_GROUP) or the permission it needs:\n"
        + "".join(missing)
    )


@pytest.mark.parametrize("identity", IDENTITIES)
def test_every_group_sees_exactly_what_the_table_says(client, identities, identity):
    """One identity per test, so that pytest-xdist spreads the matrix over its workers."""
    settings_paths = [
        (f"admin/settings/{model._meta.app_label}/{model._meta.model_name}/", f"{model._meta.label_lower}", model)
        for model in settings_registry
        if model._meta.app_label in settings.LOCAL_APPS
    ]
    mismatches, requests, unreachable = [], 0, []
    client.force_login(identities[identity])
    for route, name, model in [*project_admin_urls(), *settings_paths]:
        who = (
            holders(f"{model._meta.app_label}.change_{model._meta.model_name}")
            if (route, name, model) in settings_paths
            else expected(name, model)
        )
        path = concrete_path(route, name, model)
        if path is None:
            if model is None or model._default_manager.exists():
                unreachable.append(name)  # a model without any row has nothing to show anyone
            continue
        requests += 1
        got = outcome(client, path)
        want = "yes" if identity in who else "no"
        if got != want:
            mismatches.append(f"{identity:<20} {path:<60} got {got}, want {want}")
    print(f"\npermission matrix, {identity}: {requests} requests, {len(mismatches)} mismatches")  # noqa: T201
    assert not mismatches, "\n" + "\n".join(mismatches)
    assert not unreachable, f"add SAMPLE_ARGUMENTS rows for {unreachable}"


def test_a_logged_out_visitor_is_sent_to_the_login_for_every_project_admin_url(client):
    for route, name, model in project_admin_urls():
        path = concrete_path(route, name, model)
        if path and not name.startswith("security_2fa"):
            assert outcome(client, path) == ("yes" if name in PUBLIC_ADMIN_URLS else "no"), path

"""Moderation where the colleague is (issue 16, item 5): the reviewer's "wijzigingen gevraagd" comment at the top of
the page editor, not only in the e-mail; and a message after an approval or a change request from the dashboard.

Wagtail keeps the comment on the rejected task state (`TaskState.comment`) but shows it only in the e-mail and the
workflow history. Its workflow action view answers the dashboard's buttons without a message; `urlpatterns` here
wraps that view at the same address (cms/urls.py lists it before Wagtail's admin URLs) and adds one.
"""

from __future__ import annotations

from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import TaskState, WorkflowState


def show_requested_changes(request, page) -> None:
    """On opening the editor of a page sent back for changes: the reviewer's comment, with their name, on top."""
    if request.method != "GET":
        return
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES or state.current_task_state is None:
        return
    task_state = state.current_task_state
    reviewer = task_state.finished_by
    reviewer = reviewer and (reviewer.get_full_name() or reviewer.get_username())
    if task_state.comment:
        text = _("%(reviewer)s vraagt om wijzigingen: “%(comment)s” Pas de pagina aan en stuur haar opnieuw door.")
    else:
        text = _("%(reviewer)s vraagt om wijzigingen. Pas de pagina aan en stuur haar opnieuw door.")
    messages.warning(request, text % {"reviewer": reviewer or _("De eindredactie"), "comment": task_state.comment})


DONE = {
    TaskState.STATUS_APPROVED: gettext_lazy("Je hebt ‘%(title)s’ goedgekeurd."),
    TaskState.STATUS_REJECTED: gettext_lazy(
        "Je hebt om wijzigingen gevraagd voor ‘%(title)s’. De schrijver ziet je opmerking."
    ),
}
_wagtail_workflow_action = page_viewset_registry.as_view("workflow_action", page_id_kwarg="page_id")


def workflow_action(request, page_id: int, action_name: str, task_state_id: int):
    """Wagtail's own workflow action, plus a message saying what was done (the dashboard shows it after reloading)."""
    task_states = TaskState.objects.filter(pk=task_state_id).select_related("revision")
    was_open = task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exists()
    response = _wagtail_workflow_action(request, page_id=page_id, action_name=action_name, task_state_id=task_state_id)
    if request.method == "POST" and was_open:
        task_state = task_states.first()
        if task_state is not None and task_state.status in DONE:
            title = task_state.revision.object_str if task_state.revision else ""
            messages.success(request, str(DONE[task_state.status]) % {"title": title})
    return response


urlpatterns = [
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        never_cache(require_admin_access(workflow_action)),  # as Wagtail's own admin URLs
        name="los_workflow_action",
    ),
]

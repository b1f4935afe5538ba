"""The Redactie's sending steps for an issue: test it, send it or schedule it, then follow its progress."""

from __future__ import annotations

import datetime
import logging
import smtplib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsletter.models import Delivery, Issue
from newsletter.rendering import render_issue
from newsletter.sending import progress, send_test, start_sending

logger = logging.getLogger("los.newsletter")
SEND_PERMISSION = "newsletter.send_issue"
MAX_SCHEDULE_DAYS = 365


class SendForm(forms.Form):
    """What to do with the issue: a test to yourself, send now, or send at a time."""

    action = forms.ChoiceField(choices=[("test", "test"), ("send", "send"), ("schedule", "schedule")])
    when = forms.DateTimeField(
        label=gettext_lazy("Versturen op"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=gettext_lazy("Alleen bij inplannen: datum en tijd (Nederlandse tijd)."),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "schedule":
            when = data.get("when")
            now = timezone.now()
            if when is None:
                self.add_error("when", _("Kies wanneer de nieuwsbrief verstuurd moet worden."))
            elif when <= now or when > now + datetime.timedelta(days=MAX_SCHEDULE_DAYS):
                self.add_error("when", _("Kies een moment in de toekomst, binnen een jaar."))
        return data


def _issue(request: HttpRequest, issue_id: int, permission: str) -> Issue:
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(Issue.objects.select_related("mailing_list"), pk=issue_id)


def send_view(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue(request, issue_id, SEND_PERMISSION)
    if not issue.is_editable:
        return redirect("newsletter_admin:progress", issue.pk)
    form = SendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        if action == "test":
            if not request.user.email:
                messages.error(request, _("Je account heeft geen e-mailadres: vul het in bij je accountinstellingen."))
            else:
                try:
                    send_test(issue, request.user.email)
                except (smtplib.SMTPException, OSError) as error:  # the mail server is down or refuses us
                    logger.warning("newsletter: test mail of issue %s failed (%s)", issue.pk, type(error).__name__)
                    failed = _(
                        "De testmail is niet verstuurd: de mailserver is nu niet bereikbaar. Probeer het later opnieuw."
                    )
                    messages.error(request, failed)
                else:
                    messages.success(request, _("Testmail verstuurd naar %(email)s.") % {"email": request.user.email})
            return redirect("newsletter_admin:send", issue.pk)
        when = form.cleaned_data.get("when") if action == "schedule" else None
        count = start_sending(issue, when=when)
        messages.success(request, _("De nieuwsbrief gaat naar %(count)d abonnees.") % {"count": count})
        return redirect("newsletter_admin:progress", issue.pk)
    context = {
        "issue": issue,
        "form": form,
        "recipients": issue.recipients().count(),
        "rendered": render_issue(issue),
        "page_title": _("Test en versturen"),
        "page_subtitle": issue.subject,
        "header_icon": "mail",
    }
    return TemplateResponse(request, "newsletter/admin/send.html", context, status=400 if form.errors else 200)


def progress_view(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue(request, issue_id, "newsletter.view_issue")
    counts = progress(issue)
    total = sum(counts.values())
    done = total - counts[Delivery.Status.PENDING] - counts[Delivery.Status.SENDING]
    context = {
        "issue": issue,
        "rows": [(label, counts[value]) for value, label in Delivery.Status.choices],
        "total": total,
        "percent": round(100 * done / total) if total else 100,
        "page_title": _("Voortgang"),
        "page_subtitle": issue.subject,
        "header_icon": "time",
    }
    return TemplateResponse(request, "newsletter/admin/progress.html", context)

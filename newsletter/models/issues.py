"""Newsletter issues and their per-recipient delivery records.

An issue is a digest: an intro and a list of items (news items and reactions, publications, events, a short
text) picked by the Redactie; the items of the last two weeks are proposed when an issue is started
(`Issue.proposed_items`). A sent issue is also a web page in the archive (/nieuwsbrief/archief/<id>/), rendered
from the same template as the mail (newsletter/rendering.py).

Sending (newsletter/sending.py) first writes one `Delivery` per recipient, unique per (issue, subscriber), then
works through the pending ones in batches. A delivery is marked "sending" (committed) before its mail goes out,
so a worker that crashes mid-send never sends that recipient the issue again: it resumes with the pending ones.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PreviewableMixin
from wagtail.snippets.blocks import SnippetChooserBlock

from newsletter.models.lists import MailingList, Subscriber

PROPOSE_DAYS = 14  # "the last two weeks' are proposed"
INTRO_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class TextItemBlock(blocks.StructBlock):
    """A short text of the Redactie's own between the items, with an optional heading."""

    heading = blocks.CharBlock(label=_("Kop"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Tekst"), features=INTRO_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")


class IssueItemsBlock(blocks.StreamBlock):
    """What an issue links to, in the order the Redactie chose."""

    news = blocks.PageChooserBlock(page_type="news.NewsPage", label=_("Nieuwsbericht of reactie"), icon="doc-full")
    publication = blocks.PageChooserBlock(
        page_type="research.PublicationPage", label=_("Publicatie"), icon="doc-full-inverse"
    )
    event = SnippetChooserBlock("events.Event", label=_("Activiteit"), icon="date")
    text = TextItemBlock()


class Issue(PreviewableMixin, models.Model):
    """One issue of a newsletter list: subject, intro and items; sent once, then shown in the archive."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        SCHEDULED = "scheduled", _("ingepland")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")

    mailing_list = models.ForeignKey(
        MailingList,
        verbose_name=_("lijst"),
        on_delete=models.PROTECT,
        related_name="issues",
        help_text=_("Naar de abonnees van welke lijst gaat deze nieuwsbrief?"),
    )
    subject = models.CharField(
        _("onderwerp"), max_length=150, help_text=_("De onderwerpregel van de mail en de titel in het archief.")
    )
    language = models.CharField(
        _("taal"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="nl",
        help_text=_("Gaat naar de abonnees die deze taal kozen."),
    )
    intro = RichTextField(
        _("inleiding"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_("Een paar zinnen bovenaan: wat is er deze keer belangrijk?"),
    )
    items = StreamField(
        IssueItemsBlock(),
        verbose_name=_("onderdelen"),
        blank=True,
        help_text=_(
            "Berichten, publicaties en activiteiten in deze nieuwsbrief. Bij een nieuwe nieuwsbrief staan die van de "
            "afgelopen twee weken er al in: haal weg wat niet hoeft en zet ze in de volgorde die je wilt."
        ),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False)
    scheduled_at = models.DateTimeField(_("ingepland voor"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("mailing_list"), FieldPanel("language")]),
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("items"),
    ]

    class Meta:
        verbose_name = _("nieuwsbrief")
        verbose_name_plural = _("nieuwsbrieven")
        ordering = ["-created_at"]
        permissions = [("send_issue", _("Mag nieuwsbrieven versturen"))]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    # In the archive from the moment the first mail goes out: the mails link to it, and a large list takes a while.
    ARCHIVED = (Status.SENDING, Status.SENT)

    @property
    def in_archive(self) -> bool:
        return self.status in self.ARCHIVED

    @property
    def archive_date(self) -> datetime.datetime:
        return self.sent_at or self.created_at or timezone.now()

    def recipients(self) -> models.QuerySet[Subscriber]:
        """Confirmed subscribers of this issue's list who chose its language."""
        return Subscriber.objects.confirmed().filter(lists=self.mailing_list, language=self.language)

    @classmethod
    def proposed_items(cls, now: datetime.datetime | None = None) -> list[tuple[str, object]]:
        """The items to start a new issue with: the last two weeks' news and publications, and the events of the
        next two weeks (Dutch originals; the mail shows them in the issue's language)."""
        from events.models import Event
        from news.models import NewsPage
        from research.models import PublicationPage

        now = now or timezone.now()
        since = now - datetime.timedelta(days=PROPOSE_DAYS)
        news = NewsPage.objects.live().public().filter(locale__language_code="nl", publication_date__gte=since)
        publications = (
            PublicationPage.objects.live()
            .public()
            .filter(locale__language_code="nl", publication_date__gte=since.date())
        )
        events = Event.objects.published().upcoming(now).filter(start__lt=now + datetime.timedelta(days=PROPOSE_DAYS))
        return [
            *(("news", page) for page in news.order_by("-publication_date")[:20]),
            *(("publication", page) for page in publications.order_by("-publication_date")[:10]),
            *(("event", event) for event in events.order_by("start")[:10]),
        ]

    # Preview as a subscriber sees it: the mail's HTML and its plain-text part (Wagtail's preview panel also
    # offers a phone width).
    @property
    def preview_modes(self):
        return [("", _("Mail (HTML)")), ("text", _("Platte tekst"))]

    def serve_preview(self, request, mode_name):
        from django.http import HttpResponse

        from newsletter.rendering import render_issue

        rendered = render_issue(self, request=request)
        if mode_name == "text":
            return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
        return HttpResponse(rendered.html)


class Delivery(models.Model):
    """One recipient of one issue: whether the mail went out, and what the provider reported back."""

    class Status(models.TextChoices):
        PENDING = "pending", _("wacht")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")
        FAILED = "failed", _("mislukt")
        BOUNCED = "bounced", _("onbestelbaar")
        COMPLAINED = "complained", _("als spam gemeld")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    # Unsubscribing deletes the address; the record stays, without it, so the issue's figures stay right.
    subscriber = models.ForeignKey(Subscriber, on_delete=models.SET_NULL, null=True, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=255, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")
        constraints = [models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_delivery_once")]

    def __str__(self) -> str:
        return f"{self.issue_id}/{self.pk}: {self.status}"

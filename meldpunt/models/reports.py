"""A report (melding) to the hotline, its referrals, its case history and the log of who read it.

Privacy: `__str__` and `repr` give only the reference, because Wagtail's log entries, error reports and the
reference index store or print them; the description and the contact never leave these columns (no search
index, API, feed or log), and `contact` is encrypted at rest (meldpunt/encryption.py).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from meldpunt.encryption import EncryptedTextField

REFERENCE_PREFIX = "MVD"


class Channel(models.TextChoices):
    PHONE = "phone", _("telefoon")
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("e-mail")
    LETTER = "letter", _("brief")
    VISIT = "visit", _("bezoek")
    OTHER = "other", _("anders")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("normaal")
    URGENT = "urgent", _("urgent")


class Status(models.TextChoices):
    REGISTERED = "registered", _("geregistreerd")
    REFERRED = "referred", _("doorverwezen naar advocaat")
    COMPLAINT_FILED = "complaint_filed", _("klacht ingediend")
    ANSWERED = "answered", _("beantwoord")
    CLOSED = "closed", _("afgesloten")


class Outcome(models.TextChoices):
    RESOLVED = "resolved", _("opgelost")
    PARTLY_RESOLVED = "partly_resolved", _("deels opgelost")
    NOT_RESOLVED = "not_resolved", _("niet opgelost")
    WITHDRAWN = "withdrawn", _("ingetrokken")
    UNKNOWN = "unknown", _("onbekend")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Status.CLOSED)


class Report(ClusterableModel):
    """A report to the Meldpunt: what happened where, and how it is followed up. No name, no V-number."""

    reference = models.CharField(
        _("kenmerk"),
        max_length=20,
        unique=True,
        editable=False,
        help_text=_("Geef dit kenmerk aan de beller: daarmee vind je de melding terug als hij of zij terugbelt."),
    )
    received_on = models.DateField(
        _("ontvangen op"), default=timezone.localdate, help_text=_("De dag van het telefoontje of bericht.")
    )
    channel = models.CharField(
        _("via"),
        max_length=20,
        choices=Channel.choices,
        default=Channel.PHONE,
        help_text=_("Hoe de melding binnenkwam."),
    )
    location = models.ForeignKey(
        "meldpunt.DetentionLocation",
        verbose_name=_("locatie"),
        on_delete=models.PROTECT,
        related_name="reports",
        help_text=_("Waar de melder vastzit of vastzat."),
    )
    topics = models.ManyToManyField(
        "meldpunt.Topic",
        verbose_name=_("onderwerpen"),
        related_name="reports",
        help_text=_("Kies alles wat past."),
    )
    description = models.TextField(
        _("beschrijving"),
        blank=True,
        help_text=_("Kort wat er is gebeurd. Geen naam of V-nummer. Wordt na de bewaartermijn verwijderd."),
    )
    urgency = models.CharField(
        _("urgentie"),
        max_length=10,
        choices=Urgency.choices,
        default=Urgency.NORMAL,
        help_text=_("Urgent: na twee dagen zonder actie verschijnt de melding op het dashboard."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.REGISTERED,
        help_text=_("Bij afgesloten worden de contactgegevens meteen verwijderd."),
    )
    outcome = models.CharField(
        _("uitkomst"),
        max_length=20,
        choices=Outcome.choices,
        blank=True,
        help_text=_("Wat de opvolging heeft opgeleverd."),
    )
    closed_on = models.DateField(
        _("afgesloten op"), null=True, blank=True, help_text=_("Wordt ingevuld als je de status op afgesloten zet.")
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgevolgd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wie van het Meldpunt de melding opvolgt."),
    )
    follow_up_on = models.DateField(
        _("opvolgen op"), null=True, blank=True, help_text=_('Staat die week in "Mijn opvolgingen deze week".')
    )
    contact = EncryptedTextField(
        _("contactgegevens"),
        blank=True,
        help_text=_(
            "Alleen als je moet terugbellen of schrijven. Versleuteld opgeslagen en verwijderd zodra de melding "
            "wordt afgesloten."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    redacted_on = models.DateField(
        _("geschoond op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wanneer de bewaartermijn beschrijving en contactgegevens verwijderde; de telling blijft."),
    )

    # Set by the spreadsheet import (meldpunt/importing.py): its undo removes the reports nobody changed since.
    import_batch = models.ForeignKey(
        "meldpunt.ReportImport",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="reports",
    )

    objects = ReportQuerySet.as_manager()
    # Wagtail's reference index ("usage") would keep a row per report; nothing links to a report anyway.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["status", "urgency"]), models.Index(fields=["received_on"])]
        # Seeing the counts (never a report) is a permission of MeldpuntCounts, not of this model (see there).

    def __str__(self) -> str:
        return self.reference or str(_("nieuwe melding"))

    def __repr__(self) -> str:
        return f"<Report {self.reference or self.pk}>"

    def apply_status(self) -> None:
        """What the status implies, also for reports written in bulk (the import): contact details exist only to
        follow a case up, so they go the moment it closes; only a closed report has a closing date."""
        if self.status == Status.CLOSED:
            self.contact = ""
            self.closed_on = self.closed_on or timezone.localdate()
        else:
            self.closed_on = None

    def save(self, *args, **kwargs):
        self.apply_status()
        if self.reference:
            return super().save(*args, **kwargs)
        # The next number of the year; two intern registering at once: the unique index refuses one, it retries.
        for _attempt in range(5):
            self.reference = next_reference(self.received_on)
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not Report.objects.filter(reference=self.reference).exists():
                    raise
        raise IntegrityError("no free report reference")

    @property
    def is_urgent(self) -> bool:
        return self.urgency == Urgency.URGENT


def next_reference(received_on: datetime.date | str) -> str:
    year = received_on.year if isinstance(received_on, datetime.date) else timezone.localdate().year
    return next_references(year, 1)[0]


def next_references(year: int, count: int) -> list[str]:
    """The next `count` free references of `year` (one query), for one report or a whole import."""
    prefix = f"{REFERENCE_PREFIX}-{year}-"
    last = (
        Report.objects.filter(reference__startswith=prefix).order_by("-reference").values_list("reference", flat=True)
    ).first()
    first = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return [f"{prefix}{number:04d}" for number in range(first, first + count)]


class Referral(models.Model):
    """A referral of a report to a lawyer or organisation, with its date."""

    report = ParentalKey(Report, on_delete=models.CASCADE, related_name="referrals")
    referred_on = models.DateField(
        _("doorverwezen op"), default=timezone.localdate, help_text=_("De dag van de doorverwijzing.")
    )
    referred_to = models.CharField(
        _("doorverwezen naar"),
        max_length=150,
        help_text=_(
            "Het advocatenkantoor of de organisatie, geen naam van een persoon. Blijft na de bewaartermijn, zoals "
            "de locatie."
        ),
    )
    note = models.CharField(
        _("notitie"),
        max_length=255,
        blank=True,
        help_text=_("Kort, zonder namen. Wordt na de bewaartermijn verwijderd, met de beschrijving."),
    )

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        ordering = ["referred_on", "pk"]

    def __str__(self) -> str:
        return f"{self.referred_to} ({self.referred_on})"


class NamesItsAuthor(models.Model):
    """An entry that says who did something, also after their account is deleted (`user` is SET_NULL): `username`
    keeps who it was. The case history and the access log are evidence; removing a departed intern's account
    erased their name from every entry."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("door"), max_length=150, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.user is not None and not self.username:
            self.username = self.user.get_username()
        return super().save(*args, **kwargs)


class ReportChange(NamesItsAuthor):
    """One entry in a report's case history: who changed which fields when (never the text itself)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(_("op"), default=timezone.now)
    summary = models.CharField(_("wat"), max_length=500)

    class Meta:
        verbose_name = _("wijziging van een melding")
        verbose_name_plural = _("wijzigingen van meldingen")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return self.summary


class AccessKind(models.TextChoices):
    # No "exported": no download holds a report (the only downloads are the public counts), docs/meldpunt.md.
    VIEWED = "viewed", _("bekeken")
    CONTACT_VIEWED = "contact_viewed", _("contactgegevens bekeken")


class ReportAccess(NamesItsAuthor):
    """Who opened a report's description when: the access log only the Meldpunt reads. Kept after retention, and
    after the reader's account is deleted (NamesItsAuthor)."""

    report = models.ForeignKey(Report, null=True, on_delete=models.SET_NULL, related_name="accesses")
    reference = models.CharField(_("kenmerk"), max_length=20)
    at = models.DateTimeField(_("op"), default=timezone.now, db_index=True)
    what = models.CharField(_("wat"), max_length=20, choices=AccessKind.choices, default=AccessKind.VIEWED)

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagen")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference} {self.what}"

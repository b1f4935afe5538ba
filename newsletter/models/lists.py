"""Mailing lists and their subscribers.

A subscriber is one e-mail address with the lists and the language it chose. It counts as subscribed only once
`confirmed_at` is set (double opt-in: the confirmation link in the mail was followed). Unconfirmed addresses are
deleted after `NEWSLETTER_UNCONFIRMED_DAYS` days (newsletter/retention.py); unsubscribing deletes the address.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Een kleur als #0b4f6c: een hekje en zes tekens 0-9 of a-f."))


class MailingList(models.Model):
    """A newsletter list ("LOS nieuws", "iLegalevrouw") with its own sender name and look."""

    name = models.CharField(_("naam"), max_length=80, unique=True, help_text=_("Zoals abonnees de lijst kennen."))
    slug = models.SlugField(
        _("korte naam"), max_length=40, unique=True, help_text=_("Voor adressen, bijv. los-nieuws.")
    )
    description = models.CharField(
        _("omschrijving"),
        max_length=200,
        blank=True,
        help_text=_("Eén zin bij het vinkje op het aanmeldformulier: voor wie is deze nieuwsbrief?"),
    )
    sender_name = models.CharField(
        _("naam afzender"), max_length=80, help_text=_("Staat als afzender in de mailbox van de abonnee.")
    )
    reply_to = models.EmailField(
        _("antwoordadres"), blank=True, help_text=_("Waar antwoorden op de nieuwsbrief aankomen. Mag leeg blijven.")
    )
    colour = models.CharField(
        _("kleur"),
        max_length=7,
        default="#0b4f6c",
        validators=[COLOUR],
        help_text=_("De kleur van de kop van de mail, bijv. #0b4f6c. Kies een donkere kleur: de tekst erop is wit."),
    )
    footer_text = models.TextField(
        _("tekst onderaan"),
        blank=True,
        max_length=500,
        help_text=_("Staat onder elke mail van deze lijst, bijv. wie de afzender is en waarom je dit krijgt."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("sender_name"), FieldPanel("reply_to"), FieldPanel("colour"), FieldPanel("footer_text")],
            heading=_("Afzender en uiterlijk"),
        ),
    ]

    class Meta:
        verbose_name = _("nieuwsbrieflijst")
        verbose_name_plural = _("nieuwsbrieflijsten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def from_email(self) -> str:
        """The From header: this list's name with the site's sending address (one address keeps SPF/DKIM simple)."""
        from email.utils import formataddr, parseaddr

        return formataddr((self.sender_name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self) -> SubscriberQuerySet:
        return self.filter(confirmed_at__isnull=False)

    def with_address(self, email: str) -> SubscriberQuerySet:
        return self.filter(email__iexact=email.strip())


class Subscriber(models.Model):
    """One e-mail address, the lists and the language it chose, and when it gave and confirmed consent."""

    class Source(models.TextChoices):
        FORM = "form", _("aanmeldformulier")
        IMPORT = "import", _("import van de oude lijst")

    email = models.EmailField(
        _("e-mailadres"), max_length=254, help_text=_("Alleen te wijzigen door de abonnee zelf (opnieuw aanmelden).")
    )
    lists = models.ManyToManyField(
        MailingList,
        verbose_name=_("lijsten"),
        related_name="subscribers",
        help_text=_("De nieuwsbrieven die deze abonnee ontvangt. Wijzig alleen op verzoek van de abonnee."),
    )
    language = models.CharField(_("taal"), max_length=8, default="nl", help_text=_("De taal van de mails."))
    # The secret behind the signed links in every mail; a new key makes every earlier link invalid.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    source = models.CharField(
        _("herkomst"),
        max_length=10,
        choices=Source.choices,
        default=Source.FORM,
        help_text=_("Via het aanmeldformulier of uit de import van de oude lijst."),
    )
    consent_at = models.DateTimeField(
        _("toestemming gegeven"),
        null=True,
        blank=True,
        help_text=_("Wanneer de abonnee toestemming gaf. Leeg: geïmporteerd uit de oude lijst, die geen datum had."),
    )
    confirmed_at = models.DateTimeField(
        _("bevestigd"),
        null=True,
        blank=True,
        help_text=_("Leeg: de abonnee heeft de bevestigingslink nog niet gevolgd."),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    # Also set when the lists change (`_lists_changed` below): undoing an import keeps whoever chose again since.
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    import_batch = models.ForeignKey(
        "newsletter.SubscriberImport",
        verbose_name=_("import"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="subscribers",
        help_text=_("De import van de oude lijst waaruit dit adres komt."),
    )

    objects = SubscriberQuerySet.as_manager()

    panels = [FieldPanel("lists"), FieldPanel("language")]

    class Meta:
        verbose_name = _("abonnee")
        verbose_name_plural = _("abonnees")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_unique_email")]

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


@receiver(m2m_changed, sender=Subscriber.lists.through)
def _lists_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """A change of lists is a change of the subscriber (`lists.set()` does not save it)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    changed = (pk_set or ()) if reverse else (instance.pk,)
    Subscriber.objects.filter(pk__in=changed).update(updated_at=timezone.now())

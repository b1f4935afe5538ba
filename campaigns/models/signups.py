"""Sign-up forms (petition, pledge, "keep me informed", coalition sign-on) on Wagtail's form builder.

Privacy by design: no IP address or user agent is stored, every form has a consent checkbox and a retention
period (`purge_submissions` deletes or anonymises what is older), and a form can e-mail submissions without
storing them at all. The counter is a plain number in a table of its own, so publishing a new revision of the
page never resets it.
"""

from __future__ import annotations

from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from caching.fragments import invalidate_fragments
from campaigns.signups import NotificationNotSent, SignupFormBuilder, notify_quietly, send_notification
from home.fields import optional_link
from home.mixins import FormTargetMixin
from security.downloads import without_bidi_controls
from security.honeypot import HONEYPOT_FIELD, honeypot_field

# Who may read sign-ups decides where they go: the destination address, storing them at all and how long they
# are kept are editable only with this permission (the field is left out of the form for everyone else, so a
# posted value is ignored, not just hidden). Issue 17: a Redactie member mailed sign-ups to an outside address.
SIGNUP_DATA_PERMISSION = "campaigns.view_signupsubmission"
CONSENT_FIELD = "privacy_consent"
ORGANISATION_FIELD = "organisation"


class SignupFormField(AbstractFormField):
    """One question on a sign-up form, as the editor defines it."""

    page = ParentalKey("campaigns.SignupFormPage", on_delete=models.CASCADE, related_name="form_fields")
    # Wagtail's own fields, declared again for a Dutch help text for editors.
    field_type = models.CharField(
        verbose_name=_("soort veld"),
        max_length=16,
        choices=FORM_FIELD_CHOICES,
        help_text=_("Wat voor antwoord: een regel tekst, een e-mailadres, een keuzelijst, een vinkje, ..."),
    )
    required = models.BooleanField(
        verbose_name=_("verplicht"), default=True, help_text=_("Moet iemand dit invullen om te kunnen versturen?")
    )
    help_text = models.CharField(
        verbose_name=_("uitleg"),
        max_length=255,
        blank=True,
        help_text=_("Een korte uitleg die onder de vraag staat, zoals deze."),
    )


class SignupSubmission(AbstractFormSubmission):
    """One sign-up. Holds only what the visitor typed: never an IP address or a user agent."""

    organisation = models.CharField(
        _("organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Bij een ondertekening door organisaties: de naam die publiek kan worden getoond."),
    )
    approved = models.BooleanField(
        _("goedgekeurd voor publicatie"),
        default=False,
        help_text=_("Alleen goedgekeurde organisaties staan op de website in de lijst van ondertekenaars."),
    )
    anonymised = models.BooleanField(
        _("geanonimiseerd"),
        default=False,
        help_text=_("De bewaartermijn is voorbij: de ingevulde gegevens zijn gewist, alleen de datum telt nog mee."),
    )

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")

    def __str__(self) -> str:
        # Not the raw UTC timestamp: the local date and time, as the admin's lists show them.
        if self.organisation:
            return self.organisation
        when = date_format(timezone.localtime(self.submit_time), "DATETIME_FORMAT")
        return _("Aanmelding van %(time)s") % {"time": when}


class SignupCounter(models.Model):
    """The public number of sign-ups of one form (also counts sign-ups that were only e-mailed)."""

    page = models.OneToOneField("campaigns.SignupFormPage", on_delete=models.CASCADE, related_name="counter")
    count = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        verbose_name = _("teller")

    def __str__(self) -> str:
        return str(self.count)

    @classmethod
    def increment(cls, page: SignupFormPage) -> None:
        counter, _created = cls.objects.get_or_create(page=page)
        cls.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        # An update sends no signal: the next visitor must see the counter move, not a cached page. The proxy
        # is not purged per signature (caching/purge.py): it follows within PUBLIC_CACHE_MAX_AGE.
        invalidate_fragments(purge_proxy=False)


class SignupFormPage(FormTargetMixin, AbstractEmailForm):
    """A petition, pledge, newsletter or coalition sign-on form that respects the privacy of who signs."""

    # The thank-you page after signing (`?bedankt=1`) is the same for everyone (caching/page_cache.py).
    cache_query_params = ("bedankt",)

    class Kind(models.TextChoices):
        PETITION = "petition", _("Petitie")
        PLEDGE = "pledge", _("Belofte")
        NEWSLETTER = "newsletter", _("Houd mij op de hoogte")
        COALITION = "coalition", _("Ondertekening door organisaties")

    class Expiry(models.TextChoices):
        DELETE = "delete", _("Verwijderen")
        ANONYMISE = "anonymise", _("Anonimiseren (alleen het aantal blijft)")

    # Wagtail's own e-mail fields, declared again for a Dutch help text for editors.
    from_address = models.EmailField(
        verbose_name=_("afzender"),
        max_length=255,
        blank=True,
        help_text=_(
            "Het adres waarvan de melding van een nieuwe aanmelding komt, bijvoorbeeld noreply@stichtinglos.nl."
        ),
    )
    subject = models.CharField(
        verbose_name=_("onderwerp"),
        max_length=255,
        blank=True,
        help_text=_("Onderwerpregel van de e-mail over een nieuwe aanmelding."),
    )

    kind = models.CharField(
        _("soort formulier"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.PETITION,
        help_text=_(
            "Bij 'ondertekening door organisaties' vraagt het formulier de naam van de organisatie; die komt pas "
            "op de website als een moderator de ondertekening goedkeurt."
        ),
    )
    intro = models.TextField(
        _("introductie"),
        max_length=600,
        blank=True,
        help_text=_("Waarom tekenen? Eén of twee korte alinea's boven het formulier."),
    )
    button_label = models.CharField(
        _("tekst op de knop"),
        max_length=40,
        default=_("Teken"),
        help_text=_("Bijvoorbeeld 'Teken de petitie' of 'Meld mij aan'."),
    )
    thank_you_text = models.TextField(
        _("bedankt-tekst"),
        max_length=600,
        blank=True,
        help_text=_("Wat bezoekers zien na het versturen."),
    )
    consent_text = models.TextField(
        _("toestemmingstekst"),
        max_length=600,
        default=_(
            "Ik geef toestemming om mijn gegevens voor deze actie te gebruiken. Ze worden niet gedeeld en na de "
            "bewaartermijn verwijderd."
        ),
        help_text=_("Staat naast het verplichte vinkje. Zeg waarvoor de gegevens zijn en hoe lang ze blijven."),
    )
    privacy_page = optional_link(
        "wagtailcore.Page",
        _("privacyverklaring"),
        _("De pagina met de privacyverklaring; het formulier linkt ernaar."),
    )
    store_submissions = models.BooleanField(
        _("aanmeldingen bewaren"),
        default=True,
        help_text=_(
            "Uit: aanmeldingen worden alleen gemaild naar het adres hieronder en nergens bewaard "
            "('alleen e-mail, niets bewaren'). De teller telt wel mee."
        ),
    )
    retention_days = models.PositiveIntegerField(
        _("bewaartermijn in dagen"),
        default=365,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("Na zoveel dagen worden aanmeldingen automatisch verwijderd of geanonimiseerd."),
    )
    on_expiry = models.CharField(
        _("na de bewaartermijn"),
        max_length=20,
        choices=Expiry.choices,
        default=Expiry.DELETE,
        help_text=_("Anonimiseren wist alle ingevulde gegevens maar houdt de aanmelding mee in het aantal."),
    )
    show_counter = models.BooleanField(
        _("teller tonen"),
        default=False,
        help_text=_("Toon publiek hoeveel mensen of organisaties al getekend hebben."),
    )
    counter_goal = models.PositiveIntegerField(
        _("doel"),
        null=True,
        blank=True,
        help_text=_("Optioneel: het aantal handtekeningen dat je wilt halen. Wordt naast de teller getoond."),
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("kind"),
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Vragen op het formulier"), label=_("vraag")),
        FieldPanel("button_label"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("show_counter"), FieldPanel("counter_goal")],
            heading=_("Teller"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Vraag alleen wat je echt nodig hebt. Het IP-adres en de browser van bezoekers worden "
                        "nooit bewaard."
                    )
                ),
                FieldPanel("consent_text"),
                FieldPanel("privacy_page"),
                FieldPanel("store_submissions", permission=SIGNUP_DATA_PERMISSION),
                FieldRowPanel(
                    [
                        FieldPanel("retention_days", permission=SIGNUP_DATA_PERMISSION),
                        FieldPanel("on_expiry", permission=SIGNUP_DATA_PERMISSION),
                    ]
                ),
            ],
            heading=_("Privacy"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("to_address", permission=SIGNUP_DATA_PERMISSION),
                FieldPanel("from_address"),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]
    # Never the submissions, never the e-mail settings: only what the public page shows.
    api_fields = [APIField("kind"), APIField("intro"), APIField("show_counter"), APIField("public_count")]

    # wagtail-localize would offer the destination address for translation: a translator could send the English
    # form's sign-ups anywhere. Translations keep the source's address.
    override_translatable_fields = [SynchronizedField("to_address")]

    parent_page_types = ["campaigns.CampaignPage", "campaigns.ProjectPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("aanmeldformulier")
        verbose_name_plural = _("aanmeldformulieren")

    def clean(self) -> None:
        super().clean()
        if not self.store_submissions and not self.to_address:
            raise ValidationError(
                {"to_address": _("Als aanmeldingen niet bewaard worden, moeten ze naar een e-mailadres gaan.")}
            )

    # Form ----------------------------------------------------------------------------------------------------

    form_builder = SignupFormBuilder

    def get_form_class(self):
        base = super().get_form_class()
        attrs: dict = {}
        if self.kind == self.Kind.COALITION:
            attrs[ORGANISATION_FIELD] = forms.CharField(label=_("Naam van je organisatie"), max_length=200)
            attrs["field_order"] = [ORGANISATION_FIELD]
        attrs[CONSENT_FIELD] = forms.BooleanField(
            label=self.consent_text,
            required=True,
            error_messages={"required": _("Zonder je toestemming kunnen wij je aanmelding niet verwerken.")},
        )
        attrs[HONEYPOT_FIELD] = honeypot_field()
        return type("SignupForm", (base,), attrs)

    def get_data_fields(self):
        fields = super().get_data_fields()
        if self.kind == self.Kind.COALITION:
            fields.insert(1, (ORGANISATION_FIELD, _("Organisatie")))
        fields.append((CONSENT_FIELD, _("Toestemming")))
        return fields

    def get_submission_class(self):
        return SignupSubmission

    def get_submissions_list_view_class(self):
        from campaigns.exports import SignupSubmissionsListView

        return SignupSubmissionsListView

    def process_form_submission(self, form):
        """Store (or only e-mail) what the visitor typed and count it, all or nothing. The honeypot is never kept.

        Without storage the staff mail is the only copy: if it cannot be sent, nothing is counted and
        `NotificationNotSent` says so (campaigns/signups.py asks the visitor to try again). A stored sign-up gets
        its mail once it is committed, and a failing mail server does not undo it."""
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        with transaction.atomic():
            submission = None
            if self.store_submissions:
                submission = SignupSubmission.objects.create(
                    page=self,
                    form_data=form.cleaned_data,
                    organisation=form.cleaned_data.get(ORGANISATION_FIELD, ""),
                )
            SignupCounter.increment(self)
            if submission is None and self.to_address:
                try:
                    self.send_mail(form)
                except Exception as error:  # whatever failed, the sign-up would be lost: undo it
                    raise NotificationNotSent(type(error).__name__) from error
        if submission is not None and self.to_address:
            transaction.on_commit(partial(notify_quietly, self, form))
        return submission

    def send_mail(self, form):
        send_notification(self, form)  # every header one line, a subject also when the editor gave none

    def render_email(self, form):
        # A visitor's direction override could make an answer read differently in the staff mail.
        return without_bidi_controls(super().render_email(form))

    # Public numbers ------------------------------------------------------------------------------------------

    @property
    def public_count(self) -> int | None:
        """Sign-ups of this petition in all its languages: a Dutch and an English page are one petition (one
        query; each language keeps its own counter row, so a sign-up still only touches its own)."""
        if not self.show_counter:
            return None
        counters = SignupCounter.objects.filter(page__translation_key=self.translation_key)
        return counters.aggregate(total=Sum("count"))["total"] or 0

    def approved_organisations(self) -> list[str]:
        """Names of organisations whose sign-on a moderator approved, for the public list: in every language of
        the form, as the counter (a Dutch and an English page are one call to sign)."""
        return list(
            SignupSubmission.objects.filter(page__translation_key=self.translation_key, approved=True)
            .exclude(organisation="")
            .order_by("organisation")
            .values_list("organisation", flat=True)
        )

    # Serving -------------------------------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        """GET only: the form posts to `campaigns:signup_submit` (see campaigns/views.py for why)."""
        from campaigns.signups import render_form_page, render_landing

        if request.GET.get("bedankt"):
            return render_landing(request, self)
        return render_form_page(request, self, self.get_form(page=self, user=request.user))

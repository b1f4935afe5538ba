"""The pages visitors see: the newsletter page (/nieuwsbrief/: subscribe, and the archive under it) and the
"Steun LOS" page (ANBI status, bank account, what a gift pays for).

Both are cacheable for anonymous visitors: the subscribe form carries no CSRF token (it posts to
`newsletter:subscribe`, see newsletter/views.py), and answers to posted forms are never cached
(caching/cache_control.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES, body_field
from home.mixins import FormTargetMixin, IntroMixin
from multilingual.languages import enabled_languages
from newsletter.models.issues import Issue
from newsletter.models.lists import MailingList

ARCHIVE_PER_PAGE = 24


class NewsletterPage(FormTargetMixin, RoutablePageMixin, IntroMixin, Page):
    """The subscribe form of one site (/nieuwsbrief/), its thank-you step and the archive of sent issues."""

    lists = ParentalManyToManyField(
        MailingList,
        verbose_name=_("nieuwsbrieven"),
        help_text=_("Welke nieuwsbrieven bezoekers op deze pagina kunnen kiezen; hun archief staat eronder."),
    )
    privacy_text = RichTextField(
        _("privacytekst"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Staat onder het formulier: wat je met het adres doet en hoe iemand zich afmeldt."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("lists"), FieldPanel("privacy_text")]
    override_translatable_fields = [SynchronizedField("lists")]
    parent_page_types = ["home.HomePage", "campaigns.MicrositeHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("nieuwsbriefpagina")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["confirm_days"] = settings.NEWSLETTER_CONFIRM_DAYS
        return context

    def form(self, request: HttpRequest, data=None):
        from newsletter.forms import SubscribeForm

        return SubscribeForm(data, lists=self.lists.all(), languages=enabled_languages(request))

    def render_form(self, request: HttpRequest, form, *, status: int = 200, error: str = "") -> TemplateResponse:
        context = self.get_context(request)
        context.update({"form": form, "form_error": error})
        return TemplateResponse(request, "newsletter/newsletter_page.html", context, status=status)

    @path("")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        return self.render_form(request, self.form(request))

    @path("bedankt/")
    def thanks_route(self, request: HttpRequest) -> HttpResponse:
        return TemplateResponse(request, "newsletter/thanks.html", self.get_context(request))

    def archived_issues(self):
        return Issue.objects.filter(
            status__in=Issue.ARCHIVED, mailing_list__in=self.lists.all(), language=self.locale.language_code
        ).order_by("-sent_at")

    @path("archief/")
    def archive_route(self, request: HttpRequest) -> HttpResponse:
        context = self.get_context(request)
        context["issues"] = self.archived_issues().select_related("mailing_list")[:ARCHIVE_PER_PAGE]
        return TemplateResponse(request, "newsletter/archive.html", context)

    @path("archief/<int:issue_id>/")
    def issue_route(self, request: HttpRequest, issue_id: int) -> HttpResponse:
        from newsletter.rendering import render_issue
        from security.converters import MAX_DB_ID

        if issue_id > MAX_DB_ID:  # routes are compiled with the model, before the `db_id` converter is registered
            raise Http404
        issue = get_object_or_404(self.archived_issues().select_related("mailing_list"), pk=issue_id)
        context = self.get_context(request)
        context.update({"issue": issue, "rendered": render_issue(issue, request=request)})
        return TemplateResponse(request, "newsletter/archive_issue.html", context)


class SupportPage(IntroMixin, Page):
    """ "Steun LOS": ANBI status and RSIN, the bank account, what a gift pays for and periodic gifts explained.

    Deliberately no payment provider: nothing on the page comes from another host, and a visitor gives by bank
    transfer from their own bank's app."""

    anbi_text = models.CharField(
        _("ANBI-status"),
        max_length=200,
        blank=True,
        help_text=_("Bijv. 'Stichting LOS is door de Belastingdienst erkend als ANBI.'"),
    )
    rsin = models.CharField(
        _("RSIN"), max_length=12, blank=True, help_text=_("Het fiscaal nummer van de stichting (9 cijfers).")
    )
    iban = models.CharField(
        _("IBAN"), max_length=40, help_text=_("Het rekeningnummer voor giften, bijv. NL00 BANK 0123 4567 89.")
    )
    account_holder = models.CharField(
        _("ten name van"), max_length=120, help_text=_("De naam waarop de rekening staat.")
    )
    transfer_reference = models.CharField(
        _("omschrijving bij overmaken"),
        max_length=80,
        blank=True,
        help_text=_("Wat mensen bij de overboeking kunnen zetten, bijv. 'Gift LOS'."),
    )
    body = body_field(help_text=_("Wat een gift betaalt: voorbeelden, bedragen, verhalen."))
    home_page_ask = models.BooleanField(
        _("oproep op de homepagina"),
        default=True,
        help_text=_(
            "Toon 'Steun LOS' naast de andere oproepen op de homepagina, met de titel en de introductie van deze "
            "pagina. Zet uit als je even niet om giften vraagt."
        ),
    )
    periodic_gifts = RichTextField(
        _("periodiek schenken"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Leg uit hoe een periodieke gift werkt (vijf jaar, volledig aftrekbaar) en hoe je die regelt."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("home_page_ask"),
        MultiFieldPanel(
            [
                FieldPanel("iban"),
                FieldPanel("account_holder"),
                FieldPanel("transfer_reference"),
                FieldPanel("anbi_text"),
                FieldPanel("rsin"),
            ],
            heading=_("Gegevens voor een gift"),
        ),
        FieldPanel("body"),
        FieldPanel("periodic_gifts"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = [SynchronizedField("iban"), SynchronizedField("rsin")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("steunpagina")

    @property
    def iban_compact(self) -> str:
        """The account number without spaces, as banking apps want it pasted."""
        return "".join(self.iban.split()).upper()

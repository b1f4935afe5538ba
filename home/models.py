"""The base content model: home page, content pages, themes and the per-site settings."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import body_field
from home.previews import SharePreviewMixin


class Theme(TranslatableMixin, models.Model):
    """One of LOS's themes (basic rights, routes to legal residence, control and detention)."""

    name = models.CharField(_("naam"), max_length=100, help_text=_("Zoals bezoekers het thema zien."))
    slug = models.SlugField(
        _("korte naam voor adressen"),
        max_length=100,
        help_text=_("Kleine letters en streepjes, bijvoorbeeld 'basisrechten'. Wordt gebruikt in filteradressen."),
    )
    description = models.TextField(
        _("omschrijving"),
        blank=True,
        max_length=500,
        help_text=_("Eén of twee zinnen over wat dit thema omvat."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lagere getallen komen eerst in lijsten en filters.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def names_in_active_language(cls) -> dict[str, str]:
        """{translation key: name} of the themes translated into the active language (cached until any theme,
        page or setting changes: home/fragments.py)."""
        from django.core.cache import cache
        from django.utils import translation

        from home.fragments import fragment_timeout, fragment_version

        language = translation.get_language() or settings.LANGUAGE_CODE
        key = f"theme-names:{language}:{fragment_version()}"
        names = cache.get(key)
        if names is None:
            rows = cls.objects.filter(locale__language_code=language).values_list("translation_key", "name")
            names = {str(translation_key): name for translation_key, name in rows}
            cache.set(key, names, fragment_timeout())
        return names


class HomePage(Page):
    """The front page of a site: a welcome, the themes, and blocks the editors choose."""

    intro = models.TextField(
        _("introductie"),
        max_length=400,
        blank=True,
        help_text=_("De eerste zinnen die bezoekers lezen: wie LOS is en wat het doet. Maximaal 400 tekens."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hoofdafbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optioneel. Een rustige foto; de tekst staat er niet overheen."),
    )
    hero_image_alt = models.CharField(
        _("alternatieve tekst hoofdafbeelding"),
        max_length=250,
        blank=True,
        help_text=_("Beschrijf de foto voor wie hem niet kan zien. Verplicht als u een afbeelding kiest."),
    )
    body = body_field(help_text=_("Blokken onder de introductie, zoals een oproep of veelgestelde vragen."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hoofdafbeelding")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("hero_image"), APIField("hero_image_alt"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "news.NewsIndexPage",
        "research.PublicationIndexPage",
        "research.FunderIndexPage",
        "events.EventIndexPage",
        "campaigns.CampaignIndexPage",
        "campaigns.ProjectIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("homepagina")

    def clean(self) -> None:
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": _("Beschrijf de afbeelding voor wie hem niet kan zien.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = Theme.objects.filter(locale_id=self.locale_id)
        return context


class ContentPage(SharePreviewMixin, Page):
    """An about or helpdesk page: an intro, a body of blocks and the date its content was last checked."""

    intro = models.TextField(
        _("introductie"),
        max_length=400,
        blank=True,
        help_text=_("Waar gaat deze pagina over? Wordt ook gebruikt in overzichten en bij delen."),
    )
    body = body_field()
    last_checked = models.DateField(
        _("laatst gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer is gecontroleerd dat deze informatie nog klopt? Bezoekers zien deze datum. "
            "Vooral belangrijk bij helpdeskpagina's over regels en procedures."
        ),
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("thema's"),
        blank=True,
        help_text=_("Bij welke thema's hoort deze pagina?"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                HelpPanel(content=_("Controleer helpdeskpagina's minstens één keer per half jaar.")),
                FieldPanel("last_checked"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Controle en thema's"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body"), APIField("last_checked"), APIField("themes")]
    override_translatable_fields = [SynchronizedField("last_checked"), SynchronizedField("themes")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage", "research.FunderIndexPage"]

    class Meta:
        verbose_name = _("inhoudspagina")
        verbose_name_plural = _("inhoudspagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific().defer_streamfields()
        return context


SOCIAL_HELP = _("Het volledige adres van het account, bijvoorbeeld https://... Laat leeg als LOS er geen heeft.")


# Site settings ---------------------------------------------------------------------------------------------
# Per site (BaseSiteSetting), so the iLegalevrouw microsite has its own navigation, footer and contact details.


class LinkFields(models.Model):
    """A link to a page on this site or to another address, with an optional label."""

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kies een pagina op deze website ..."),
    )
    link_url = models.URLField(_("extern adres"), blank=True, help_text=_("... of vul een adres elders in."))
    label = models.CharField(
        _("tekst"),
        max_length=60,
        blank=True,
        help_text=_("Laat leeg om de titel van de pagina te gebruiken."),
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("label")]

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label or (self.link_page.title if self.link_page_id else self.link_url)

    def clean(self) -> None:
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Kies een pagina óf vul een extern adres in."))
        if self.link_url and not self.label:
            raise ValidationError({"label": _("Geef een tekst voor een link naar buiten de website.")})


class MainMenuItem(Orderable, LinkFields):
    """An item in the main navigation."""

    setting = ParentalKey("home.NavigationSettings", related_name="main_menu_items")


class FooterLink(Orderable, LinkFields):
    """A link in the footer."""

    setting = ParentalKey("home.NavigationSettings", related_name="footer_links")


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The main menu and the footer links of one site."""

    panels = [
        InlinePanel("main_menu_items", label=_("Hoofdmenu"), help_text=_("Houd het kort: vijf tot zeven items.")),
        InlinePanel("footer_links", label=_("Links in de voettekst")),
    ]

    class Meta:
        verbose_name = _("navigatie")


@register_setting(icon="home")
class OrganisationSettings(BaseSiteSetting):
    """Who runs the site: name, contact details, footer text and social accounts."""

    name = models.CharField(
        _("naam organisatie"),
        max_length=120,
        default="Stichting LOS",
        help_text=_("Staat in de kop en de voettekst van de website."),
    )
    address = models.CharField(_("adres"), max_length=120, blank=True, help_text=_("Straat en huisnummer."))
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True, help_text=_("Bijvoorbeeld 3511 AB."))
    city = models.CharField(_("plaats"), max_length=80, blank=True, help_text=_("De plaats van het adres."))
    phone = models.CharField(
        _("telefoon"),
        max_length=30,
        blank=True,
        help_text=_("Zoals bezoekers het moeten intikken, bijv. 030 123 4567."),
    )
    email = models.EmailField(
        _("e-mailadres"), blank=True, help_text=_("Het algemene adres waarop bezoekers LOS mailen.")
    )
    mastodon_url = models.URLField(_("Mastodon"), blank=True, help_text=SOCIAL_HELP)
    bluesky_url = models.URLField(_("Bluesky"), blank=True, help_text=SOCIAL_HELP)
    facebook_url = models.URLField(_("Facebook"), blank=True, help_text=SOCIAL_HELP)
    instagram_url = models.URLField(_("Instagram"), blank=True, help_text=SOCIAL_HELP)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True, help_text=SOCIAL_HELP)
    x_url = models.URLField(_("X (Twitter)"), blank=True, help_text=SOCIAL_HELP)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                HelpPanel(
                    content=_(
                        "De ondertitel, de tekst in de voettekst en de bereikbaarheid staan onder Instellingen › "
                        "Teksten van de site, omdat ze per taal vertaald worden."
                    )
                ),
            ],
            heading=_("Organisatie"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Contactgegevens"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Deze links zijn gewone links: de website laadt niets van deze diensten, "
                        "zodat bezoekers niet gevolgd worden."
                    )
                ),
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("x_url"),
            ],
            heading=_("Sociale media"),
        ),
    ]

    class Meta:
        verbose_name = _("organisatie en contact")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(label, url) pairs for the accounts that are filled in, in a fixed order."""
        pairs = [
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("X", self.x_url),
        ]
        return [(label, url) for label, url in pairs if url]


class SiteTexts(TranslatableMixin, models.Model):
    """The texts in a site's header and footer that visitors read, one row per site and language.

    They are not in OrganisationSettings because a setting exists once per site and cannot be translated;
    as a translatable snippet they go through wagtail-localize like pages (Vertalen, PO files, machine
    translation) and the Arabic microsite shows them in Arabic. A language without its own row shows the Dutch one.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("website"),
        on_delete=models.CASCADE,
        related_name="texts",
        help_text=_("De website waarop deze teksten staan."),
    )
    tagline = models.CharField(
        _("ondertitel"),
        max_length=160,
        blank=True,
        help_text=_("Staat onder de naam in de kop, bijvoorbeeld 'Landelijk Ongedocumenteerden Steunpunt'."),
    )
    footer_text = models.TextField(
        _("tekst in de voettekst"),
        max_length=400,
        blank=True,
        help_text=_("Korte tekst over de organisatie, onderaan elke pagina."),
    )
    phone_hours = models.CharField(
        _("bereikbaarheid"),
        max_length=120,
        blank=True,
        help_text=_("Staat bij het telefoonnummer, bijvoorbeeld 'maandag tot en met donderdag, 10-16 uur'."),
    )

    panels = [FieldPanel("site"), FieldPanel("tagline"), FieldPanel("footer_text"), FieldPanel("phone_hours")]
    override_translatable_fields = [SynchronizedField("site")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("teksten van de site")
        verbose_name_plural = _("teksten van de sites")
        unique_together = [("translation_key", "locale"), ("site", "locale")]

    def __str__(self) -> str:
        return str(self.site.site_name or self.site.hostname) if self.site_id else gettext("Nieuwe teksten")

    def clean(self) -> None:
        # The admin form has no locale field, so Django's unique check skips (site, locale): check it here
        # to answer with a message instead of a database error.
        super().clean()
        if self.site_id and self.locale_id:
            others = SiteTexts.objects.filter(site_id=self.site_id, locale_id=self.locale_id).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {
                        "site": gettext(
                            "Deze website heeft al teksten in deze taal. Pas die aan in plaats van nieuwe te maken."
                        )
                    }
                )

    @classmethod
    def for_site(cls, site, language_code: str) -> SiteTexts | None:
        """The texts of `site` in `language_code`, else in the default language, else None (one query)."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        try:
            wanted = get_supported_content_language_variant(language_code or default)
        except LookupError:
            wanted = default
        rows = {
            row.locale.language_code: row
            for row in cls.objects.filter(site=site, locale__language_code__in={wanted, default}).select_related(
                "locale"
            )
        }
        return rows.get(wanted) or rows.get(default)


# Languages per site (issue 8) ------------------------------------------------------------------------------


class LanguageCodesField(models.JSONField):
    """A list of language codes, edited as checkboxes of the installation's languages (settings.LANGUAGES).

    Stored as JSON so that adding a language to LOS_LANGUAGES needs no migration; the choices are read from
    the settings when the form is built.
    """

    def formfield(self, **kwargs):
        from django.conf import settings

        return forms.TypedMultipleChoiceField(
            choices=settings.LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def default_site_languages() -> list[str]:
    from django.conf import settings

    return list(settings.LOS_DEFAULT_SITE_LANGUAGES)


@register_setting(icon="globe")
class SiteLanguages(BaseSiteSetting):
    """The languages one site offers its visitors (the language switcher, hreflang, the sitemap and URLs)."""

    languages = LanguageCodesField(
        _("talen van deze website"),
        default=default_site_languages,
        help_text=_(
            "Bezoekers kunnen alleen kiezen uit deze talen; pagina's in andere talen zijn op deze website niet "
            "te zien. Nederlands staat altijd aan. Een taal die hier ontbreekt, voegt een ontwikkelaar toe aan "
            "LOS_LANGUAGES; daarna maakt u hem aan onder Instellingen › Talen (locales)."
        ),
    )

    panels = [FieldPanel("languages")]

    class Meta:
        verbose_name = _("talen")
        verbose_name_plural = _("talen")

    def clean(self) -> None:
        super().clean()
        from django.conf import settings

        if settings.LANGUAGE_CODE not in (self.languages or []):
            self.languages = [settings.LANGUAGE_CODE, *(self.languages or [])]

    @property
    def codes(self) -> list[str]:
        """The enabled codes that the installation knows, in the order of settings.LANGUAGES, Dutch first."""
        from django.conf import settings

        chosen = set(self.languages or []) | {settings.LANGUAGE_CODE}
        return [code for code, _name in settings.LANGUAGES if code in chosen]

"""Per-site settings and texts: navigation, organisation and contact details, the header and footer texts in
each language, and the languages a site offers. Per site (BaseSiteSetting), so the iLegalevrouw microsite has its
own."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from caching.fragments import CachedSiteSetting

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
        InlinePanel(
            "main_menu_items",
            heading=_("Hoofdmenu"),
            label=_("menu-item"),
            help_text=_("Houd het kort: vijf tot zeven items."),
        ),
        InlinePanel("footer_links", heading=_("Links in de voettekst"), label=_("link")),
    ]

    class Meta:
        verbose_name = _("navigatie")


@register_setting(icon="home")
class OrganisationSettings(CachedSiteSetting, BaseSiteSetting):
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
            "LOS_LANGUAGES; daarna maak je hem aan onder Instellingen › Talen (locales)."
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

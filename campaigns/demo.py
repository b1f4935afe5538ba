"""Demo content for projects, campaigns (with sign-up forms) and the iLegalevrouw microsite."""

from __future__ import annotations

import datetime
import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from campaigns.demo_translations import SITE_TEXTS, seed_microsite_translations
from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    HelpFinderPage,
    HelpLocation,
    MicrositeHomePage,
    MicrositePage,
    ProjectIndexPage,
    ProjectPage,
    SignupCounter,
    SignupFormField,
    SignupFormPage,
    SignupSubmission,
    SiteAppearance,
)
from home.demo import add_menu_link
from home.demo_support import (
    MICROSITE_HOSTNAME,
    DemoContext,
    default_locale,
    ensure_site_texts,
    generated_image,
    main_site,
)
from home.models import FooterLink, NavigationSettings, OrganisationSettings, Theme


def _p(*paragraphs: str) -> tuple[str, RichText]:
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def _h(text: str) -> tuple[str, dict]:
    return ("heading", {"text": text, "level": "h2"})


def _themes(*slugs: str) -> list[Theme]:
    return list(Theme.objects.filter(slug__in=slugs, locale=default_locale()))


def ensure_microsite(context: DemoContext) -> MicrositeHomePage:
    """The second Wagtail Site, for iLegalevrouw, served on its own hostname."""
    site = Site.objects.filter(hostname=MICROSITE_HOSTNAME).first()
    if site is not None:
        return site.root_page.specific
    home = MicrositeHomePage.objects.first()
    if home is None:
        home = MicrositeHomePage(
            title="iLegalevrouw",
            slug="ilegalevrouw",
            intro=(
                "Informatie en steun voor vrouwen zonder verblijfsvergunning, en voor de organisaties die hen "
                "helpen. Veilig te bezoeken."
            ),
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        context.created += 1
    site = Site.objects.create(hostname=MICROSITE_HOSTNAME, port=80, root_page=home, site_name="iLegalevrouw")
    org = OrganisationSettings.for_site(site)
    org.name = "iLegalevrouw"
    org.email = "info@ilegalevrouw.nl"
    org.save()
    # Translated with the microsite's pages (campaigns/demo_translations.py).
    ensure_site_texts(site, {}, tagline=SITE_TEXTS[0][0], footer_text=SITE_TEXTS[1][0])
    return home


def _privacy_page() -> Page | None:
    return Page.objects.filter(slug="privacy", locale=default_locale()).first()


def seed_projects(context: DemoContext, home: Page) -> ProjectIndexPage:
    index = context.ensure_child(
        home,
        ProjectIndexPage,
        "projecten",
        title="Projecten",
        intro="De vaste projecten van LOS: meldpunt, coalitie, medisch overleg, noodopvang en iLegalevrouw.",
    )
    projects = [
        {
            "slug": "meldpunt-vreemdelingendetentie",
            "title": "Meldpunt Vreemdelingendetentie",
            "intro": "Zit u of iemand die u kent in vreemdelingendetentie? Meld het ons, gratis en anoniem als u wilt.",
            "hotline_phone": "0800 023 0023",
            "hotline_hours": "maandag tot en met donderdag, 10.00-16.00 uur (gratis)",
            "how_to_report": RichText(
                "<ol><li>Bel gratis 0800 023 0023 of mail het meldpunt.</li><li>Vertel wat er is gebeurd: "
                "wanneer, waar en met wie.</li><li>Wij nemen binnen twee werkdagen contact op en bespreken wat "
                "wij kunnen doen. Zonder uw toestemming delen wij niets.</li></ol>"
            ),
            "contact_email": "meldpunt@stichtinglos.nl",
            "themes": _themes("controle-en-detentie"),
            "body": [
                _p(
                    "Het Meldpunt Vreemdelingendetentie verzamelt ervaringen van mensen in vreemdelingendetentie: "
                    "over medische zorg, isolatie, behandeling en rechtsbijstand. Met de meldingen kaarten wij "
                    "misstanden aan bij de Inspectie, de politiek en de media."
                )
            ],
            "partners": RichText("<ul><li>Advocaten in het vreemdelingenrecht</li><li>Bezoekgroepen</li></ul>"),
        },
        {
            "slug": "coalitie-tegen-strafbaarstelling",
            "title": "Coalitie tegen Strafbaarstelling",
            "intro": "Een brede coalitie tegen het strafbaar stellen van illegaal verblijf en van hulp aan "
            "ongedocumenteerden.",
            "contact_email": "coalitie@stichtinglos.nl",
            "themes": _themes("basisrechten"),
            "body": [
                _p(
                    "Als illegaal verblijf strafbaar wordt, worden hulpverleners, artsen en vrijwilligers die "
                    "helpen bang om te helpen. De coalitie bundelt organisaties die dat willen voorkomen."
                )
            ],
            "partners": RichText("<p>Kerken, vakbonden, artsenorganisaties, gemeenten en migrantengroepen.</p>"),
        },
        {
            "slug": "breed-medisch-overleg",
            "title": "Breed Medisch Overleg",
            "intro": "Artsen, verpleegkundigen en hulpverleners overleggen over medische zorg voor ongedocumenteerden.",
            "contact_email": "bmo@stichtinglos.nl",
            "themes": _themes("basisrechten", "controle-en-detentie"),
            "body": [_p("Het overleg signaleert knelpunten in de toegang tot zorg en zoekt samen naar oplossingen.")],
        },
        {
            "slug": "noodopvang-en-platform",
            "title": "Noodopvang en het Platform Migranten zonder Verblijfsvergunning",
            "intro": "LOS ondersteunt noodopvanginitiatieven en het platform waarin ongedocumenteerden zelf "
            "het woord voeren.",
            "contact_email": "platform@stichtinglos.nl",
            "themes": _themes("basisrechten", "routes-naar-verblijf"),
            "body": [_p("Wij brengen opvanginitiatieven samen en ondersteunen het platform bij zijn bijeenkomsten.")],
        },
        {
            "slug": "ilegalevrouw",
            "title": "iLegalevrouw",
            "intro": "Informatie en steun voor vrouwen zonder verblijfsvergunning, ook bij huiselijk geweld.",
            "contact_email": "info@ilegalevrouw.nl",
            "themes": _themes("basisrechten"),
            "body": [
                _p(
                    "iLegalevrouw heeft een eigen website, met een knop om die snel te verlaten: "
                    "ilegalevrouw.nl. Vrouwenopvang en hulpverleners vinden er informatie over rechten."
                )
            ],
        },
    ]
    for fields in projects:
        slug = fields.pop("slug")
        themes = fields.pop("themes")
        project = context.ensure_child(index, ProjectPage, slug, **fields)
        if themes and not project.themes.exists():
            project.themes.set(themes)
            project.save_revision().publish()
    return index


def seed_campaigns(context: DemoContext, home: Page) -> CampaignIndexPage:
    index = context.ensure_child(
        home,
        CampaignIndexPage,
        "campagnes",
        title="Campagnes",
        intro="Samen komen wij op voor de rechten van mensen zonder verblijfsvergunning. Doe mee.",
    )
    privacy = _privacy_page()

    criminalising = context.ensure_child(
        index,
        CampaignPage,
        "geen-strafbaarstelling",
        title="Hulp bieden is geen misdaad",
        tagline="Nee tegen het strafbaar stellen van illegaal verblijf",
        colour="rood",
        start_date=datetime.date(2026, 3, 1),
        intro="Het kabinet wil illegaal verblijf strafbaar maken. Organisaties in het hele land zeggen nee. "
        "Teken ook als organisatie.",
        hero_image=generated_image(
            "Demo: campagne strafbaarstelling", background="#a4161a", text="Hulp bieden\nis geen misdaad"
        ),
        hero_image_alt="De tekst 'Hulp bieden is geen misdaad' in witte letters op een rode achtergrond.",
    )
    sign_on = context.ensure_child(
        criminalising,
        SignupFormPage,
        "onderteken",
        title="Onderteken als organisatie",
        kind=SignupFormPage.Kind.COALITION,
        intro="Steunt uw organisatie de oproep? Onderteken hier. Na controle komt de naam van uw organisatie "
        "op deze pagina.",
        button_label="Onderteken",
        thank_you_text="Dank u wel. Wij controleren de ondertekening en zetten uw organisatie daarna op de lijst.",
        show_counter=True,
        retention_days=730,
        on_expiry=SignupFormPage.Expiry.ANONYMISE,
        privacy_page=privacy,
        form_fields=[
            SignupFormField(label="E-mailadres contactpersoon", field_type="email", required=True, sort_order=1),
            SignupFormField(label="Plaats", field_type="singleline", required=False, sort_order=2),
        ],
    )
    if not SignupSubmission.objects.filter(page=sign_on).exists():
        for name in ("Voorbeeldstichting Noodopvang (demo)", "Voorbeeldkerk Utrecht (demo)"):
            SignupSubmission.objects.create(
                page=sign_on, form_data={"organisation": name}, organisation=name, approved=True
            )
            SignupCounter.increment(sign_on)
    if not criminalising.body:
        criminalising.body = [
            (
                "key_figures",
                {
                    "title": "In cijfers",
                    "figures": [
                        {"figure": "35.000", "label": "mensen zonder verblijfsvergunning (schatting)", "source": ""},
                        {"figure": "120+", "label": "organisaties tegen strafbaarstelling", "source": "Demo"},
                    ],
                },
            ),
            (
                "timeline",
                {
                    "title": "Tijdlijn",
                    "items": [
                        {"date": "maart 2026", "title": "Wetsvoorstel in de Tweede Kamer", "text": ""},
                        {"date": "april 2026", "title": "Coalitie start de oproep", "text": ""},
                        {"date": "najaar 2026", "title": "Behandeling in de Eerste Kamer", "text": ""},
                    ],
                },
            ),
            (
                "partner_logos",
                {
                    "title": "Coalitiepartners",
                    "partners": [
                        {
                            "name": "Stichting LOS",
                            "logo": generated_image(
                                "Demo: logo LOS", background="#0b4f6c", text="LOS", size=(480, 240)
                            ),
                            "url": "",
                        },
                        {"name": "Voorbeeldpartner (demo)", "logo": None, "url": ""},
                    ],
                },
            ),
            ("signup_form", {"form_page": sign_on, "title": "Onderteken als organisatie"}),
        ]
        criminalising.save_revision().publish()
    if not criminalising.themes.exists():
        criminalising.themes.set(_themes("basisrechten"))
        criminalising.save_revision().publish()

    medical = context.ensure_child(
        index,
        CampaignPage,
        "zorg-in-detentie",
        title="Goede zorg in detentie",
        tagline="Medische zorg is een recht, ook achter de muren van vreemdelingendetentie",
        colour="nachtblauw",
        start_date=datetime.date(2026, 9, 1),
        end_date=datetime.date(2027, 6, 30),
        intro="Mensen in vreemdelingendetentie krijgen te vaak te laat of geen zorg. Teken de petitie voor "
        "onafhankelijke medische zorg.",
        hero_image=generated_image(
            "Demo: campagne zorg in detentie", background="#1f3a93", text="Goede zorg\nin detentie"
        ),
        hero_image_alt="De tekst 'Goede zorg in detentie' in witte letters op een blauwe achtergrond.",
    )
    petition = context.ensure_child(
        medical,
        SignupFormPage,
        "petitie",
        title="Teken de petitie",
        kind=SignupFormPage.Kind.PETITION,
        intro="Wij vragen de staatssecretaris om onafhankelijke medische zorg in vreemdelingendetentie.",
        button_label="Teken de petitie",
        thank_you_text="Dank u wel voor uw handtekening!",
        show_counter=True,
        counter_goal=5000,
        retention_days=180,
        on_expiry=SignupFormPage.Expiry.ANONYMISE,
        privacy_page=privacy,
        form_fields=[
            SignupFormField(label="Naam", field_type="singleline", required=True, sort_order=1),
            SignupFormField(label="Woonplaats", field_type="singleline", required=False, sort_order=2),
        ],
    )
    if not medical.body:
        medical.body = [
            (
                "key_figures",
                {
                    "title": "",
                    "figures": [
                        {"figure": "1 op 3", "label": "meldingen bij het meldpunt gaat over zorg", "source": "Demo"},
                    ],
                },
            ),
            ("signup_form", {"form_page": petition, "title": "Teken de petitie"}),
        ]
        medical.save_revision().publish()
    if not medical.themes.exists():
        medical.themes.set(_themes("controle-en-detentie"))
        medical.save_revision().publish()
    return index


HELP_LOCATIONS = [
    ("Veilig Thuis", HelpLocation.Kind.VEILIG_THUIS, "Landelijk", "", "0800 2000", "https://veiligthuis.nl/",
     "Advies en hulp bij huiselijk geweld en kindermishandeling, gratis en anoniem, dag en nacht.",
     "Nederlands, Engels"),
    ("Vrouwenopvang Utrecht (demo)", HelpLocation.Kind.SHELTER, "Utrecht", "", "030 000 0000", "",
     "Opvang voor vrouwen die thuis niet veilig zijn. Het adres is geheim.", "Nederlands, Engels, Arabisch"),
    ("Vrouwenopvang Amsterdam (demo)", HelpLocation.Kind.SHELTER, "Amsterdam", "", "020 000 0000", "",
     "Opvang en begeleiding, ook zonder verblijfsvergunning.", "Nederlands, Engels, Spaans"),
    ("Juridisch Loket", HelpLocation.Kind.LEGAL, "Landelijk", "", "0900 8020", "https://www.juridischloket.nl/",
     "Gratis juridisch advies en doorverwijzing naar een advocaat.", "Nederlands, Engels"),
    ("Dokters van de Wereld (spreekuur, demo)", HelpLocation.Kind.MEDICAL, "Amsterdam", "", "", "",
     "Medisch spreekuur voor mensen zonder verzekering.", "Nederlands, Engels, Frans"),
    ("Vrouwengroep Rotterdam (demo)", HelpLocation.Kind.SUPPORT, "Rotterdam", "", "", "",
     "Wekelijkse bijeenkomst voor vrouwen zonder verblijfsvergunning.", "Nederlands, Engels, Portugees"),
]  # fmt: skip


def _demo_logo():
    """A simple round logo drawn locally: white 'iL' on the microsite's purple."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    Image = get_image_model()
    existing = Image.objects.filter(title="Demo: logo iLegalevrouw").first()
    if existing is not None:
        return existing
    canvas = PILImage.new("RGB", (256, 256), "#ffffff")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((8, 8, 248, 248), fill="#7a1f5c")
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 120)
    except OSError:
        font = ImageFont.load_default(size=120)
    draw.text((128, 128), "iL", fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    image = Image(title="Demo: logo iLegalevrouw")
    image.file = ImageFile(buffer, name="logo-ilegalevrouw.png")
    image.save()
    return image


def seed_microsite(context: DemoContext, home: MicrositeHomePage) -> None:
    site = Site.objects.get(hostname=MICROSITE_HOSTNAME)
    violence = context.ensure_child(
        home,
        MicrositePage,
        "huiselijk-geweld",
        title="Huiselijk geweld",
        intro="Ook zonder verblijfsvergunning heb je recht op bescherming en opvang.",
        show_in_menus=True,
        body=[
            _p(
                "Word je thuis bedreigd, geslagen of vastgehouden? Dat is nooit jouw schuld. Je kunt hulp krijgen, "
                "ook als je geen papieren hebt. Bel in een noodgeval altijd 112."
            ),
            _h("Aangifte doen"),
            _p(
                "Je kunt aangifte doen bij de politie. Er zijn afspraken om slachtoffers zonder papieren niet "
                "meteen vast te zetten ('free in, free out'). Neem iemand mee die je vertrouwt."
            ),
        ],
    )
    rights = context.ensure_child(
        home,
        MicrositePage,
        "je-rechten",
        title="Je rechten",
        intro="Iedereen in Nederland heeft recht op medische zorg, onderwijs voor kinderen en rechtshulp.",
        show_in_menus=True,
        body=[
            _p(
                "Een huisarts of ziekenhuis moet je helpen als dat medisch nodig is. Artsen hebben "
                "beroepsgeheim: zij geven je gegevens niet door aan de politie."
            ),
            (
                "faq",
                {
                    "title": "Vragen",
                    "items": [
                        {
                            "question": "Mag ik naar de vrouwenopvang zonder papieren?",
                            "answer": RichText("<p>Ja. Vraag Veilig Thuis om advies over een opvangplek.</p>"),
                        }
                    ],
                },
            ),
        ],
    )
    finder = context.ensure_child(
        home,
        HelpFinderPage,
        "hulp-zoeken",
        title="Hulp zoeken",
        intro="Zoek een plek waar je terecht kunt. In een noodgeval: bel 112.",
        show_in_menus=True,
    )
    safe = context.ensure_child(
        home,
        MicrositePage,
        "veilig-surfen",
        title="Veilig surfen",
        intro="Hoe je deze website bezoekt zonder dat iemand het kan zien.",
        show_in_menus=True,
        body=[
            _h("De knop 'Snel weg'"),
            _p(
                "Bovenaan elke pagina staat de knop 'Snel weg'. Klik erop, of druk twee keer snel achter elkaar "
                "op de Escape-toets (Esc), en je komt meteen op een website met het weerbericht. Met de knop "
                "'Terug' kom je niet terug op deze pagina."
            ),
            _h("Wat de knop niet doet"),
            _p(
                "Pagina's die je eerder op deze website bekeek, staan nog wel in de geschiedenis van je browser. "
                "Gebruik daarom een privévenster (incognito) of wis daarna je geschiedenis."
            ),
            _h("Wat deze website niet doet"),
            _p("Deze website plaatst geen cookies en laadt niets van andere websites. Wij zien niet wie je bent."),
            _h("Je telefoon"),
            _p(
                "Gebruikt iemand anders je telefoon of computer? Zet een toegangscode en kijk of er apps op staan "
                "die je niet kent. Bel bij twijfel Veilig Thuis: 0800 2000."
            ),
        ],
    )
    locale = home.locale
    for name, kind, city, address, phone, website, description, languages in HELP_LOCATIONS:
        HelpLocation.objects.get_or_create(
            name=name,
            locale=locale,
            defaults={
                "kind": kind,
                "city": city,
                "address": address,
                "phone": phone,
                "website": website,
                "description": description,
                "languages": languages,
            },
        )

    appearance = SiteAppearance.for_site(site)
    if not appearance.palette:
        appearance.palette = "paars"
        appearance.quick_exit_enabled = True
        appearance.logo = _demo_logo()
        appearance.save()
    navigation = NavigationSettings.for_site(site)
    for order, page in enumerate((violence, rights, finder, safe), start=1):
        add_menu_link(navigation, page, sort_order=order * 10)
    if not navigation.footer_links.exists():
        FooterLink.objects.create(setting=navigation, link_page=safe, sort_order=1)


def seed(context: DemoContext) -> None:
    microsite_home = ensure_microsite(context)
    site = main_site()
    home = site.root_page.specific
    campaigns = seed_campaigns(context, home)
    projects = seed_projects(context, home)
    navigation = NavigationSettings.for_site(site)
    add_menu_link(navigation, campaigns, sort_order=40)
    add_menu_link(navigation, projects, sort_order=50)
    seed_microsite(context, microsite_home)
    seed_microsite_translations(context)

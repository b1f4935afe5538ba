"""Demo content for the LOS main site: home page, about pages, helpdesk, settings and English versions."""

from __future__ import annotations

import datetime

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home import demo_privacy
from home.demo_support import DemoContext, ensure_locale, ensure_site_texts, generated_image, main_site
from home.models import (
    ContentPage,
    FooterLink,
    HomePage,
    MainMenuItem,
    NavigationSettings,
    OrganisationSettings,
    Theme,
)
from multilingual.translation import translate

CHECKED = datetime.date(2026, 10, 1)


def _p(*paragraphs: str) -> tuple[str, RichText]:
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def _h(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def _faq(title: str, *items: tuple[str, str]) -> tuple[str, dict]:
    return (
        "faq",
        {"title": title, "items": [{"question": q, "answer": RichText(f"<p>{a}</p>")} for q, a in items]},
    )


def ensure_home_page(context: DemoContext) -> tuple[HomePage, bool]:
    """Replace Wagtail's placeholder 'Welcome' page with the LOS home page as the root of the default site."""
    site = main_site()
    root_page = site.root_page.specific
    if isinstance(root_page, HomePage):
        return root_page, False
    tree_root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=root_page.locale).first()
    if home is None:
        home = HomePage(
            title="Samen sterk voor ongedocumenteerden",
            slug="los",
            intro=(
                "Stichting LOS is het Landelijk Ongedocumenteerden Steunpunt. Wij ondersteunen de organisaties "
                "die mensen zonder verblijfsvergunning helpen: opvang, artsen, advocaten, kerken en migrantengroepen."
            ),
            hero_image=generated_image(
                "Demo: LOS in Utrecht", background="#0b4f6c", text="Stichting LOS\nKanaalstraat 243, Utrecht"
            ),
            hero_image_alt="Het logo van Stichting LOS met het adres Kanaalstraat 243 in Utrecht.",
        )
        tree_root.add_child(instance=home)
        home.save_revision().publish()
        context.created += 1
    site.root_page = home
    site.site_name = "Stichting LOS"
    site.save()
    # Wagtail's own placeholder page has served its purpose.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    return home, True


def seed(context: DemoContext) -> None:
    home, home_created = ensure_home_page(context)
    ensure_locale("en")
    site = main_site()

    about = context.ensure_child(
        home,
        ContentPage,
        "over-los",
        title="Over LOS",
        intro="Stichting LOS versterkt de hulp aan mensen zonder verblijfsvergunning in heel Nederland.",
        last_checked=CHECKED,
        body=[
            _p(
                "Stichting LOS (Landelijk Ongedocumenteerden Steunpunt) is in 2001 opgericht door organisaties die "
                "ongedocumenteerden opvangen en bijstaan. Wij zijn een klein team in Utrecht met een groot netwerk.",
                "Wij geven advies aan hulpverleners, doen onderzoek naar de positie van ongedocumenteerden, "
                "brengen organisaties samen en maken ons sterk voor beleid dat basisrechten respecteert.",
            ),
            _h("Onze missie"),
            _p(
                "Iedereen in Nederland heeft recht op onderdak, medische zorg, onderwijs en rechtshulp, met of "
                "zonder verblijfsvergunning. LOS zorgt dat de mensen die daarbij helpen weten wat kan en mag, "
                "en dat hun ervaringen beleidsmakers bereiken."
            ),
            (
                "quote",
                {
                    "quote": "Mensenrechten houden niet op bij een verblijfsvergunning.",
                    "attribution": "Uit het beleidsplan van Stichting LOS",
                },
            ),
            # A video block as editors use it: nothing loads from the video host until a visitor presses play.
            (
                "video",
                {
                    "url": "https://vimeo.com/76979871",
                    "title": "Voorbeeldvideo (demo-inhoud)",
                    "transcript": "<p>Een uitgeschreven tekst van de video, voor wie hem niet kan of wil afspelen.</p>",
                },
            ),
        ],
    )
    context.ensure_child(
        about,
        ContentPage,
        "werkwijze",
        title="Missie en werkwijze",
        intro="Hoe LOS werkt: helpdesk, netwerk, onderzoek en belangenbehartiging.",
        last_checked=CHECKED,
        body=[
            _h("Helpdesk"),
            _p(
                "Hulpverleners, vrijwilligers en professionals kunnen bij ons terecht met juridische en "
                "praktische vragen."
            ),
            _h("Netwerk"),
            _p(
                "Wij brengen opvanginitiatieven, artsen, advocaten, kerken en migrantenorganisaties samen in "
                "regionale bijeenkomsten en het Platform Migranten zonder Verblijfsvergunning."
            ),
            _h("Onderzoek"),
            _p(
                "Met stagiairs en partners doen wij onderzoek, bijvoorbeeld naar medische zorg in "
                "vreemdelingendetentie."
            ),
            _h("Belangenbehartiging"),
            _p("Wij reageren op nieuws en beleid, en spreken met Kamerleden, gemeenten en ministeries."),
        ],
    )
    context.ensure_child(
        about,
        ContentPage,
        "team-en-bestuur",
        title="Team en bestuur",
        intro="Drie medewerkers, een wisselende stagiair op het Meldpunt en een betrokken bestuur.",
        last_checked=CHECKED,
        body=[
            _p(
                "Het bureau van LOS bestaat uit een coördinator, een beleidsmedewerker en een medewerker "
                "communicatie en netwerk. Stagiairs versterken het Meldpunt Vreemdelingendetentie.",
                "Het bestuur bestaat uit mensen uit de opvang, de advocatuur en de gezondheidszorg.",
            )
        ],
    )
    contact = context.ensure_child(
        about,
        ContentPage,
        "contact",
        title="Contact",
        intro="Bel, mail of kom langs op de Kanaalstraat 243 in Utrecht.",
        last_checked=CHECKED,
        body=[
            _p(
                "Stichting LOS<br>Kanaalstraat 243<br>3531 CJ Utrecht",
                "De helpdesk is bereikbaar van maandag tot en met donderdag tussen 10.00 en 16.00 uur.",
            ),
            _p(
                "Heeft u te maken met iemand in vreemdelingendetentie? Neem contact op met het Meldpunt "
                "Vreemdelingendetentie."
            ),
        ],
    )
    privacy = context.ensure_child(
        about,
        ContentPage,
        demo_privacy.SLUG[0],
        title=demo_privacy.TITLE[0],
        intro=demo_privacy.INTRO[0],
        last_checked=CHECKED,
        body=[
            block
            for (heading, _en), paragraphs in demo_privacy.SECTIONS
            for block in (_h(heading), _p(*(dutch for dutch, _en in paragraphs)))
        ],
    )
    helpdesk = context.ensure_child(
        home,
        ContentPage,
        "helpdesk",
        title="Helpdesk",
        intro="Antwoorden op vragen die hulpverleners ons vaak stellen. Staat uw vraag er niet bij? Bel ons.",
        last_checked=CHECKED,
        body=[
            _p(
                "De informatie op deze pagina's is bedoeld voor hulpverleners, vrijwilligers en professionals. "
                "Regels veranderen: kijk altijd naar de datum waarop een pagina voor het laatst is gecontroleerd."
            )
        ],
    )
    context.ensure_child(
        helpdesk,
        ContentPage,
        "medische-zorg",
        title="Medische zorg voor ongedocumenteerden",
        intro="Iedereen in Nederland heeft recht op medisch noodzakelijke zorg, ook zonder verblijfsvergunning.",
        last_checked=CHECKED,
        body=[
            _p(
                "Zorgverleners kunnen de kosten van zorg aan onverzekerbare vreemdelingen vergoed krijgen via de "
                "regeling van het CAK, als de patiënt de rekening zelf niet kan betalen."
            ),
            _faq(
                "Veelgestelde vragen",
                ("Mag een huisarts iemand weigeren?", "Nee. Medisch noodzakelijke zorg moet worden gegeven."),
                (
                    "Wordt de politie ingelicht?",
                    "Nee. Zorgverleners hebben een beroepsgeheim en geven geen gegevens door aan de politie of de IND.",
                ),
                (
                    "Hoe zit het met medicijnen?",
                    "Patiënten gaan naar een apotheek die een contract heeft met het CAK. De eigen bijdrage is laag.",
                ),
            ),
        ],
    )
    context.ensure_child(
        helpdesk,
        ContentPage,
        "onderdak-en-noodopvang",
        title="Onderdak en noodopvang",
        intro="Welke opvang is er voor mensen zonder verblijfsvergunning, en wie komt ervoor in aanmerking?",
        last_checked=CHECKED,
        body=[
            _p(
                "In veel gemeenten is bed-bad-brood-opvang of een landelijke vreemdelingenvoorziening (LVV). "
                "Daarnaast bieden kerken en particuliere initiatieven noodopvang."
            ),
            (
                "table",
                {
                    "caption": "Soorten opvang",
                    "columns": [
                        {"type": "text", "heading": "Soort"},
                        {"type": "text", "heading": "Voor wie"},
                    ],
                    "rows": [
                        {"values": ["LVV", "Mensen die werken aan een toekomstperspectief"]},
                        {"values": ["Particuliere noodopvang", "Wie nergens anders terecht kan"]},
                    ],
                },
            ),
        ],
    )
    context.ensure_child(
        helpdesk,
        ContentPage,
        "rechtshulp",
        title="Rechtshulp en procedures",
        intro="Waar vindt iemand een advocaat, en welke procedures zijn er?",
        last_checked=CHECKED,
        body=[
            _p(
                "Ongedocumenteerden hebben recht op gesubsidieerde rechtsbijstand. Het Juridisch Loket en "
                "gespecialiseerde vreemdelingenadvocaten helpen verder."
            )
        ],
    )
    context.ensure_child(
        helpdesk,
        ContentPage,
        "vreemdelingendetentie",
        title="Vreemdelingendetentie: wat nu?",
        intro="Iemand is opgepakt en zit vast. Wat kunt u doen?",
        last_checked=CHECKED,
        body=[
            _p(
                "Vreemdelingendetentie is geen straf, maar een maatregel om uitzetting mogelijk te maken. "
                "Gedetineerden hebben recht op een advocaat en op medische zorg."
            ),
            (
                "call_to_action",
                {
                    "title": "Meld het bij het Meldpunt Vreemdelingendetentie",
                    "text": "Wij verzamelen ervaringen om misstanden aan te kaarten.",
                    "button_label": "Neem contact op",
                    "link": {"page": contact, "url": ""},
                },
            ),
        ],
    )

    if home_created:
        home.body = [
            (
                "call_to_action",
                {
                    "title": "Vraag over iemand zonder verblijfsvergunning?",
                    "text": "Onze helpdesk beantwoordt vragen van hulpverleners, vrijwilligers en professionals.",
                    "button_label": "Naar de helpdesk",
                    "link": {"page": helpdesk, "url": ""},
                },
            )
        ]
        home.save_revision().publish()

    _seed_settings(site, about, helpdesk, contact, privacy)
    _seed_english(context, home, about, helpdesk, contact, privacy)


FOOTER_TEXT = (
    "LOS ondersteunt organisaties die mensen zonder verblijfsvergunning helpen, met advies, onderzoek, netwerk "
    "en belangenbehartiging."
)
SITE_TEXTS_EN = {
    "Landelijk Ongedocumenteerden Steunpunt": "National Support Centre for Undocumented People",
    "maandag tot en met donderdag, 10.00-16.00 uur": "Monday to Thursday, 10 am to 4 pm",
    FOOTER_TEXT: (
        "LOS supports the organisations that help people without a residence permit, with advice, research, "
        "a network and advocacy."
    ),
}


def _seed_settings(site: Site, about: Page, helpdesk: Page, contact: Page, privacy: Page) -> None:
    org = OrganisationSettings.for_site(site)
    if not org.address:
        org.name = "Stichting LOS"
        org.address = "Kanaalstraat 243"
        org.postal_code = "3531 CJ"
        org.city = "Utrecht"
        org.phone = "030 123 4567"
        org.email = "info@stichtinglos.nl"
        org.mastodon_url = "https://mastodon.nl/@stichtinglos"
        org.facebook_url = "https://www.facebook.com/stichtinglos"
        org.linkedin_url = "https://www.linkedin.com/company/stichting-los"
        org.save()
    ensure_site_texts(
        site,
        {"en": SITE_TEXTS_EN},
        tagline="Landelijk Ongedocumenteerden Steunpunt",
        phone_hours="maandag tot en met donderdag, 10.00-16.00 uur",
        footer_text=FOOTER_TEXT,
    )
    navigation = NavigationSettings.for_site(site)
    add_menu_link(navigation, helpdesk, sort_order=60)
    add_menu_link(navigation, about, sort_order=70)
    if not navigation.footer_links.exists():
        FooterLink.objects.create(setting=navigation, link_page=contact, sort_order=1)
        FooterLink.objects.create(setting=navigation, link_page=privacy, sort_order=2)


def add_menu_link(navigation: NavigationSettings, page: Page, *, sort_order: int, label: str = "") -> None:
    """Put `page` in the main menu of `navigation` (once), at `sort_order` (other apps use 10-50)."""
    if not navigation.main_menu_items.filter(link_page=page).exists():
        MainMenuItem.objects.create(setting=navigation, link_page=page, sort_order=sort_order, label=label)


THEMES_EN = {
    "Basisrechten": "Basic rights",
    "Onderdak, medische zorg, onderwijs en rechtshulp voor mensen zonder verblijfsvergunning.": (
        "Shelter, medical care, education and legal aid for people without a residence permit."
    ),
    "Routes naar verblijf": "Routes to residence",
    "Wegen naar een verblijfsvergunning en terugkeer, en wat daarbij komt kijken.": (
        "Ways to a residence permit and to return, and what they involve."
    ),
    "Controle en detentie": "Control and detention",
    "Toezicht, vreemdelingendetentie, uitzetting en strafbaarstelling van illegaal verblijf.": (
        "Surveillance, immigration detention, deportation and the criminalisation of irregular stay."
    ),
}


def _seed_english(
    context: DemoContext, home: HomePage, about: Page, helpdesk: Page, contact: Page, privacy: Page
) -> None:
    if home.get_translations().filter(locale__language_code="en").exists():
        return
    english = ensure_locale("en")
    for theme in Theme.objects.filter(locale=home.locale):
        if not theme.has_translation(english):
            translate(theme, "en", THEMES_EN)
    translate(
        home,
        "en",
        {
            "Samen sterk voor ongedocumenteerden": "Standing together for undocumented people",
            "los": "los",
            home.intro: (
                "Stichting LOS is the Dutch National Support Centre for Undocumented People. We support the "
                "organisations that help people without a residence permit: shelters, doctors, lawyers, "
                "churches and migrant groups."
            ),
            "Vraag over iemand zonder verblijfsvergunning?": "A question about someone without papers?",
            "Onze helpdesk beantwoordt vragen van hulpverleners, vrijwilligers en professionals.": (
                "Our helpdesk answers questions from care workers, volunteers and professionals."
            ),
            "Naar de helpdesk": "Go to the helpdesk",
            "Het logo van Stichting LOS met het adres Kanaalstraat 243 in Utrecht.": (
                "The Stichting LOS logo with the address Kanaalstraat 243 in Utrecht."
            ),
        },
    )
    translate(
        about,
        "en",
        {
            "Over LOS": "About LOS",
            "over-los": "about-los",
            about.intro: (
                "Stichting LOS strengthens support for people without a residence permit across the Netherlands."
            ),
            "Onze missie": "Our mission",
            "Mensenrechten houden niet op bij een verblijfsvergunning.": (
                "Human rights do not end at a residence permit."
            ),
            "Uit het beleidsplan van Stichting LOS": "From the Stichting LOS policy plan",
            "Stichting LOS (Landelijk Ongedocumenteerden Steunpunt) is in 2001 opgericht door organisaties die "
            "ongedocumenteerden opvangen en bijstaan. Wij zijn een klein team in Utrecht met een groot netwerk.": (
                "Stichting LOS (National Support Centre for Undocumented People) was founded in 2001 by "
                "organisations that shelter and assist undocumented people. We are a small team in Utrecht with a "
                "large network."
            ),
            "Wij geven advies aan hulpverleners, doen onderzoek naar de positie van ongedocumenteerden, "
            "brengen organisaties samen en maken ons sterk voor beleid dat basisrechten respecteert.": (
                "We advise care workers, research the position of undocumented people, bring organisations "
                "together and campaign for policies that respect basic rights."
            ),
            "Iedereen in Nederland heeft recht op onderdak, medische zorg, onderwijs en rechtshulp, met of "
            "zonder verblijfsvergunning. LOS zorgt dat de mensen die daarbij helpen weten wat kan en mag, "
            "en dat hun ervaringen beleidsmakers bereiken.": (
                "Everyone in the Netherlands has a right to shelter, medical care, education and legal aid, with or "
                "without a residence permit. LOS makes sure that the people who help know what is possible and "
                "allowed, and that their experience reaches policy makers."
            ),
            "Voorbeeldvideo (demo-inhoud)": "Sample video (demo content)",
            "Een uitgeschreven tekst van de video, voor wie hem niet kan of wil afspelen.": (
                "A written version of the video, for those who cannot or do not want to play it."
            ),
        },
    )
    translate(
        helpdesk,
        "en",
        {
            "Helpdesk": "Helpdesk",
            "helpdesk": "helpdesk",
            helpdesk.intro: ("Answers to questions care workers often ask us. Is your question not listed? Call us."),
            "De informatie op deze pagina's is bedoeld voor hulpverleners, vrijwilligers en professionals. "
            "Regels veranderen: kijk altijd naar de datum waarop een pagina voor het laatst is gecontroleerd.": (
                "The information on these pages is meant for care workers, volunteers and professionals. Rules "
                "change: always look at the date on which a page was last checked."
            ),
        },
    )
    # After "about": a translation's parent must exist in its language.
    translate(privacy, "en", demo_privacy.english())
    translate(
        contact,
        "en",
        {
            "Contact": "Contact",
            "contact": "contact",
            contact.intro: "Call, e-mail or visit us at Kanaalstraat 243 in Utrecht.",
            "De helpdesk is bereikbaar van maandag tot en met donderdag tussen 10.00 en 16.00 uur.": (
                "The helpdesk can be reached from Monday to Thursday between 10 am and 4 pm."
            ),
            "Heeft u te maken met iemand in vreemdelingendetentie? Neem contact op met het Meldpunt "
            "Vreemdelingendetentie.": (
                "Are you dealing with someone in immigration detention? Contact the Immigration Detention Hotline "
                "(Meldpunt Vreemdelingendetentie)."
            ),
        },
    )
    context.created += 5

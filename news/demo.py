"""Demo content for the news: the news index at /nieuws/ and about thirty items across kinds and themes.

`seed_demo --news N` adds N generated items on top (fast, for benchmarks; see news/bulk.py).
"""

from __future__ import annotations

import datetime
import time
from zoneinfo import ZoneInfo

from wagtail.rich_text import RichText

from home.demo import add_menu_link
from home.demo_support import DemoContext, generated_image, main_site
from home.models import NavigationSettings, Theme
from multilingual.translation import translate
from news.bulk import create_generated_news
from news.models import NewsIndexPage, NewsKind, NewsPage

AMS = ZoneInfo("Europe/Amsterdam")
BASIS, ROUTES, DETENTIE = "basisrechten", "routes-naar-verblijf", "controle-en-detentie"

# (slug, title, intro, kind, themes, date, tags, source (name, url) or None, featured, body paragraphs)
ITEMS = [
    (
        "meldpunt-jaarrapport-2026",
        "Meldpunt Vreemdelingendetentie: meer meldingen over medische zorg in detentie",
        "Het Meldpunt kreeg dit jaar opnieuw meer meldingen over te late of te weinig medische zorg in "
        "detentiecentra. LOS vraagt de staatssecretaris om onafhankelijk toezicht.",
        NewsKind.LOS_NEWS,
        [DETENTIE, BASIS],
        (2026, 11, 20, 10),
        ["Meldpunt", "detentie", "medische zorg"],
        None,
        True,
        [
            "In het afgelopen jaar ontving het Meldpunt Vreemdelingendetentie meldingen van gedetineerden, "
            "advocaten en geestelijk verzorgers. Een groot deel ging over medische zorg: klachten die niet "
            "serieus genomen werden, medicijnen die niet op tijd kwamen en psychische nood.",
            "LOS vraagt om onafhankelijk medisch toezicht in de detentiecentra en om een klachtenregeling die "
            "gedetineerden echt kunnen gebruiken.",
        ],
    ),
    (
        "reactie-strafbaarstelling-illegaal-verblijf",
        "LOS: strafbaarstelling van illegaal verblijf maakt hulp strafbaar",
        "Het voorstel om illegaal verblijf strafbaar te stellen treft niet alleen ongedocumenteerden, maar "
        "ook wie hen helpt. LOS roept de Eerste Kamer op het voorstel te verwerpen.",
        NewsKind.REACTION,
        [DETENTIE],
        (2026, 11, 18, 15),
        ["strafbaarstelling", "Eerste Kamer"],
        ("NOS", "https://nos.nl/"),
        True,
        [
            "Kerken, artsen, opvangorganisaties en vrijwilligers vragen zich af of zij straks strafbaar zijn "
            "als zij iemand zonder verblijfsvergunning onderdak of eten geven. Die onzekerheid alleen al "
            "zorgt ervoor dat mensen hulp mijden.",
        ],
    ),
    (
        "persbericht-brede-coalitie-tegen-strafbaarstelling",
        "Persbericht: brede coalitie van hulporganisaties tegen strafbaarstelling",
        "Meer dan honderd organisaties, van kerken tot artsenverenigingen, ondertekenen een oproep tegen het "
        "strafbaar stellen van illegaal verblijf.",
        NewsKind.PRESS_RELEASE,
        [DETENTIE],
        (2026, 11, 12, 9),
        ["strafbaarstelling", "persbericht"],
        None,
        True,
        [
            "Utrecht – Een brede coalitie van hulporganisaties roept het kabinet op af te zien van de "
            "strafbaarstelling van illegaal verblijf. De organisaties wijzen op de gevolgen voor de "
            "volksgezondheid en de veiligheid van kwetsbare mensen.",
            "Noot voor de redactie: neem voor meer informatie contact op met het bureau van Stichting LOS.",
        ],
    ),
    (
        "media-huisartsen-weigeren-onverzekerden",
        "Huisartsen weigeren soms onverzekerbare patiënten, blijkt uit rondgang",
        "Een rondgang langs huisartsenpraktijken laat zien dat mensen zonder verblijfsvergunning soms "
        "worden weggestuurd, terwijl zij recht hebben op medisch noodzakelijke zorg.",
        NewsKind.MEDIA,
        [BASIS],
        (2026, 11, 5, 8),
        ["medische zorg", "huisarts"],
        ("Trouw", "https://www.trouw.nl/"),
        False,
        [],
    ),
    (
        "uitspraak-raad-van-state-bed-bad-brood",
        "Raad van State: gemeente mag bed-bad-brood niet zomaar beëindigen",
        "De Raad van State oordeelt dat een gemeente de noodopvang niet mag stoppen zonder te kijken naar de "
        "persoonlijke omstandigheden van de bewoner.",
        NewsKind.CASE_LAW,
        [BASIS],
        (2026, 10, 29, 11),
        ["bed-bad-brood", "noodopvang"],
        ("Raad van State", "https://www.raadvanstate.nl/"),
        False,
        [
            "In deze uitspraak benadrukt de Raad van State dat de gemeente een zorgvuldige afweging moet maken. "
            "Voor hulpverleners betekent dit dat een beëindiging van de opvang vaak aan te vechten is.",
        ],
    ),
    (
        "lvv-evaluatie",
        "Evaluatie LVV: opvang met begeleiding werkt, maar financiering blijft onzeker",
        "De landelijke vreemdelingenvoorzieningen helpen mensen aan een toekomstperspectief. Gemeenten "
        "willen zekerheid over de financiering na 2027.",
        NewsKind.POLICY,
        [BASIS, ROUTES],
        (2026, 10, 22, 14),
        ["LVV", "gemeenten"],
        None,
        False,
        [
            "De evaluatie laat zien dat begeleiding in de LVV vaker leidt tot een verblijfsvergunning of "
            "zelfstandige terugkeer dan opvang zonder begeleiding.",
        ],
    ),
    (
        "platform-bijeenkomst-najaar",
        "Platform Migranten zonder Verblijfsvergunning komt samen in Utrecht",
        "Tachtig hulpverleners uit het hele land wisselden ervaringen uit over opvang, zorg en procedures.",
        NewsKind.LOS_NEWS,
        [BASIS, ROUTES],
        (2026, 10, 15, 17),
        ["Platform", "netwerk"],
        None,
        False,
        [
            "Op de najaarsbijeenkomst van het Platform spraken deelnemers over de gevolgen van nieuwe "
            "wetgeving en over samenwerking tussen opvanginitiatieven in de regio.",
        ],
    ),
    (
        "reactie-cak-regeling",
        "Reactie: houd de CAK-regeling voor onverzekerbare vreemdelingen toegankelijk",
        "Zorgverleners moeten de kosten van zorg aan onverzekerbare patiënten eenvoudig vergoed kunnen "
        "krijgen. LOS reageert op het bericht dat de regeling strenger wordt.",
        NewsKind.REACTION,
        [BASIS],
        (2026, 10, 8, 12),
        ["medische zorg", "CAK"],
        ("de Volkskrant", "https://www.volkskrant.nl/"),
        False,
        [],
    ),
    (
        "media-kinderen-in-detentie",
        "Opnieuw kinderen in vreemdelingendetentie geplaatst",
        "Ondanks eerdere toezeggingen zijn dit jaar opnieuw gezinnen met kinderen in detentie geplaatst.",
        NewsKind.MEDIA,
        [DETENTIE],
        (2026, 9, 30, 7),
        ["detentie", "kinderen"],
        ("NRC", "https://www.nrc.nl/"),
        False,
        [],
    ),
    (
        "uitspraak-eu-hof-terugkeerrichtlijn",
        "Europees Hof: detentie alleen als uitzetting echt mogelijk is",
        "Het Hof van Justitie van de EU herhaalt dat vreemdelingendetentie alleen mag als er zicht is op "
        "uitzetting. Een belangrijke uitspraak voor advocaten.",
        NewsKind.CASE_LAW,
        [DETENTIE],
        (2026, 9, 19, 10),
        ["detentie", "Europees recht"],
        ("Hof van Justitie van de EU", "https://curia.europa.eu/"),
        False,
        [
            "Volgens het Hof moet de rechter steeds toetsen of er nog een redelijk vooruitzicht op uitzetting "
            "is. Is dat er niet, dan moet de vreemdeling vrijkomen.",
        ],
    ),
    (
        "beleid-buitenschuldvergunning",
        "Nieuwe werkinstructie buitenschuldvergunning: wat verandert er?",
        "De IND heeft de werkinstructie voor de buitenschuldvergunning aangepast. Wij zetten de belangrijkste "
        "wijzigingen op een rij.",
        NewsKind.POLICY,
        [ROUTES],
        (2026, 9, 10, 13),
        ["buitenschuld", "IND"],
        None,
        False,
        [
            "Wie buiten zijn schuld niet kan terugkeren naar het land van herkomst, kan een vergunning "
            "aanvragen. De nieuwe werkinstructie stelt andere eisen aan het bewijs van pogingen tot terugkeer.",
        ],
    ),
    (
        "los-nieuwe-medewerker-meldpunt",
        "Nieuwe stagiairs versterken het Meldpunt Vreemdelingendetentie",
        "Twee stagiairs rechten en sociaal werk nemen dit najaar de telefoon van het Meldpunt op.",
        NewsKind.LOS_NEWS,
        [DETENTIE],
        (2026, 9, 1, 9),
        ["Meldpunt"],
        None,
        False,
        ["De stagiairs bellen met gedetineerden en hun advocaten en houden de meldingen bij."],
    ),
    (
        "media-noodopvang-kerken-vol",
        "Kerkelijke noodopvang zit vol: 'We moeten mensen wegsturen'",
        "Kerken die noodopvang bieden aan ongedocumenteerden kunnen de vraag niet meer aan.",
        NewsKind.MEDIA,
        [BASIS],
        (2026, 8, 25, 16),
        ["noodopvang", "kerken"],
        ("Het Parool", "https://www.parool.nl/"),
        False,
        [],
    ),
    (
        "reactie-politiecontroles",
        "LOS reageert: extra controles treffen vooral kwetsbare werkers",
        "Meer controles op illegale arbeid brengen vooral schoonmakers en huishoudelijk werkers in de "
        "problemen, niet de werkgevers die hen uitbuiten.",
        NewsKind.REACTION,
        [DETENTIE],
        (2026, 8, 12, 11),
        ["arbeid", "uitbuiting"],
        ("RTL Nieuws", "https://www.rtlnieuws.nl/"),
        False,
        [],
    ),
    (
        "persbericht-onderzoek-medische-zorg-detentie",
        "Persbericht: onderzoek naar medische zorg in vreemdelingendetentie verschenen",
        "LOS publiceert een onderzoek naar de medische zorg in de detentiecentra, gebaseerd op gesprekken met "
        "oud-gedetineerden, artsen en advocaten.",
        NewsKind.PRESS_RELEASE,
        [DETENTIE, BASIS],
        (2026, 7, 3, 10),
        ["onderzoek", "medische zorg", "detentie"],
        None,
        False,
        [
            "Het onderzoek laat zien dat de toegang tot een arts afhangt van de bewaarder die een verzoek "
            "doorgeeft. LOS pleit voor een directe en vertrouwelijke toegang tot medische zorg.",
        ],
    ),
    (
        "beleid-gemeenten-opvang-akkoord",
        "Rijk en gemeenten maken afspraken over opvang van ongedocumenteerden",
        "Een nieuw bestuursakkoord moet duidelijkheid geven over de taken van gemeenten bij de opvang.",
        NewsKind.POLICY,
        [BASIS],
        (2026, 6, 17, 15),
        ["gemeenten", "LVV"],
        None,
        False,
        ["LOS volgt de uitwerking van het akkoord en praat mee in de klankbordgroep."],
    ),
    (
        "uitspraak-rechtbank-onderwijs",
        "Rechtbank: ongedocumenteerde jongere mag stage lopen",
        "Een rechtbank oordeelt dat een ongedocumenteerde student de stage mag afmaken die bij de opleiding hoort.",
        NewsKind.CASE_LAW,
        [BASIS],
        (2026, 5, 28, 12),
        ["onderwijs", "jongeren"],
        ("Rechtspraak.nl", "https://www.rechtspraak.nl/"),
        False,
        ["De uitspraak is van belang voor jongeren die een beroepsopleiding volgen zonder verblijfsvergunning."],
    ),
    (
        "los-nieuwsbrief-wordt-website",
        "Van tweewekelijkse nieuwsbrief naar dagelijks nieuws",
        "LOS brengt het nieuws voortaan op de dag zelf, op deze website en in een feed die u kunt volgen.",
        NewsKind.LOS_NEWS,
        [BASIS, ROUTES, DETENTIE],
        (2026, 5, 1, 9),
        ["nieuwsbrief"],
        None,
        False,
        [
            "Wilt u het nieuws volgen? Abonneer u op de RSS-feed van de website, of filter op het thema dat u "
            "het meest aangaat.",
        ],
    ),
    (
        "media-artsen-zonder-grenzen-spreekuur",
        "Spreekuur voor mensen zonder papieren draait op vrijwilligers",
        "In verschillende steden houden vrijwillige artsen spreekuur voor mensen zonder verblijfsvergunning.",
        NewsKind.MEDIA,
        [BASIS],
        (2026, 4, 14, 8),
        ["medische zorg", "vrijwilligers"],
        ("NOS", "https://nos.nl/"),
        False,
        [],
    ),
    (
        "reactie-terugkeerbeleid",
        "Reactie op de terugkeerbrief: terugkeer alleen als het veilig en haalbaar is",
        "In de nieuwe brief over terugkeer ontbreekt aandacht voor mensen die niet terug kunnen. LOS reageert.",
        NewsKind.REACTION,
        [ROUTES],
        (2026, 3, 26, 14),
        ["terugkeer"],
        ("Rijksoverheid", "https://www.rijksoverheid.nl/"),
        False,
        [],
    ),
    (
        "beleid-regeling-langdurig-verblijvende-kinderen",
        "Geen nieuwe kinderpardonregeling, wel aandacht voor gewortelde kinderen",
        "Het kabinet komt niet met een nieuwe regeling, maar belooft een zorgvuldiger toets bij kinderen die "
        "hier al lang wonen.",
        NewsKind.POLICY,
        [ROUTES],
        (2026, 2, 19, 11),
        ["kinderen", "verblijfsvergunning"],
        None,
        False,
        ["LOS vindt dat de toets te vrijblijvend blijft en volgt de uitvoering kritisch."],
    ),
    (
        "los-jaarverslag-2025",
        "Jaarverslag 2025: drieduizend vragen aan de helpdesk",
        "De helpdesk van LOS beantwoordde vorig jaar ruim drieduizend vragen van hulpverleners.",
        NewsKind.LOS_NEWS,
        [BASIS, ROUTES, DETENTIE],
        (2026, 1, 30, 10),
        ["jaarverslag", "helpdesk"],
        None,
        False,
        ["De meeste vragen gingen over opvang, medische zorg en de buitenschuldprocedure."],
    ),
    (
        "uitspraak-detentie-ernstig-ziek",
        "Rechter heft detentie op van ernstig zieke man",
        "De rechtbank oordeelt dat de detentie van een ernstig zieke man onrechtmatig was omdat de zorg in "
        "detentie tekortschoot.",
        NewsKind.CASE_LAW,
        [DETENTIE, BASIS],
        (2025, 12, 11, 15),
        ["detentie", "medische zorg"],
        ("Rechtspraak.nl", "https://www.rechtspraak.nl/"),
        False,
        ["Het Meldpunt Vreemdelingendetentie was bij deze zaak betrokken via de advocaat."],
    ),
    (
        "persbericht-winterkouderegeling",
        "Persbericht: LOS roept gemeenten op tot ruime winterkouderegeling",
        "Bij vorst moet iedereen binnen kunnen slapen, met of zonder verblijfsvergunning.",
        NewsKind.PRESS_RELEASE,
        [BASIS],
        (2025, 11, 27, 9),
        ["noodopvang", "winter"],
        None,
        False,
        ["LOS vraagt gemeenten de winterkouderegeling ook open te stellen voor mensen zonder papieren."],
    ),
    (
        "media-detentie-isolatie",
        "Inspectie kritisch over isoleercellen in detentiecentrum",
        "De inspectie constateert dat isolatie in een detentiecentrum te vaak en te lang wordt ingezet.",
        NewsKind.MEDIA,
        [DETENTIE],
        (2025, 10, 21, 10),
        ["detentie", "inspectie"],
        ("Trouw", "https://www.trouw.nl/"),
        False,
        [],
    ),
    (
        "beleid-zorgverzekering-onverzekerbaren",
        "Nieuwe afspraken met apotheken voor zorg aan onverzekerbaren",
        "Het CAK heeft nieuwe contracten gesloten met apotheken. Zo vindt u een apotheek in de buurt.",
        NewsKind.POLICY,
        [BASIS],
        (2025, 9, 16, 12),
        ["CAK", "medische zorg"],
        None,
        False,
        ["Patiënten zonder verblijfsvergunning betalen een kleine eigen bijdrage per medicijn."],
    ),
    (
        "reactie-strafbaarstelling-wetsvoorstel",
        "LOS reageert op wetsvoorstel: 'Niemand is illegaal'",
        "Het wetsvoorstel om illegaal verblijf strafbaar te stellen ligt weer op tafel. LOS reageert.",
        NewsKind.REACTION,
        [DETENTIE],
        (2025, 6, 24, 17),
        ["strafbaarstelling"],
        ("NOS", "https://nos.nl/"),
        False,
        [],
    ),
    (
        "los-training-vrijwilligers",
        "Training voor vrijwilligers: basisrechten van ongedocumenteerden",
        "LOS gaf een training over opvang, zorg en rechtshulp aan vrijwilligers van opvanginitiatieven.",
        NewsKind.LOS_NEWS,
        [BASIS],
        (2025, 4, 9, 14),
        ["training", "vrijwilligers"],
        None,
        False,
        ["Volgend jaar volgen meer trainingen in andere regio's."],
    ),
    (
        "uitspraak-crvb-opvang-gezinnen",
        "Centrale Raad van Beroep: gezinnen met kinderen hebben recht op opvang",
        "Gezinnen met minderjarige kinderen zonder verblijfsvergunning moeten onderdak krijgen.",
        NewsKind.CASE_LAW,
        [BASIS],
        (2025, 2, 13, 11),
        ["kinderen", "noodopvang"],
        ("Rechtspraak.nl", "https://www.rechtspraak.nl/"),
        False,
        [],
    ),
    (
        "media-vrouwen-zonder-papieren",
        "Vrouwen zonder papieren durven geweld niet te melden",
        "Uit onderzoek blijkt dat vrouwen zonder verblijfsvergunning uit angst voor uitzetting geen aangifte doen.",
        NewsKind.MEDIA,
        [BASIS, DETENTIE],
        (2024, 11, 25, 9),
        ["vrouwen", "veilig melden"],
        ("de Volkskrant", "https://www.volkskrant.nl/"),
        False,
        [],
    ),
]

# English versions of a few items: slug -> (title, slug, intro, paragraph translations).
ENGLISH = {
    "meldpunt-jaarrapport-2026": (
        "Detention hotline: more reports about medical care in detention",
        "detention-hotline-annual-report-2026",
        "The Immigration Detention Hotline again received more reports of late or insufficient medical care in "
        "detention centres. LOS asks the state secretary for independent oversight.",
        (
            "Over the past year the Immigration Detention Hotline received reports from detainees, lawyers and "
            "chaplains. Many were about medical care: complaints that were not taken seriously, medicines that "
            "came late and mental distress.",
            "LOS calls for independent medical oversight in the detention centres and for a complaints procedure "
            "detainees can actually use.",
        ),
    ),
    "reactie-strafbaarstelling-illegaal-verblijf": (
        "LOS: criminalising irregular stay criminalises help",
        "reaction-criminalisation-irregular-stay",
        "The proposal to make irregular stay a criminal offence affects not only undocumented people but also "
        "those who help them. LOS calls on the Senate to reject it.",
        (
            "Churches, doctors, shelters and volunteers wonder whether they will soon be committing an offence "
            "when they give someone without a residence permit a bed or a meal. That uncertainty alone makes "
            "people avoid help.",
        ),
    ),
    "persbericht-brede-coalitie-tegen-strafbaarstelling": (
        "Press release: broad coalition of aid organisations against criminalisation",
        "press-release-coalition-against-criminalisation",
        "More than a hundred organisations, from churches to medical associations, sign a call against "
        "criminalising irregular stay.",
        (
            "Utrecht – A broad coalition of aid organisations calls on the government to drop the plan to make "
            "irregular stay a criminal offence. The organisations point to the consequences for public health and "
            "for the safety of vulnerable people.",
            "Note to editors: for more information, contact the Stichting LOS office.",
        ),
    ),
    "uitspraak-raad-van-state-bed-bad-brood": (
        "Council of State: municipality may not simply end emergency shelter",
        "council-of-state-emergency-shelter",
        "The Council of State rules that a municipality may not stop emergency shelter without looking at the "
        "personal circumstances of the resident.",
        (
            "In this ruling the Council of State stresses that the municipality must weigh the case carefully. "
            "For care workers this means that ending shelter can often be challenged.",
        ),
    ),
    "los-nieuwsbrief-wordt-website": (
        "From a fortnightly newsletter to daily news",
        "from-newsletter-to-daily-news",
        "LOS now publishes the news on the day itself, on this website and in a feed you can follow.",
        (
            "Would you like to follow the news? Subscribe to the website's RSS feed, or filter on the theme that "
            "concerns you most.",
        ),
    ),
}


def add_arguments(parser) -> None:
    parser.add_argument(
        "--news",
        type=int,
        default=0,
        metavar="N",
        help="Voeg N gegenereerde nieuwsberichten toe (voor benchmarks).",
    )


def _paragraphs(texts: list[str]) -> list[tuple[str, RichText]]:
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def seed(context: DemoContext) -> None:
    site = main_site()
    home = site.root_page.specific
    index = context.ensure_child(
        home,
        NewsIndexPage,
        "nieuws",
        title="Nieuws",
        intro=(
            "Nieuws, reacties en persberichten van LOS, en nieuws uit de media over mensen zonder verblijfsvergunning."
        ),
    )
    add_menu_link(NavigationSettings.for_site(site), index, sort_order=10)
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale_id=index.locale_id)}
    existing = set(index.get_children().values_list("slug", flat=True))
    image = None
    for position, item in enumerate(ITEMS):
        slug, title, intro, kind, theme_slugs, when, tags, source, featured, paragraphs = item
        if slug in existing:
            continue
        if image is None and position % 4 == 0:
            image = generated_image("Demo: nieuws LOS", background="#073446", text="Nieuws\nStichting LOS")
        page = NewsPage(
            slug=slug,
            title=title,
            intro=intro,
            kind=kind,
            publication_date=datetime.datetime(*when, tzinfo=AMS),
            body=_paragraphs(paragraphs),
            source_name=source[0] if source else "",
            source_url=source[1] if source else "",
            featured=featured,
            show_on_microsite=BASIS in theme_slugs and kind in (NewsKind.MEDIA, NewsKind.CASE_LAW),
            listing_image=image if position % 4 == 0 else None,
            listing_image_alt="Het woord Nieuws in witte letters op een donkerblauwe achtergrond."
            if position % 4 == 0
            else "",
        )
        page.themes = [themes[theme_slug] for theme_slug in theme_slugs if theme_slug in themes]
        page.tags.add(*tags)
        index.add_child(instance=page)
        page.save_revision().publish()
        context.created += 1
    _seed_english(context, index)
    count = context.options.get("news") or 0
    if count:
        started = time.perf_counter()
        created = create_generated_news(index, count)
        context.created += created
        context.log(f"Nieuws: {created} gegenereerde berichten in {time.perf_counter() - started:.1f} s.")


def _seed_english(context: DemoContext, index: NewsIndexPage) -> None:
    if not index.get_translations().filter(locale__language_code="en").exists():
        translate(
            index,
            "en",
            {
                "Nieuws": "News",
                "nieuws": "news",
                index.intro: (
                    "News, reactions and press releases from LOS, and news from the media about people without "
                    "a residence permit."
                ),
            },
        )
        context.created += 1
    for page in NewsPage.objects.child_of(index).filter(slug__in=ENGLISH):
        if page.get_translations().filter(locale__language_code="en").exists():
            continue
        title, slug, intro, paragraphs = ENGLISH[page.slug]
        dutch = next(item[-1] for item in ITEMS if item[0] == page.slug)
        translate(
            page,
            "en",
            {
                page.title: title,
                page.slug: slug,
                page.intro: intro,
                page.listing_image_alt: "The word News in white letters on a dark blue background.",
                **dict(zip(dutch, paragraphs, strict=True)),
            },
        )
        context.created += 1

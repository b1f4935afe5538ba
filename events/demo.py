"""Demo content for the agenda: the agenda page, a season of network events across the country, and the import
template as a document."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from events.importing import aware, template_xlsx
from events.models import Event, EventIndexPage
from home.demo import add_menu_link
from home.demo_support import DemoContext, main_site
from home.models import NavigationSettings, Theme

# (kenmerk, titel, weeks from the season start, weekday offset, start, end, location, city, themes, organiser)
SEASON = [
    ("basis", "Regiobijeenkomst opvang Noord", 1, 1, "19:30", "21:30", "Het Pand", "Groningen", ["basisrechten"]),
    (
        "zorg",
        "Training medische zorg voor ongedocumenteerden",
        2,
        3,
        "13:00",
        "16:30",
        "LOS",
        "Utrecht",
        ["basisrechten"],
    ),
    (
        "debat",
        "Debat: de Landelijke Vreemdelingenvoorziening na 2027",
        3,
        2,
        "20:00",
        "22:00",
        "De Balie",
        "Amsterdam",
        ["routes-naar-verblijf"],
    ),
    (
        "spreek-r",
        "Juridisch spreekuur Rotterdam",
        4,
        0,
        "14:00",
        "17:00",
        "Wereldhuis",
        "Rotterdam",
        ["routes-naar-verblijf"],
    ),
    (
        "detentie",
        "Netwerkoverleg vreemdelingendetentie",
        5,
        4,
        "10:00",
        "12:30",
        "Bibliotheek",
        "Zwolle",
        ["controle-en-detentie"],
    ),
    ("nijmegen", "Vrijwilligersavond Nijmegen", 6, 2, "19:00", "21:00", "Buurthuis Oost", "Nijmegen", ["basisrechten"]),
    (
        "eindhoven",
        "Infobijeenkomst onderwijs en ongedocumenteerde kinderen",
        7,
        1,
        "15:30",
        "17:30",
        "Stadhuis",
        "Eindhoven",
        ["basisrechten"],
    ),
    (
        "den-haag",
        "Rondetafel met Kamerleden",
        8,
        3,
        "11:00",
        "13:00",
        "Nieuwspoort",
        "Den Haag",
        ["routes-naar-verblijf"],
    ),
    (
        "platform",
        "Platform Migranten zonder Verblijfsvergunning",
        10,
        5,
        "",
        "",
        "",
        "Utrecht",
        ["basisrechten", "routes-naar-verblijf"],
    ),
    ("online", "Webinar: nieuwe regels voor rechtshulp", 11, 2, "16:00", "17:00", "", "", ["routes-naar-verblijf"]),
    (
        "terugblik",
        "Terugblik: jaarbijeenkomst LOS",
        -3,
        4,
        "13:30",
        "17:00",
        "Stadsschouwburg",
        "Utrecht",
        ["basisrechten"],
    ),
]


def season_start(today: datetime.date) -> datetime.date:
    """The Monday of the current week: the demo season always lies ahead (plus one event behind us)."""
    return today - datetime.timedelta(days=today.weekday())


def seed(context: DemoContext) -> None:
    site = main_site()
    home = site.root_page.specific
    agenda = context.ensure_child(
        home,
        EventIndexPage,
        "agenda",
        title="Agenda",
        intro=(
            "Bijeenkomsten, spreekuren, trainingen en debatten van het netwerk rond ongedocumenteerden, "
            "in het hele land."
        ),
    )
    add_menu_link(NavigationSettings.for_site(site), agenda, sort_order=30)

    if not Event.objects.filter(external_id__startswith="demo-").exists():
        themes = {theme.slug: theme for theme in Theme.objects.filter(locale=home.locale)}
        start_day = season_start(datetime.date.today())
        for key, title, weeks, weekday, start, end, location, city, theme_slugs in SEASON:
            day = start_day + datetime.timedelta(weeks=weeks, days=weekday)
            all_day = not start
            begin = aware(day, datetime.time.fromisoformat(start) if start else datetime.time())
            event = Event.objects.create(
                external_id=f"demo-{key}",
                title=title,
                start=begin,
                end=aware(day, datetime.time.fromisoformat(end)) if end else None,
                all_day=all_day,
                location=location,
                city=city,
                organiser="Stichting LOS",
                online_url="https://meet.example.org/los-webinar" if key == "online" else "",
                description=(
                    f"{title}. Voor vrijwilligers, hulpverleners en professionals uit het netwerk. "
                    "Toegang gratis; aanmelden is niet nodig tenzij anders vermeld."
                ),
                audience="Vrijwilligers en hulpverleners",
            )
            event.themes.set([themes[slug] for slug in theme_slugs if slug in themes])
            context.created += 1

    _translate_some_into_english(context)

    Document = get_document_model()
    if not Document.objects.filter(title="Sjabloon agenda-import").exists():
        document = Document(title="Sjabloon agenda-import")
        document.file.save("sjabloon-agenda.xlsx", ContentFile(template_xlsx()), save=False)
        document.save()
        context.created += 1


# A few events in English too (translated with wagtail-localize, as staff would with "Vertalen").
EVENTS_EN = {
    "zorg": "Training: medical care for undocumented people",
    "debat": "Debate: the National Immigration Facilities after 2027",
    "detentie": "Network meeting on immigration detention",
}
DESCRIPTION_EN = (
    "For volunteers, care workers and professionals in the network. Free entry; no need to sign up unless stated "
    "otherwise."
)


def _translate_some_into_english(context: DemoContext) -> None:
    from multilingual.translation import translate

    agenda = EventIndexPage.objects.filter(locale__language_code="nl").first()
    if agenda is not None and not agenda.get_translations().filter(locale__language_code="en").exists():
        # The English agenda lists every event: in English where translated, else in Dutch.
        translate(
            agenda,
            "en",
            {
                agenda.title: "Events",
                agenda.slug: "events",
                agenda.intro: (
                    "Meetings, consultation hours, training sessions and debates of the network around undocumented "
                    "people, across the country."
                ),
            },
        )
        context.created += 1
    for key, title in EVENTS_EN.items():
        event = Event.objects.originals().filter(external_id=f"demo-{key}").first()
        if event is None or event.get_translations().filter(locale__language_code="en").exists():
            continue
        description = event.description
        translate(
            event,
            "en",
            {
                event.title: title,
                description: f"{title}. {DESCRIPTION_EN}",
                "Vrijwilligers en hulpverleners": "Volunteers and care workers",
            },
        )
        context.created += 1

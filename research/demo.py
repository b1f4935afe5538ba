"""Demo content for research: the publications overview, five publications, funders and the funders page."""

from __future__ import annotations

import datetime

from wagtail.models import Page
from wagtail.rich_text import RichText

from home.demo import add_menu_link
from home.demo_support import DemoContext, default_locale, generated_image, main_site
from home.models import ContentPage, NavigationSettings, Theme
from research.demo_pdf import pdf_document
from research.models import (
    AdvisoryGroupMember,
    FooterFunder,
    Funder,
    FunderIndexPage,
    FunderSettings,
    PublicationAuthor,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
)

# (name, logo colour, description, acknowledgement, active from, active until). Invented funds: the demo must not
# claim that real organisations fund LOS.
FUNDERS = [
    (
        "Fonds Menswaardig Bestaan",
        "#2f6b3a",
        "Steunt organisaties die opkomen voor de basisrechten van mensen in een kwetsbare positie.",
        "Dit project is mogelijk gemaakt door een bijdrage van het Fonds Menswaardig Bestaan.",
        datetime.date(2012, 1, 1),
        None,
    ),
    (
        "Stichting Utrechts Steunfonds",
        "#8a2c2c",
        "Een Utrechts fonds voor sociale projecten in stad en provincie.",
        "Met steun van de Stichting Utrechts Steunfonds.",
        datetime.date(2014, 1, 1),
        None,
    ),
    (
        "Diaconaal Fonds Noord",
        "#4b3f8c",
        "Het gezamenlijke fonds van diaconieën in het noorden van het land.",
        "Mede mogelijk gemaakt door het Diaconaal Fonds Noord.",
        datetime.date(2015, 1, 1),
        None,
    ),
    (
        "Europees Fonds voor Basisrechten",
        "#1d4e89",
        "Een Europees fonds voor onderzoek naar mensenrechten van migranten.",
        "Dit onderzoek is gefinancierd door het Europees Fonds voor Basisrechten. De inhoud is de "
        "verantwoordelijkheid van de auteurs.",
        datetime.date(2014, 6, 1),
        None,
    ),
    (
        "Stichting Open Deur",
        "#6b5a2f",
        "Steunde van 2010 tot en met 2016 de opvang van ongedocumenteerden.",
        "Met dank aan de Stichting Open Deur.",
        datetime.date(2010, 1, 1),
        datetime.date(2016, 12, 31),
    ),
]


def _p(*paragraphs: str) -> tuple[str, RichText]:
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def _section(title: str, *paragraphs: str) -> tuple[str, dict]:
    return ("section", {"title": title, "content": [_p(*paragraphs)]})


def _funders(context: DemoContext) -> dict[str, Funder]:
    locale = default_locale()
    funders = {}
    for name, colour, description, acknowledgement, start, end in FUNDERS:
        funder = Funder.objects.filter(name=name, locale=locale).first()
        if funder is None:
            logo = generated_image(
                f"Demo-logo: {name}", background=colour, text=name.replace(" ", "\n", 1), size=(480, 240)
            )
            funder = Funder.objects.create(
                locale=locale,
                name=name,
                logo=logo,
                logo_alt=f"Logo van {name}",
                link="",
                description=description,
                acknowledgement=acknowledgement,
                active_from=start,
                active_until=end,
            )
            context.created += 1
        funders[name] = funder
    return funders


def _publication(
    context: DemoContext,
    index: PublicationIndexPage,
    slug: str,
    *,
    authors,
    advisory=(),
    themes=(),
    funders=(),
    **fields,
) -> PublicationPage:
    existing = index.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = PublicationPage(slug=slug, **fields)
    for order, (name, family_name, affiliation, role, orcid) in enumerate(authors):
        page.authors.add(
            PublicationAuthor(
                name=name, family_name=family_name, affiliation=affiliation, role=role, orcid=orcid, sort_order=order
            )
        )
    for order, (name, organisation) in enumerate(advisory):
        page.advisory_members.add(AdvisoryGroupMember(name=name, organisation=organisation, sort_order=order))
    page.themes = list(themes)
    page.funders = list(funders)
    index.add_child(instance=page)
    page.save_revision().publish()
    context.created += 1
    return page


def seed(context: DemoContext) -> None:
    site = main_site()
    home = site.root_page.specific
    funders = _funders(context)
    themes = {t.slug: t for t in Theme.objects.filter(locale=default_locale())}

    index = context.ensure_child(
        home,
        PublicationIndexPage,
        "publicaties",
        title="Publicaties",
        intro=(
            "Rapporten van het Meldpunt Vreemdelingendetentie, artikelen, onderzoek van studenten en onze "
            "jaarverslagen. Vrij te downloaden en te citeren."
        ),
    )
    add_menu_link(NavigationSettings.for_site(site), index, sort_order=20)

    f = funders
    _publication(
        context,
        index,
        "medische-zorg-in-vreemdelingendetentie",
        title="Medische zorg in vreemdelingendetentie",
        publication_type=PublicationType.REPORT,
        publication_date=datetime.date(2015, 6, 15),
        language="nl",
        summary=(
            "Een rapport van het Meldpunt Vreemdelingendetentie over 64 meldingen van gedetineerden en hun "
            "hulpverleners. Medische klachten worden vaak laat of niet serieus genomen, tolken ontbreken en "
            "medische dossiers gaan bij overplaatsing verloren. Het rapport doet twaalf aanbevelingen."
        ),
        body=[
            _section(
                "Inleiding",
                "Het Meldpunt Vreemdelingendetentie verzamelt sinds 2013 ervaringen van mensen in "
                "vreemdelingendetentie. Dit rapport is gemaakt samen met Dokters van de Wereld, Amnesty "
                "International en het Landelijk Netwerk Vreemdelingendetentie.",
            ),
            _section(
                "Wat de meldingen laten zien",
                "In bijna de helft van de meldingen duurde het meer dan een week voordat een arts werd gezien.",
                "Gesprekken met de medische dienst vonden vaak plaats zonder tolk.",
            ),
            _section(
                "Aanbevelingen",
                "Zorg voor een onafhankelijke medische beoordeling bij binnenkomst en een tolk bij elk "
                "medisch gesprek. Geef het medisch dossier mee bij overplaatsing en uitzetting.",
            ),
        ],
        pdf=pdf_document(
            "Rapport: Medische zorg in vreemdelingendetentie (2015)",
            [
                "Meldpunt Vreemdelingendetentie, Stichting LOS, juni 2015",
                "In samenwerking met Dokters van de Wereld en Amnesty International",
            ],
            pages=12,
            filename="medische-zorg-in-vreemdelingendetentie-2015.pdf",
        ),
        cover_image=generated_image(
            "Demo: omslag Medische zorg in vreemdelingendetentie",
            background="#0b4f6c",
            text="Medische zorg in\nvreemdelingendetentie\n2015",
            size=(600, 848),
        ),
        authors=[
            ("Anna de Vries", "de Vries", "Stichting LOS", "staff", ""),
            ("Joris Bakker", "", "Stichting LOS, Meldpunt Vreemdelingendetentie", "intern", ""),
        ],
        advisory=[
            ("Dokters van de Wereld", ""),
            ("Amnesty International Nederland", ""),
            ("Landelijk Netwerk Vreemdelingendetentie", ""),
        ],
        themes=[themes[s] for s in ("controle-en-detentie", "basisrechten") if s in themes],
        funders=[f["Fonds Menswaardig Bestaan"], f["Europees Fonds voor Basisrechten"]],
    )

    _publication(
        context,
        index,
        "rechtspositie-tijdens-uitzetting",
        title="De rechtspositie van vreemdelingen tijdens de uitzetting",
        publication_type=PublicationType.ARTICLE,
        publication_date=datetime.date(2015, 10, 1),
        language="nl",
        summary=(
            "Welke rechten heeft iemand tijdens het vertrek uit Nederland, van de aanzegging tot de overdracht "
            "aan de autoriteiten van het land van herkomst? Het artikel bespreekt toezicht, klachtrecht en "
            "medische begeleiding tijdens gedwongen terugkeer."
        ),
        body=[
            _section("Inleiding", "Gedwongen vertrek is een ingrijpende maatregel waarop weinig toezicht is."),
            _section("Toezicht en klachtrecht", "De Commissie van Toezicht heeft geen zicht op de vlucht zelf."),
            _section("Conclusie", "Een onafhankelijke klachtprocedure voor de hele uitzetting is nodig."),
        ],
        pdf=pdf_document(
            "Artikel: De rechtspositie van vreemdelingen tijdens de uitzetting (2015)",
            ["Asiel & Migrantenrecht 2015, nr. 8, p. 372-379"],
            pages=8,
            filename="rechtspositie-tijdens-uitzetting-2015.pdf",
        ),
        journal="Asiel & Migrantenrecht",
        volume="6",
        issue="8",
        pages="372-379",
        doi="10.5555/los-demo.2015.008",
        authors=[
            ("Marieke van den Berg", "van den Berg", "Universiteit Utrecht", "external", "0000-0002-1825-0097"),
            ("Anna de Vries", "de Vries", "Stichting LOS", "staff", ""),
        ],
        themes=[themes[s] for s in ("controle-en-detentie",) if s in themes],
        funders=[f["Europees Fonds voor Basisrechten"]],
    )

    for year, names, pages in (
        (2014, ["Fonds Menswaardig Bestaan", "Stichting Open Deur", "Stichting Utrechts Steunfonds"], 16),
        (
            2015,
            [
                "Fonds Menswaardig Bestaan",
                "Stichting Open Deur",
                "Stichting Utrechts Steunfonds",
                "Diaconaal Fonds Noord",
                "Europees Fonds voor Basisrechten",
            ],
            20,
        ),
    ):
        _publication(
            context,
            index,
            f"jaarverslag-{year}",
            title=f"Jaarverslag {year}",
            publication_type=PublicationType.ANNUAL_REPORT,
            publication_date=datetime.date(year + 1, 5, 1),
            language="nl",
            summary=(
                f"Wat LOS in {year} deed: de helpdesk beantwoordde honderden vragen, het netwerk kwam vier keer "
                "bijeen en het Meldpunt Vreemdelingendetentie publiceerde zijn bevindingen. Met dank aan de "
                "fondsen die dit werk mogelijk maakten."
            ),
            body=[
                _section("Helpdesk", f"In {year} kwamen de meeste vragen over medische zorg en onderdak."),
                _section("Netwerk", "Opvanginitiatieven uit het hele land wisselden ervaringen uit."),
                _section("Financiën", "De fondsen hieronder maakten ons werk mogelijk."),
            ],
            pdf=pdf_document(
                f"Jaarverslag Stichting LOS {year}",
                [f"Stichting LOS, jaarverslag over {year}"],
                pages=pages,
                filename=f"jaarverslag-los-{year}.pdf",
            ),
            authors=[],
            themes=list(themes.values()),
            funders=[f[name] for name in names],
        )

    _publication(
        context,
        index,
        "onderwijs-voor-ongedocumenteerde-kinderen",
        title="Naar school zonder papieren: toegang tot onderwijs voor ongedocumenteerde kinderen",
        publication_type=PublicationType.STUDENT_RESEARCH,
        publication_date=datetime.date(2016, 2, 1),
        language="nl",
        summary=(
            "Een masterscriptie over de drempels die ongedocumenteerde kinderen ervaren bij inschrijving op "
            "school, stages en examens, gebaseerd op interviews met scholen en ouders."
        ),
        body=[
            _section("Onderzoeksvraag", "Welke drempels ervaren ongedocumenteerde kinderen in het onderwijs?"),
            _section("Bevindingen", "Scholen weten vaak niet dat zij deze kinderen mogen en moeten inschrijven."),
        ],
        pdf=pdf_document(
            "Studentenonderzoek: Naar school zonder papieren (2016)",
            ["Masterscriptie, Universiteit Utrecht, in opdracht van Stichting LOS"],
            pages=6,
            filename="naar-school-zonder-papieren-2016.pdf",
        ),
        authors=[("Sara El Amrani", "El Amrani", "Universiteit Utrecht", "student", "")],
        themes=[themes[s] for s in ("basisrechten",) if s in themes],
        funders=[],
    )

    _funders_page(context, home)
    _footer_order(site, funders)


def _funders_page(context: DemoContext, home: Page) -> None:
    """The funders overview at /over-los/fondsen/ (a content page an editor made there earlier is replaced only
    when nobody has edited it)."""
    about = home.get_children().filter(slug="over-los").first()
    if about is None:
        return
    existing = about.get_children().filter(slug="fondsen").first()
    if existing is not None and isinstance(existing.specific, FunderIndexPage):
        return
    title, intro = "Fondsen", "Het werk van LOS is mogelijk dankzij deze fondsen."
    if existing is not None:
        placeholder = existing.specific
        if not isinstance(placeholder, ContentPage) or placeholder.revisions.count() > 1:
            return  # an editor has worked on it: leave it alone
        title, intro = placeholder.title, placeholder.intro
        placeholder.delete()
        about.refresh_from_db()
    context.ensure_child(about.specific, FunderIndexPage, "fondsen", title=title, intro=intro)


def _footer_order(site, funders: dict[str, Funder]) -> None:
    setting = FunderSettings.for_site(site)
    if setting.footer_funders.exists():
        return
    for order, name in enumerate(
        [
            "Fonds Menswaardig Bestaan",
            "Europees Fonds voor Basisrechten",
            "Stichting Utrechts Steunfonds",
            "Diaconaal Fonds Noord",
            "Stichting Open Deur",
        ]
    ):
        FooterFunder.objects.create(setting=setting, funder=funders[name], sort_order=order)

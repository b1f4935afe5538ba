"""The demo privacy statement, in Dutch and English: (heading, [paragraph, ...]) per section, each text as
(Dutch, English). The Dutch builds the page; the pairs translate it through wagtail-localize."""

from __future__ import annotations

TITLE = ("Privacyverklaring", "Privacy statement")
SLUG = ("privacy", "privacy")
INTRO = (
    "Wat deze website over u bewaart: zo weinig mogelijk, en nooit langer dan nodig.",
    "What this website keeps about you: as little as possible, and never for longer than needed.",
)

SECTIONS: list[tuple[tuple[str, str], list[tuple[str, str]]]] = [
    (
        ("Als u de website bezoekt", "When you visit the website"),
        [
            (
                "Deze website plaatst geen cookies bij bezoekers, ook niet als u een formulier verstuurt. Wij "
                "gebruiken geen bezoekersstatistieken van andere partijen en de website laadt niets van andere "
                "websites: geen lettertypen, geen kaarten, geen knoppen van sociale media.",
                "This website sets no cookies for visitors, not even when you send a form. We use no visitor "
                "statistics from other parties and the website loads nothing from other websites: no fonts, no "
                "maps, no social media buttons.",
            ),
            (
                "Video's van YouTube of Vimeo worden pas geladen als u zelf op 'Video afspelen' klikt. Vanaf dat "
                "moment maakt uw browser verbinding met die dienst en gelden de regels van die dienst.",
                "Videos from YouTube or Vimeo are only loaded when you click 'Play video' yourself. From that "
                "moment your browser connects to that service and that service's rules apply.",
            ),
        ],
    ),
    (
        ("Wat onze server bijhoudt", "What our server records"),
        [
            (
                "De server noteert per verzoek de datum en tijd, de opgevraagde pagina zonder het deel na het "
                "vraagteken (dus zonder uw zoekwoorden) en of het gelukt is. Uw IP-adres en uw browser worden "
                "niet genoteerd. In foutmeldingen worden IP-adressen en e-mailadressen automatisch weggelaten.",
                "For each request the server records the date and time, the page asked for without the part after "
                "the question mark (so without your search words) and whether it worked. Your IP address and your "
                "browser are not recorded. IP addresses and e-mail addresses are left out of error reports "
                "automatically.",
            ),
            (
                "Van zoekopdrachten tellen wij alleen hoe vaak een woord gezocht wordt, om de zoekfunctie te "
                "verbeteren. Dat is niet terug te leiden tot u.",
                "Of searches we only count how often a word is searched for, to improve the search. That cannot "
                "be traced back to you.",
            ),
        ],
    ),
    (
        ("Als u een formulier invult", "When you fill in a form"),
        [
            (
                "Bij een aanmelding of petitie bewaren wij alleen wat u invult, en alleen zo lang als bij het "
                "formulier staat. Daarna worden uw gegevens automatisch gewist; alleen het aantal aanmeldingen "
                "blijft. Uw IP-adres en uw browser bewaren wij niet.",
                "For a sign-up or petition we keep only what you fill in, and only as long as the form says. "
                "After that your details are erased automatically; only the number of sign-ups remains. We do "
                "not keep your IP address or your browser.",
            ),
            (
                "Om misbruik te voorkomen onthoudt de server tien minuten lang hoe vaak een formulier vanaf "
                "dezelfde aansluiting is verstuurd. Dat gebeurt met een code die uit uw IP-adres wordt "
                "berekend met een sleutel die elke dag verandert; het IP-adres zelf wordt niet opgeslagen.",
                "To prevent abuse the server remembers for ten minutes how often a form was sent from the same "
                "connection. It does so with a code calculated from your IP address with a key that changes "
                "every day; the IP address itself is not stored.",
            ),
            (
                "Alleen medewerkers met een eigen account en toestemming kunnen aanmeldingen inzien.",
                "Only staff with their own account and permission can see sign-ups.",
            ),
        ],
    ),
    (
        ("Medewerkers die inloggen", "Staff who log in"),
        [
            (
                "Wie voor Stichting LOS de website beheert, krijgt bij het inloggen een cookie dat nodig is om "
                "ingelogd te blijven; het vervalt na het sluiten van de browser of uiterlijk na acht uur. "
                "Inloggen vraagt een wachtwoord en een code uit een app. Mislukte inlogpogingen worden per "
                "gebruikersnaam geteld, zonder IP-adres, en binnen een dag gewist.",
                "Whoever manages the website for Stichting LOS gets a cookie when logging in that is needed to "
                "stay logged in; it expires when the browser is closed or after eight hours at most. Logging in "
                "takes a password and a code from an app. Failed login attempts are counted per user name, "
                "without IP address, and erased within a day.",
            ),
        ],
    ),
    (
        ("Back-ups", "Backups"),
        [
            (
                "Van de website en de ingevulde formulieren worden back-ups gemaakt, zodat niets verloren gaat. "
                "Gegevens die gewist zijn, verdwijnen uit de back-ups zodra de oudere back-ups worden vervangen.",
                "Backups are made of the website and the forms filled in, so that nothing is lost. Data that "
                "has been erased disappears from the backups as soon as the older backups are replaced.",
            ),
        ],
    ),
    (
        ("Vragen", "Questions"),
        [
            (
                "Wilt u weten welke gegevens wij van u hebben, of wilt u ze laten verwijderen? Mail ons. Een "
                "beveiligingsprobleem gevonden? Zie /.well-known/security.txt voor hoe u het ons meldt.",
                "Would you like to know what data we hold about you, or have it removed? E-mail us. Found a "
                "security problem? See /.well-known/security.txt for how to report it to us.",
            ),
        ],
    ),
]


def english() -> dict[str, str]:
    """Dutch source text -> English, for multilingual.translation.translate."""
    pairs = [TITLE, SLUG, INTRO]
    for heading, paragraphs in SECTIONS:
        pairs += [heading, *paragraphs]
    return dict(pairs)

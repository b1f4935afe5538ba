"""Demo translations of the iLegalevrouw microsite: English, French and Arabic (and a Spanish home page).

Made through wagtail-localize (multilingual.translation.translate), so editors see them in the translation editor like
any other translation. Each row is (Dutch source, English, French, Arabic); a string without a translation
stays Dutch until someone translates it.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Locale, Site

from campaigns.models import HelpLocation, MicrositeHomePage
from home.demo_support import MICROSITE_HOSTNAME, DemoContext
from home.models import SiteLanguages, SiteTexts
from multilingual.translation import translate

LANGUAGES = ("en", "fr", "ar")
MICROSITE_LANGUAGES = ["nl", "en", "fr", "es", "ar"]

HOME = [
    ("ilegalevrouw", "ilegalevrouw", "ilegalevrouw", "ilegalevrouw"),
    (
        "Informatie en steun voor vrouwen zonder verblijfsvergunning, en voor de organisaties die hen helpen. "
        "Veilig te bezoeken.",
        "Information and support for women without a residence permit, and for the organisations that help "
        "them. Safe to visit.",
        "Informations et soutien pour les femmes sans titre de séjour, et pour les organisations qui les "
        "aident. Un site que vous pouvez consulter en sécurité.",
        "معلومات ودعم للنساء اللواتي لا يملكن تصريح إقامة، وللمنظمات التي تساعدهن. يمكنكِ زيارة هذا الموقع بأمان.",
    ),
]
HOME_ES = {
    "ilegalevrouw": "ilegalevrouw",
    HOME[1][0]: (
        "Información y apoyo para mujeres sin permiso de residencia, y para las organizaciones que las ayudan. "
        "Una web que puedes visitar con seguridad."
    ),
}

# The microsite's header and footer texts (home.SiteTexts).
SITE_TEXTS = [
    (
        "Voor vrouwen zonder verblijfsvergunning",
        "For women without a residence permit",
        "Pour les femmes sans titre de séjour",
        "للنساء اللواتي لا يملكن تصريح إقامة",
    ),
    (
        "iLegalevrouw is een project van Stichting LOS.",
        "iLegalevrouw is a project of Stichting LOS.",
        "iLegalevrouw est un projet de la Stichting LOS.",
        "iLegalevrouw مشروع تابع لمؤسسة LOS.",
    ),
]
SITE_TEXTS_ES = {
    SITE_TEXTS[0][0]: "Para mujeres sin permiso de residencia",
    SITE_TEXTS[1][0]: "iLegalevrouw es un proyecto de Stichting LOS.",
}

VIOLENCE = [
    ("Huiselijk geweld", "Domestic violence", "Violences conjugales et familiales", "العنف الأسري"),
    ("huiselijk-geweld", "domestic-violence", "violences-familiales", "al-unf-al-usari"),
    (
        "Ook zonder verblijfsvergunning heb je recht op bescherming en opvang.",
        "Even without a residence permit you have the right to protection and shelter.",
        "Même sans titre de séjour, tu as droit à la protection et à un hébergement.",
        "حتى بدون تصريح إقامة، لكِ الحق في الحماية والإيواء.",
    ),
    (
        "Word je thuis bedreigd, geslagen of vastgehouden? Dat is nooit jouw schuld. Je kunt hulp krijgen, "
        "ook als je geen papieren hebt. Bel in een noodgeval altijd 112.",
        "Are you threatened, beaten or held against your will at home? It is never your fault. You can get help, "
        "even if you have no papers. In an emergency, always call 112.",
        "Es-tu menacée, frappée ou retenue à la maison ? Ce n'est jamais de ta faute. Tu peux obtenir de l'aide, "
        "même sans papiers. En cas d'urgence, appelle toujours le 112.",
        "هل تتعرضين في البيت للتهديد أو الضرب أو الاحتجاز؟ هذا ليس ذنبكِ أبدًا. يمكنكِ الحصول على المساعدة حتى "
        "لو لم تكن لديكِ أوراق. في حالة الطوارئ اتصلي دائمًا بالرقم 112.",
    ),
    ("Aangifte doen", "Reporting to the police", "Porter plainte", "تقديم بلاغ"),
    (
        "Je kunt aangifte doen bij de politie. Er zijn afspraken om slachtoffers zonder papieren niet "
        "meteen vast te zetten ('free in, free out'). Neem iemand mee die je vertrouwt.",
        "You can report it to the police. There are agreements not to detain victims without papers straight "
        "away ('free in, free out'). Bring someone you trust.",
        "Tu peux porter plainte à la police. Il existe des accords pour que les victimes sans papiers ne soient "
        "pas placées en rétention tout de suite (« free in, free out »). Viens avec une personne de confiance.",
        "يمكنكِ تقديم بلاغ لدى الشرطة. هناك اتفاقات بألا تُحتجز الضحايا اللواتي لا يملكن أوراقًا فورًا "
        "(«free in, free out»). اصطحبي معكِ شخصًا تثقين به.",
    ),
]

RIGHTS = [
    ("Je rechten", "Your rights", "Tes droits", "حقوقكِ"),
    ("je-rechten", "your-rights", "tes-droits", "huquqik"),
    (
        "Iedereen in Nederland heeft recht op medische zorg, onderwijs voor kinderen en rechtshulp.",
        "Everyone in the Netherlands has the right to medical care, education for children and legal aid.",
        "Aux Pays-Bas, tout le monde a droit aux soins médicaux, à l'école pour les enfants et à l'aide juridique.",
        "لكل شخص في هولندا الحق في الرعاية الطبية، وفي تعليم الأطفال، وفي المساعدة القانونية.",
    ),
    (
        "Een huisarts of ziekenhuis moet je helpen als dat medisch nodig is. Artsen hebben "
        "beroepsgeheim: zij geven je gegevens niet door aan de politie.",
        "A GP or hospital must help you when it is medically necessary. Doctors are bound by professional "
        "secrecy: they do not pass your details on to the police.",
        "Un médecin généraliste ou un hôpital doit t'aider quand c'est médicalement nécessaire. Les médecins "
        "sont tenus au secret professionnel : ils ne transmettent pas tes données à la police.",
        "يجب على طبيب العائلة أو المستشفى مساعدتكِ عندما يكون ذلك ضروريًا طبيًا. الأطباء ملزمون بالسر المهني: "
        "لا يعطون بياناتكِ للشرطة.",
    ),
    ("Vragen", "Questions", "Questions", "أسئلة"),
    (
        "Mag ik naar de vrouwenopvang zonder papieren?",
        "Can I go to a women's shelter without papers?",
        "Puis-je aller dans un foyer pour femmes sans papiers ?",
        "هل يمكنني الذهاب إلى دار إيواء النساء بدون أوراق؟",
    ),
    (
        "Ja. Vraag Veilig Thuis om advies over een opvangplek.",
        "Yes. Ask Veilig Thuis for advice about a place in a shelter.",
        "Oui. Demande conseil à Veilig Thuis pour trouver une place d'hébergement.",
        "نعم. اطلبي من Veilig Thuis النصيحة بشأن مكان في دار إيواء.",
    ),
]

FINDER = [
    ("Hulp zoeken", "Find help", "Trouver de l'aide", "البحث عن مساعدة"),
    ("hulp-zoeken", "find-help", "trouver-de-l-aide", "musaada"),
    (
        "Zoek een plek waar je terecht kunt. In een noodgeval: bel 112.",
        "Find a place where you can go. In an emergency: call 112.",
        "Trouve un endroit où tu peux aller. En cas d'urgence : appelle le 112.",
        "ابحثي عن مكان يمكنكِ اللجوء إليه. في حالة الطوارئ: اتصلي بالرقم 112.",
    ),
]

SAFE = [
    ("Veilig surfen", "Browsing safely", "Naviguer en sécurité", "التصفح بأمان"),
    ("veilig-surfen", "browsing-safely", "naviguer-en-securite", "tasaffuh-aamin"),
    (
        "Hoe je deze website bezoekt zonder dat iemand het kan zien.",
        "How to visit this website without anyone being able to see it.",
        "Comment consulter ce site sans que personne ne puisse le voir.",
        "كيف تزورين هذا الموقع دون أن يتمكن أحد من رؤية ذلك.",
    ),
    ("De knop 'Snel weg'", "The 'Leave quickly' button", "Le bouton « Partir vite »", "زر «خروج سريع»"),
    (
        "Bovenaan elke pagina staat de knop 'Snel weg'. Klik erop, of druk twee keer snel achter elkaar "
        "op de Escape-toets (Esc), en je komt meteen op een website met het weerbericht. Met de knop "
        "'Terug' kom je niet terug op deze pagina.",
        "At the top of every page is the 'Leave quickly' button. Click it, or press the Escape key (Esc) twice "
        "in quick succession, and you go straight to a weather website. The 'Back' button will not bring you "
        "back to this page.",
        "En haut de chaque page se trouve le bouton « Partir vite ». Clique dessus, ou appuie deux fois de "
        "suite sur la touche Échap (Esc), et tu arrives aussitôt sur un site de météo. Le bouton « Retour » "
        "ne te ramène pas sur cette page.",
        "في أعلى كل صفحة يوجد زر «خروج سريع». اضغطي عليه، أو اضغطي مفتاح الهروب (Esc) مرتين بسرعة، فتنتقلين "
        "فورًا إلى موقع للطقس. زر «رجوع» لن يعيدكِ إلى هذه الصفحة.",
    ),
    ("Wat de knop niet doet", "What the button does not do", "Ce que le bouton ne fait pas", "ما لا يفعله الزر"),
    (
        "Pagina's die je eerder op deze website bekeek, staan nog wel in de geschiedenis van je browser. "
        "Gebruik daarom een privévenster (incognito) of wis daarna je geschiedenis.",
        "Pages you looked at earlier on this website are still in your browser history. So use a private "
        "(incognito) window, or clear your history afterwards.",
        "Les pages que tu as consultées sur ce site restent dans l'historique de ton navigateur. Utilise donc "
        "une fenêtre de navigation privée, ou efface ton historique ensuite.",
        "الصفحات التي زرتِها سابقًا على هذا الموقع تبقى في سجل متصفحكِ. لذلك استخدمي نافذة تصفح خاصة، "
        "أو امسحي السجل بعد ذلك.",
    ),
    (
        "Wat deze website niet doet",
        "What this website does not do",
        "Ce que ce site ne fait pas",
        "ما لا يفعله هذا الموقع",
    ),
    (
        "Deze website plaatst geen cookies en laadt niets van andere websites. Wij zien niet wie je bent.",
        "This website sets no cookies and loads nothing from other websites. We cannot see who you are.",
        "Ce site ne dépose pas de cookies et ne charge rien depuis d'autres sites. Nous ne voyons pas qui tu es.",
        "هذا الموقع لا يضع ملفات تعريف الارتباط (كوكيز) ولا يحمّل أي شيء من مواقع أخرى. نحن لا نرى من أنتِ.",
    ),
    ("Je telefoon", "Your phone", "Ton téléphone", "هاتفكِ"),
    (
        "Gebruikt iemand anders je telefoon of computer? Zet een toegangscode en kijk of er apps op staan "
        "die je niet kent. Bel bij twijfel Veilig Thuis: 0800 2000.",
        "Does someone else use your phone or computer? Set a passcode and check for apps you do not know. "
        "If in doubt, call Veilig Thuis: 0800 2000.",
        "Quelqu'un d'autre utilise ton téléphone ou ton ordinateur ? Mets un code d'accès et vérifie s'il y a "
        "des applications que tu ne connais pas. En cas de doute, appelle Veilig Thuis : 0800 2000.",
        "هل يستخدم شخص آخر هاتفكِ أو حاسوبكِ؟ ضعي رمز دخول وتحققي من وجود تطبيقات لا تعرفينها. "
        "إذا كنتِ في شك، اتصلي بـ Veilig Thuis على الرقم 0800 2000.",
    ),
]

# Help addresses: description and languages are translated; name, kind, city and contact details are shared.
HELP_LOCATIONS = {
    "Advies en hulp bij huiselijk geweld en kindermishandeling, gratis en anoniem, dag en nacht.": (
        "Advice and help with domestic violence and child abuse, free and anonymous, day and night.",
        "Conseils et aide en cas de violences familiales et de maltraitance d'enfants, gratuits et anonymes, "
        "jour et nuit.",
        "نصائح ومساعدة في حالات العنف الأسري وإساءة معاملة الأطفال، مجانًا ودون الكشف عن الهوية، ليلًا ونهارًا.",
    ),
    "Opvang voor vrouwen die thuis niet veilig zijn. Het adres is geheim.": (
        "Shelter for women who are not safe at home. The address is secret.",
        "Hébergement pour les femmes qui ne sont pas en sécurité chez elles. L'adresse est secrète.",
        "إيواء للنساء غير الآمنات في بيوتهن. العنوان سري.",
    ),
    "Opvang en begeleiding, ook zonder verblijfsvergunning.": (
        "Shelter and support, also without a residence permit.",
        "Hébergement et accompagnement, même sans titre de séjour.",
        "إيواء ومرافقة، حتى بدون تصريح إقامة.",
    ),
    "Gratis juridisch advies en doorverwijzing naar een advocaat.": (
        "Free legal advice and referral to a lawyer.",
        "Conseils juridiques gratuits et orientation vers un avocat.",
        "استشارة قانونية مجانية وإحالة إلى محامٍ.",
    ),
    "Medisch spreekuur voor mensen zonder verzekering.": (
        "Medical consultations for people without health insurance.",
        "Consultations médicales pour les personnes sans assurance maladie.",
        "عيادة طبية للأشخاص الذين ليس لديهم تأمين صحي.",
    ),
    "Wekelijkse bijeenkomst voor vrouwen zonder verblijfsvergunning.": (
        "A weekly meeting for women without a residence permit.",
        "Une rencontre hebdomadaire pour les femmes sans titre de séjour.",
        "لقاء أسبوعي للنساء اللواتي لا يملكن تصريح إقامة.",
    ),
}
LANGUAGE_NAMES_IN = {
    "Nederlands": ("Dutch", "néerlandais", "الهولندية"),
    "Engels": ("English", "anglais", "الإنجليزية"),
    "Arabisch": ("Arabic", "arabe", "العربية"),
    "Spaans": ("Spanish", "espagnol", "الإسبانية"),
    "Frans": ("French", "français", "الفرنسية"),
    "Portugees": ("Portuguese", "portugais", "البرتغالية"),
}


def _strings(rows: list[tuple[str, str, str, str]], language: str) -> dict[str, str]:
    index = LANGUAGES.index(language) + 1
    return {row[0]: row[index] for row in rows}


def _languages_text(dutch: str, language: str) -> str:
    index = LANGUAGES.index(language)
    names = [LANGUAGE_NAMES_IN.get(name.strip(), (name.strip(),) * 3)[index] for name in dutch.split(",")]
    return "، ".join(names) if language == "ar" else ", ".join(names)


def seed_microsite_translations(context: DemoContext) -> None:
    """Offer five languages on the microsite and translate its home and menu pages (idempotent)."""
    site = Site.objects.filter(hostname=MICROSITE_HOSTNAME).select_related("root_page").first()
    if site is None:
        return
    offered = [code for code in MICROSITE_LANGUAGES if code in dict(settings.LANGUAGES)]
    languages_setting = SiteLanguages.for_site(site)  # created with the default (nl, en) when missing
    if sorted(languages_setting.languages or []) == sorted(settings.LOS_DEFAULT_SITE_LANGUAGES):
        languages_setting.languages = offered
        languages_setting.save()
    home = site.root_page.specific
    if not isinstance(home, MicrositeHomePage):
        return
    pages = {page.slug: page for page in home.get_children().specific()}
    texts = SiteTexts.objects.filter(site=site, locale_id=home.locale_id).first()
    plan = [
        (home, HOME),
        (pages.get("huiselijk-geweld"), VIOLENCE),
        (pages.get("je-rechten"), RIGHTS),
        (pages.get("hulp-zoeken"), FINDER),
        (pages.get("veilig-surfen"), SAFE),
    ]
    for language in (code for code in LANGUAGES if code in offered):
        translated_codes = set(home.get_translations().values_list("locale__language_code", flat=True))
        if language in translated_codes:
            continue
        for page, rows in plan:
            if page is not None:
                translate(page, language, _strings(rows, language))
                context.created += 1
        if texts is not None:
            translate(texts, language, _strings(SITE_TEXTS, language))
        # Help addresses are plain copies in the target locale (much faster than a wagtail-localize source
        # per snippet, which seed time cannot afford for 18 rows); editors can still sync them from the source.
        locale = Locale.objects.get(language_code=language)
        for location in HelpLocation.objects.filter(locale_id=home.locale_id):
            if location.has_translation(locale):
                continue
            copy = location.copy_for_translation(locale)
            copy.languages = _languages_text(location.languages, language)
            translated = HELP_LOCATIONS.get(location.description)
            if translated:
                copy.description = translated[LANGUAGES.index(language)]
            copy.save()
    if "es" in offered and not home.get_translations().filter(locale__language_code="es").exists():
        translate(home, "es", HOME_ES)
        if texts is not None:
            translate(texts, "es", SITE_TEXTS_ES)
        context.created += 1

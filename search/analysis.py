"""Word analysis with a real lexicon, the same on SQLite and PostgreSQL: lemmas and compound parts.

Neither SQLite's FTS5 (no stemming) nor PostgreSQL's Dutch Snowball stemmer ("isolatiecel" and "isolatiecellen"
get different stems, "kind" and "kinderen" never meet, no decompounding) matches Dutch as people write it. So the
words of every indexed page are analysed here, with the lexicon of ``simplemma`` (Wiktionary-derived form → lemma
tables for Dutch, English, Arabic and more; pure Python): each word adds its lemma ("kinderen" → "kind",
"kindjes" → "kindje" → "kind", "steden" → "stad") and, for a compound, its parts when both are words of the
lexicon ("vreemdelingendetentie" → "vreemdeling", "detentie"; "isolatiecellen" → "isolatie", "cel").
search/backends/wagtail_database.py adds these words to the page's index entry (title words to the title, so
they rank as title), and a query is reduced to lemmas (``query_terms``), so every form of a word meets every
other: the query's lemma is always among the words added for any form of it.

Without the lexicon (``simplemma`` not installed) nothing is added and queries are left as typed: search works as
before, only more literally. Diacritics are folded by the engines themselves (FTS5's tokenizer, PostgreSQL's
``unaccent`` in the ``los_*`` configurations), so "beinvloeding" finds "beïnvloeding" either way.
"""

from __future__ import annotations

import functools
import re

try:
    import simplemma
except ImportError:  # pragma: no cover - the lexicon is a declared dependency; search still works without it
    simplemma = None

WORD = re.compile(r"\w+", re.UNICODE)
# Languages whose lexicon is used; other languages are indexed as written.
LEXICON_LANGUAGES = ("nl", "en", "ar", "fr", "es")
# Compound parts shorter than this are too often accidental ("en", "de"); a first part shorter than
# MIN_MODIFIER too ("gemeente" is not "gem" + "ente").
MIN_PART = 3
MIN_MODIFIER = 4
# Only words at least this long are tried as compounds.
MIN_COMPOUND = 7
# Dutch linking sounds between the parts of a compound: vreemdeling-en-detentie, verblijf-s-vergunning.
LINKS = ("en", "s", "e", "")
# Analysis stops after this many distinct words of one text (a 300-page PDF must not stall a save).
MAX_WORDS = 20_000


def language_of(language_code: str | None) -> str:
    code = (language_code or "nl").split("-")[0].lower()
    return code if code in LEXICON_LANGUAGES else ""


@functools.lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    """The lemma of a lower-case word, followed to its end: a diminutive's plural to its root (kindjes → kindje →
    kind). The lexicon has small cycles (vreemdeling → vreemdelinge → vreemdeling): the shortest word of a cycle is
    taken, so that the lemma of a lemma is itself and every form of a word ends at the same one."""
    if simplemma is None or not language:
        return word
    chain = [word]
    for _step in range(6):
        following = simplemma.lemmatize(chain[-1], lang=language).lower()
        if following == chain[-1]:
            return following
        if following in chain:
            return min(chain[chain.index(following) :], key=lambda form: (len(form), form))
        chain.append(following)
    return chain[-1]


def _known(word: str, language: str) -> bool:
    return len(word) >= MIN_PART and simplemma.is_known(word, lang=language)


@functools.lru_cache(maxsize=200_000)
def compound_parts(word: str, language: str) -> tuple[str, ...]:
    """The lemmas of a compound's parts when both parts are words of the lexicon (longest last part first), else
    (). Dutch only: English and Arabic write compounds apart."""
    if simplemma is None or language != "nl" or len(word) < MIN_COMPOUND:
        return ()
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[cut:]
        if not _known(head, language):
            continue
        modifier = word[:cut]
        for link in LINKS:
            if link and not modifier.endswith(link):
                continue
            stem = modifier[: len(modifier) - len(link)] if link else modifier
            if len(stem) >= MIN_MODIFIER and _known(stem, language):
                return (lemma(stem, language), lemma(head, language))
    return ()


@functools.lru_cache(maxsize=200_000)
def word_forms(word: str, language: str) -> frozenset[str]:
    """Every word the index holds for one written word: itself, its lemma and its compound parts."""
    word = word.lower()
    root = lemma(word, language)
    # Only the lemma is split: inflected forms split badly ("bijeenkomsten" is not "bijeenkom" + "sten").
    forms = {word, root, *compound_parts(root, language)}
    return frozenset(form for form in forms if form)


def added_words(text: str, language_code: str | None) -> str:
    """The words analysis adds to ``text`` for the index (lemmas and parts not already written), space-separated."""
    lemmas, parts = added_forms(text, language_code)
    return " ".join(filter(None, [lemmas, parts]))


def added_forms(text: str, language_code: str | None) -> tuple[str, str]:
    """(lemmas, compound parts) that analysis adds to ``text``, each space-separated, none already written.

    Kept apart for ranking: a lemma is the same word as written ("kinderen" is "kind"), a compound part only a
    piece of a longer word ("detentie" in "vreemdelingendetentie"), so the index weighs parts lower."""
    language = language_of(language_code)
    if simplemma is None or not language or not text:
        return "", ""
    written = set(WORD.findall(text.lower())[: MAX_WORDS * 10])
    lemmas: set[str] = set()
    parts: set[str] = set()
    for word in list(written)[:MAX_WORDS]:
        if not word.isdigit():
            root = lemma(word, language)
            lemmas.add(root)
            # Only the lemma is split: inflected forms split badly ("bijeenkomsten" is not "bijeenkom" + "sten").
            parts.update(compound_parts(root, language))
    lemmas -= written
    parts -= written | lemmas
    return " ".join(sorted(lemmas)), " ".join(sorted(parts))


def query_terms(terms: str, language_code: str | None) -> str:
    """A cleaned query with each word replaced by its lemma, so every written form of a word finds every other."""
    language = language_of(language_code)
    if simplemma is None or not language:
        return terms
    words = []
    for word in terms.split():
        if not WORD.fullmatch(word):
            words.append(word)
            continue
        root = lemma(word.lower(), language)
        # A compound the lexicon does not know ("regiobijeenkomsten") is looked up by its parts, which the index
        # holds for every form of it.
        parts = () if simplemma.is_known(root, lang=language) else compound_parts(root, language)
        words.extend(parts or [root])
    return " ".join(words)

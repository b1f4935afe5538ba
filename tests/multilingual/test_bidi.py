"""Phone numbers, URLs, e-mail addresses and Latin names stay left-to-right in right-to-left pages (issue 21)."""

from __future__ import annotations

import pytest

from demo import MICROSITE_HOSTNAME
from multilingual.bidi import isolate_ltr_runs


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>اتصلي بالرقم 0800 2000 الآن.</p>", '<p>اتصلي بالرقم <bdi dir="ltr">0800 2000</bdi> الآن.</p>'),
        (
            '<a href="https://veiligthuis.nl/">https://veiligthuis.nl/</a>',
            '<a href="https://veiligthuis.nl/"><bdi dir="ltr">https://veiligthuis.nl/</bdi></a>',
        ),
        ("<p>info@ilegalevrouw.nl</p>", '<p><bdi dir="ltr">info@ilegalevrouw.nl</bdi></p>'),
        ("<p>+31 30 123 45 67</p>", '<p><bdi dir="ltr">+31 30 123 45 67</bdi></p>'),
        ("<p>3511 CJ Utrecht</p>", '<p><bdi dir="ltr">3511 CJ Utrecht</bdi></p>'),
        # Parentheses around a Latin word stay in the page's direction; a run that opens one keeps both.
        ("<p>مفتاح الهروب (Esc) مرتين</p>", '<p>مفتاح الهروب (<bdi dir="ltr">Esc</bdi>) مرتين</p>'),
        ("<p>الرقم (020) 123 45 67</p>", '<p>الرقم <bdi dir="ltr">(020) 123 45 67</bdi></p>'),
        ("<p>جمعية (LOS, Utrecht) هنا</p>", '<p>جمعية (<bdi dir="ltr">LOS, Utrecht</bdi>) هنا</p>'),
        ("<p>LOS (Esc) نص</p>", '<p><bdi dir="ltr">LOS (Esc)</bdi> نص</p>'),
        # A lone number already reads correctly; nothing is added.
        ("<p>اتصلي بالرقم 112</p>", "<p>اتصلي بالرقم 112</p>"),
        # Entities are never cut in two; a trailing "&amp;" stays outside.
        ("<p>&quot;نص&quot; LOS &amp; نص</p>", '<p>&quot;نص&quot; <bdi dir="ltr">LOS</bdi> &amp; نص</p>'),
        ("<p>Women&#x27;s Aid</p>", '<p><bdi dir="ltr">Women&#x27;s Aid</bdi></p>'),
        # Attributes (also with ">" inside), comments and elements that cannot hold markup stay untouched.
        ('<p title="0800 2000 > x">نص</p>', '<p title="0800 2000 > x">نص</p>'),
        ("<!-- 0800 2000 --><title>LOS 0800 2000</title>", "<!-- 0800 2000 --><title>LOS 0800 2000</title>"),
        ('<script>var a = "0800 2000";</script>', '<script>var a = "0800 2000";</script>'),
        ("<select><option>Amsterdam</option></select>", "<select><option>Amsterdam</option></select>"),
        ("<textarea>0800 2000</textarea>", "<textarea>0800 2000</textarea>"),
        ('<svg><text x="1">LOS</text></svg>', '<svg><text x="1">LOS</text></svg>'),
        ('<bdi dir="ltr">0800 2000</bdi>', '<bdi dir="ltr">0800 2000</bdi>'),
    ],
)
def test_ltr_runs_are_isolated(html: str, expected: str):
    assert isolate_ltr_runs(html) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        "<p>" + "a " * 5000 + "</p>",
        "<p " + "x" * 10000,
        "<<<>>>\x00" * 100,
        "<p>" + "&" * 3000 + "</p>",
        "<p>0-" * 2000,
        "<p>نص a" + ") ." * 30000 + "</p>",
    ],
)
def test_hostile_markup_comes_back_whole(hostile: str):
    """Broken or huge markup never raises and loses no text."""
    result = isolate_ltr_runs(hostile)
    assert result.replace('<bdi dir="ltr">', "").replace("</bdi>", "") == hostile


def test_arabic_page_isolates_numbers_and_dutch_page_is_untouched(client, microsite):
    arabic = client.get("/ar/musaada/", HTTP_HOST=MICROSITE_HOSTNAME)
    html = arabic.content.decode()
    assert '<bdi dir="ltr">0800 2000</bdi>' in html
    assert '<bdi dir="ltr">https://veiligthuis.nl/</bdi>' in html
    dutch = client.get("/hulp-zoeken/", HTTP_HOST=MICROSITE_HOSTNAME).content.decode()
    assert "<bdi" not in dutch

"""Left-to-right runs isolated in right-to-left pages: one rewriter for every page, whatever wrote the text.

In an Arabic page the Unicode bidi algorithm reorders runs of digits and Latin text around their neutral
separators: "0800 2000" shows as "2000 0800", "https://x.nl/" as "/https://x.nl". A visitor copying such a number
dials the wrong one. Templates, rich text, StreamField blocks and snippets all put such text in pages, so instead of
asking every template and editor to mark it, the finished HTML of a right-to-left page is rewritten once: every
run of Latin text, every phone number, URL, e-mail address and postcode is wrapped in `<bdi dir="ltr">` (isolated
by default; the stylesheet adds `unicode-bidi: isolate` for older engines). Text in elements that cannot hold
markup (title, option, textarea, script, style, SVG) is left alone.

https://www.w3.org/International/articles/inline-bidi-markup/ explains why isolation (bdi) and not embedding.
"""

from __future__ import annotations

import re

# A tag or a comment, with quoted attribute values that may contain ">".
_TAG = re.compile(r"(<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
# Elements whose text is not rendered as markup, or where <bdi> is not allowed.
_SKIP = frozenset({"script", "style", "title", "textarea", "option", "svg", "math", "template", "bdi"})

_STRONG = r"A-Za-z\u00C0-\u024F0-9"  # Latin letters (with accents) and European digits
_INNER = _STRONG + r" .,:;/@+\-_'’&#%?=~()\u00A0"  # neutrals that belong inside a Latin run, URL or number
# A run starts at a strong character (or "+" / "(" before a digit) that is not the inside of an entity or word,
# and ends at a strong character, ")" or "/".
_RUN = re.compile(rf"(?<![&#{_STRONG}])(?:[+(](?=\d))?[{_STRONG}](?:[{_INNER}]*[{_STRONG})/])?")
_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_DIGIT_GROUPS = re.compile(r"\d+")
_OPEN_ENTITY = re.compile(r"&#?\w*$")
_TRAILING_NEUTRALS = " .,:;-_'’&#%?=~\u00a0"


def _needs_isolation(run: str) -> bool:
    # Latin words (names, URLs, e-mail) or several digit groups (phone numbers, dates); a lone number
    # such as "112" or "2026" already reads correctly.
    return bool(_LETTER.search(run)) or len(_DIGIT_GROUPS.findall(run)) > 1


def _wrap(match: re.Match) -> str:
    run = match.group(0)
    # Never cut an entity in two ("LOS &amp;" must not end inside "&amp").
    cut = _OPEN_ENTITY.search(run)
    tail = ""
    if cut:
        head, tail = run[: cut.start()], run[cut.start() :]
        run = head.rstrip()
        tail = head[len(run) :] + tail
    # A closing parenthesis belongs in the run only with its opening one: in "مفتاح (Esc) مرتين" the run is "Esc"
    # and both parentheses stay in the page's direction. Inside the isolate the ")" showed on the wrong side: "((Esc".
    # One pass from the end (visitor text comes through here too: no recounting per parenthesis).
    excess, end = run.count(")") - run.count("("), len(run)
    while excess > 0 and run[end - 1 : end] == ")":
        end, excess = end - 1, excess - 1
        while end and run[end - 1] in _TRAILING_NEUTRALS:
            end -= 1
    run, tail = run[:end], run[end:] + tail
    if not run or not _needs_isolation(run):
        return run + tail
    return f'<bdi dir="ltr">{run}</bdi>{tail}'


def isolate_ltr_runs(html: str) -> str:
    """The HTML with every left-to-right run in rendered text wrapped in `<bdi dir="ltr">`."""
    parts = _TAG.split(html)
    skipping: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:  # a tag or comment
            name = _TAG_NAME.match(part)
            if name is None:
                continue
            closing, tag = name.group(1), name.group(2).lower()
            if tag in _SKIP and not part.rstrip().endswith("/>"):
                if closing:
                    if skipping and skipping[-1] == tag:
                        skipping.pop()
                else:
                    skipping.append(tag)
        elif not skipping and part.strip():
            parts[index] = _RUN.sub(_wrap, part)
    return "".join(parts)

"""Research publications and the funders LOS must name.

Design choices, for the next developer:

- Authors are an InlinePanel of `PublicationAuthor` rows per publication, not a shared person snippet. Most
  authors are interns, students and outside researchers who write one publication; typing the name as it
  appears on the title page is what editors do anyway, a central register of people would be personal data
  to keep up to date, and the author filter groups publications by the exact name. ORCID iDs are validated
  (format and ISO 7064 check digit) and stored bare.
- The PDF page count is read with pypdf when the page is saved and cached on the page together with the
  document's file hash, so a replaced file is counted again on the next save and no request ever opens a PDF.
- Citation downloads are routes of the publication page (`cite/bibtex/`, `cite/ris/`, `cite/csl-json/`): Wagtail
  page URLs cannot contain dots, so the `.bib`/`.ris`/`.json` file names travel in Content-Disposition.
  All formatting lives in `research/citations/`: BibTeX is written with bibtexparser and RIS with rispy, so that
  what an editor types (braces, backslashes, `&`, `%`, any script) reads back the same in reference managers.
- Imports point one way: the models use the citation formats, the feed, the PDF reader and the vocabularies
  (`choices.py`, `identifiers.py`), none of which import the models. Only the overview's listing (it queries the
  models) is imported when the overview is rendered.
- `/over-los/fondsen/` is a `FunderIndexPage`: the editor writes an intro and the list of funders with what each
  made possible follows automatically (demo: research/demo/3-funders-page.yaml).
- Funders reach API v2 twice: nested (name, acknowledgement, logo rendition) in publications' `funders` field,
  and as `/api/v2/funders/` for clients that want the whole list (the footer strip of a headless front end).
"""

"""Every citation format of a publication: one record of what the formats need (`record.py`), the downloads
reference managers import (`downloads.py`: BibTeX, RIS, CSL-JSON) and what the publication page itself carries
(`page.py`: the APA reference, Google Scholar meta tags and schema.org JSON-LD).

Field references: BibTeX (the btxdoc manual; biblatex for `date`, `doi`, `url` and `language`), RIS (the RIS
format specification as Zotero and rispy read it), CSL-JSON (the CSL data schema,
github.com/citation-style-language/schema, csl-data.json), Google Scholar's inclusion guidelines
(scholar.google.com/intl/en/scholar/inclusion.html#indexing) and schema.org Report and ScholarlyArticle.
"""

"""What each kind of demo entry means: a `check_*` function (run on every entry before anything is written) and a
`load_*` function that finds the object or makes it. Nothing that exists is changed, so loading twice adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models
from django.utils.module_loading import import_string
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, TranslatableMixin

from demo.data import ROOT, Catalogue, CheckResolver, Entry, LoadResolver, Pending
from demo.images import generated_image
from demo.pdf import make_pdf
from demo.values import Fields, child_relation, convert_field, convert_fields

# A snippet that exists already is recognised by the first of these fields its entry gives (in Dutch).
MATCH_FIELDS = ("external_id", "slug", "name", "title", "subject", "site", "page")
IMAGE_OPTIONS = {"background", "text", "size", "collection", "style", "file"}
SITE_OPTIONS = {"root_page", "site_name", "port"}


@dataclass
class State:
    """What loading has made so far: the object of every loaded entry by full name, and page fields that wait."""

    catalogue: Catalogue
    log: Callable[[str], None]
    objects: dict[str, Any] = field(default_factory=dict)
    waiting: list[tuple[Entry, Page, dict[str, Any]]] = field(default_factory=list)
    created: int = 0

    def resolver(self, entry: Entry) -> LoadResolver:
        return LoadResolver(self.catalogue, self.objects, entry)

    def fill_waiting(self) -> None:
        """Give pages the fields that referred to something not made yet, as soon as it is (a link to a child)."""
        for item in list(self.waiting):
            entry, page, data = item
            try:
                fields = convert_fields(type(page), data, self.resolver(entry))
            except Pending:
                continue
            # Fresh from the database: publishing saves the tree fields (numchild) of the instance it is given.
            page = type(page).objects.get(pk=page.pk)
            fields.apply_before_save(page)
            page.save_revision().publish()
            self.objects[entry.name] = page
            self.waiting.remove(item)


def model_of(entry: Entry, base: type, what: str) -> type[models.Model]:
    try:
        model = apps.get_model(entry.value)
    except (LookupError, ValueError, TypeError, AttributeError):
        raise entry.error(f"onbekend model '{entry.value}' (schrijf app.Model, bijvoorbeeld news.NewsPage)") from None
    if not issubclass(model, base) or (base is models.Model and issubclass(model, Page | BaseSiteSetting)):
        raise entry.error(f"'{entry.value}' is geen {what}")
    return model


# Pages -----------------------------------------------------------------------------------------------------


def _page_data(entry: Entry) -> dict[str, Any]:
    data = {name: value for name, value in entry.data.items() if name != "parent"}
    data.setdefault("slug", entry.key)
    return data


def check_page(entry: Entry, catalogue: Catalogue) -> None:
    model = model_of(entry, Page, "paginatype")
    parent = entry.data.get("parent")
    if parent is None:
        raise entry.error("een pagina heeft een 'parent': de key van de pagina erboven (of root)")
    if parent != ROOT:
        CheckResolver(catalogue, entry)(parent)
        if catalogue.target(entry, parent).kind != "page":
            raise entry.error(f"'parent: {parent}' is geen pagina")
    convert_fields(model, _page_data(entry), CheckResolver(catalogue, entry, later=True))


def load_page(entry: Entry, state: State) -> Page:
    """The child of `parent` with this slug; made and published when missing. Fields that refer to something
    later in the data are filled in once it exists."""
    model = apps.get_model(entry.value)
    data = _page_data(entry)
    parent_ref = entry.data["parent"]
    parent = Page.get_first_root_node() if parent_ref == ROOT else state.resolver(entry)(parent_ref)
    parent = Page.objects.get(pk=parent.pk)  # fresh: children may have been added through another instance
    existing = parent.get_children().filter(slug=data["slug"], locale_id=parent.locale_id).first()
    if existing is not None:
        return existing.specific
    fields, waiting = Fields(), {}
    resolve = state.resolver(entry)
    for name, value in data.items():
        try:
            convert_field(model, name, value, resolve, fields)
        except Pending:
            waiting[name] = value
    page = model()
    fields.apply_before_save(page)
    parent.add_child(instance=page)
    page.save_revision().publish()
    state.created += 1
    if waiting:
        state.waiting.append((entry, page, waiting))
    return page


# Snippets, settings, sites, locales ------------------------------------------------------------------------


def check_snippet(entry: Entry, catalogue: Catalogue) -> None:
    model = model_of(entry, models.Model, "snippet (pagina's en instellingen hebben hun eigen soort)")
    if not any(name in entry.data for name in MATCH_FIELDS):
        raise entry.error(f"geef een van {', '.join(MATCH_FIELDS)}: daaraan herkent de demo een bestaand item")
    convert_fields(model, entry.data, CheckResolver(catalogue, entry))


def load_snippet(entry: Entry, state: State) -> models.Model:
    """The Dutch item with the same external_id, slug, name, title, site or page; made when missing."""
    model = apps.get_model(entry.value)
    fields = convert_fields(model, entry.data, state.resolver(entry))
    match = next(name for name in MATCH_FIELDS if name in entry.data)
    lookup = {match: fields.plain[match]}
    if issubclass(model, TranslatableMixin):
        lookup["locale"] = Locale.get_default()
    existing = model._default_manager.filter(**lookup).first()
    if existing is not None:
        return existing
    item = model(**lookup)
    fields.apply_before_save(item)
    item.save()
    fields.apply_after_save(item)
    state.created += 1
    return item


def check_setting(entry: Entry, catalogue: Catalogue) -> None:
    model = model_of(entry, BaseSiteSetting, "instelling per site")
    if "site" not in entry.data:
        raise entry.error("een instelling hoort bij een site: geef 'site: <key van de site>'")
    fields = convert_fields(model, entry.data, CheckResolver(catalogue, entry))
    if fields.many:
        raise entry.error("instellingen met koppelingen naar meerdere items kunnen niet in de demo-gegevens")


def load_setting(entry: Entry, state: State) -> BaseSiteSetting:
    """The setting of the site. Its fields are filled in only while all still have their default (nobody has
    changed it); each inline row (menu item, footer link, ...) is added unless the same row exists."""
    model = apps.get_model(entry.value)
    fields = convert_fields(model, entry.data, state.resolver(entry))
    setting = model.for_site(fields.plain.pop("site"))
    untouched = all(
        getattr(setting, model._meta.get_field(name).attname) == model._meta.get_field(name).get_default()
        for name in fields.plain
    )
    if fields.plain and untouched:
        for name, value in fields.plain.items():
            setattr(setting, name, value)
        setting.save()
        state.created += 1
    for name, rows in fields.parental.items():
        relation = child_relation(model, name)
        link = relation.field.name  # the row's ParentalKey to the setting
        compared = [field for field in relation.related_model._meta.concrete_fields if not field.primary_key]
        compared = [field.attname for field in compared if field.name not in (link, "sort_order")]
        for row in rows:
            same = {attname: getattr(row, attname) for attname in compared}
            if not relation.related_model._default_manager.filter(**{link: setting}, **same).exists():
                setattr(row, link, setting)
                row.save()
                state.created += 1
    return setting


def check_site(entry: Entry, catalogue: Catalogue) -> None:
    if not isinstance(entry.value, str) or not entry.value:
        raise entry.error("'site:' is 'default' (de standaardsite) of een hostnaam")
    unknown = set(entry.data) - SITE_OPTIONS
    if unknown or "root_page" not in entry.data:
        raise entry.error(f"een site heeft root_page en eventueel site_name en port (niet: {sorted(unknown)})")
    CheckResolver(catalogue, entry)(entry.data["root_page"])


def load_site(entry: Entry, state: State) -> Site:
    """The default site (its root page and name are set while it still shows Wagtail's placeholder page, which
    is then deleted), or the site with this host name (made when missing)."""
    root_page = state.resolver(entry)(entry.data["root_page"])
    site_name = entry.data.get("site_name", "")
    if entry.value == "default":
        site = Site.objects.get(is_default_site=True)
        placeholder = site.root_page
        if placeholder.specific_class is Page:
            site.root_page, site.site_name = root_page, site_name
            site.save()
            Page.objects.filter(pk=placeholder.pk).delete()
            state.created += 1
        return site
    site = Site.objects.filter(hostname=entry.value).first()
    if site is None:
        port = entry.data.get("port", 80)
        site = Site.objects.create(hostname=entry.value, port=port, root_page=root_page, site_name=site_name)
        state.created += 1
    return site


def check_locale(entry: Entry, catalogue: Catalogue) -> None:
    if not isinstance(entry.value, str) or entry.data:
        raise entry.error("'locale:' is alleen een taalcode, bijvoorbeeld 'locale: en'")


def load_locale(entry: Entry, state: State) -> Locale:
    locale, created = Locale.objects.get_or_create(language_code=entry.value)
    state.created += created
    return locale


# Files: generated images and documents, sign-ups -----------------------------------------------------------


def check_image(entry: Entry, catalogue: Catalogue) -> None:
    unknown = set(entry.data) - IMAGE_OPTIONS
    if not isinstance(entry.value, str) or unknown or not {"background", "text"} <= set(entry.data):
        raise entry.error(f"een afbeelding heeft een titel, background en text (en mag {sorted(IMAGE_OPTIONS)})")
    size = entry.data.get("size", [1, 1])
    if not (isinstance(size, list) and len(size) == 2 and all(isinstance(n, int) for n in size)):
        raise entry.error("'size' is [breedte, hoogte] in pixels")
    if entry.data.get("style", "card") not in ("card", "badge"):
        raise entry.error("'style' is card (tekst op een kleurvlak) of badge (rond logo)")


def load_image(entry: Entry, state: State):
    state.created += not get_image_model().objects.filter(title=entry.value).exists()
    options = entry.data
    return generated_image(
        entry.value,
        background=options["background"],
        text=options["text"],
        size=tuple(options.get("size", (1200, 675))),
        collection=options.get("collection", "LOS"),
        style=options.get("style", "card"),
        name=options.get("file", ""),
    )


def check_document(entry: Entry, catalogue: Catalogue) -> None:
    options = entry.data
    if not isinstance(entry.value, str) or not isinstance(options.get("file"), str):
        raise entry.error("een document heeft een titel en 'file: <bestandsnaam>'")
    if ("pdf" in options) == ("made_by" in options) or set(options) - {"file", "pdf", "made_by", "collection"}:
        raise entry.error("een document heeft 'pdf: {pages, lines}' of 'made_by: <functie>', niet allebei")
    pdf = options.get("pdf", {"pages": 1, "lines": []})
    if not isinstance(pdf, dict) or not isinstance(pdf.get("pages", 1), int) or set(pdf) - {"pages", "lines"}:
        raise entry.error("'pdf:' heeft 'pages' (aantal) en 'lines' (de regels op de eerste pagina)")
    if "made_by" in options:
        try:
            import_string(options["made_by"])
        except ImportError:
            raise entry.error(f"functie '{options['made_by']}' bestaat niet") from None


def load_document(entry: Entry, state: State):
    """The document with this title; a generated PDF, or the bytes `made_by` returns, when there is none yet."""
    Document = get_document_model()
    existing = Document.objects.filter(title=entry.value).first()
    if existing is not None:
        return existing
    options = entry.data
    if "pdf" in options:
        content = make_pdf(entry.value, options["pdf"].get("lines", []), options["pdf"].get("pages", 1))
    else:
        content = import_string(options["made_by"])()
    document = Document(title=entry.value, file_size=len(content), file_hash=hashlib.sha1(content).hexdigest())  # noqa: S324
    if "collection" in options:
        document.collection = Collection.objects.filter(name=options["collection"]).order_by("depth").first()
    document.file = ContentFile(content, name=options["file"])
    document.save()
    state.created += 1
    return document


def check_generated(entry: Entry, catalogue: Catalogue) -> None:
    if not isinstance(entry.value, str) or not isinstance(entry.data, dict):
        raise entry.error("'generated:' is een functie (app.module.functie) met haar opties eronder")
    try:
        import_string(entry.value)
    except ImportError:
        raise entry.error(f"functie '{entry.value}' bestaat niet") from None


def load_generated(entry: Entry, state: State) -> None:
    """Many generated rows (two years of shelter figures): the function gets the entry's options, adds only what
    is missing (so loading twice adds nothing) and returns how many objects it made."""
    state.created += import_string(entry.value)(**entry.data)


def check_submissions(entry: Entry, catalogue: Catalogue) -> None:
    CheckResolver(catalogue, entry)(entry.value)
    page = catalogue.target(entry, entry.value)
    if page.kind != "page" or not hasattr(apps.get_model(page.value), "get_submission_class"):
        raise entry.error(f"'submissions: {entry.value}' is geen formulierpagina")
    rows = entry.data.get("rows")
    if set(entry.data) != {"rows"} or not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise entry.error("'rows:' is een lijst van inzendingen (velden van het inzendingmodel)")
    form_page = apps.get_model(page.value)
    model = form_page.__new__(form_page).get_submission_class()  # without __init__: no database needed here
    for row in rows:
        convert_fields(model, row, CheckResolver(catalogue, entry))


def load_submissions(entry: Entry, state: State) -> None:
    """The rows as submissions of the form page, only when it has none yet."""
    page = state.resolver(entry)(entry.value)
    model = page.specific.get_submission_class()
    if model.objects.filter(page=page).exists():
        return None
    for row in entry.data["rows"]:
        fields = convert_fields(model, row, state.resolver(entry))
        model.objects.create(page=page, **fields.plain)
        state.created += 1
    return None

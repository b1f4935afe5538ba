"""Translating pages the way LOS works: a translation starts as a draft, only into languages the page's site
serves, and its address follows its translated title.

- Drafts: `WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False` (cms/settings/base.py) makes wagtail-localize
  create every new translation as a draft; the translator publishes it from the translation editor when done.
- Languages: wagtail-localize's "Vertalen" form offers every locale that exists. `SiteLanguagesSubmitForm` limits
  it to the languages of the page's site (`multilingual.languages.enabled_languages`, the setting that also drives
  the language switcher), so nobody creates a French page on a site that answers 404 in French. Snippets (themes,
  funders) are shared by all sites: every language some site serves. Vertalers never make Dutch content
  (editors/translator_guard.py): Dutch is not offered to them, and a request for a Dutch translation (of a page
  written in English) is refused by the guard before wagtail-localize creates it.
- Slugs: wagtail-localize copies the Dutch slug into the translation. `translate_slug_with_title` gives a
  translation that still carries its source's slug one made from its own title as soon as that title is translated
  (a slug the translator sets stays).
- Text: wagtail-localize's translation editor saves each string itself, past the admin forms' `PastedTextField`.
  `clean_translated_text` applies the same rule to every saved string translation (control characters out, Word's
  line break a space), and a translation of one line stays one line: a line break in a translated mail subject
  made the English sign-up form answer 500.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.urls import path
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation
from wagtail_localize.views import submit_translations

from editors import translator_guard
from multilingual.languages import enabled_languages
from security.downloads import xml_text


def served_language_codes(instance) -> set[str]:
    """Languages `instance` can be translated into: its page's site's, or (snippets) those of any site."""
    site = instance.get_site() if isinstance(instance, Page) else None
    sites = [site] if site is not None else list(Site.objects.all())
    return {code for each in sites for code in enabled_languages(None, each)}


class SiteLanguagesSubmitForm(submit_translations.SubmitTranslationForm):
    """wagtail-localize's form, offering only the languages the object's site serves."""

    def __init__(self, instance, *args, **kwargs):
        super().__init__(instance, *args, **kwargs)
        locales = self.fields["locales"]
        locales.queryset = locales.queryset.filter(language_code__in=served_language_codes(instance))


class _SiteLanguagesMixin:
    def get_form(self):
        if self.request.method == "POST":
            form = SiteLanguagesSubmitForm(self.object, self.request.POST)
        else:
            form = SiteLanguagesSubmitForm(self.object, initial=super().get_form().initial)
        if translator_guard.is_translator_only(self.request.user):
            locales = form.fields["locales"]
            locales.queryset = locales.queryset.exclude(pk=Locale.get_default().pk)
        return form


def chosen_locales(request, **kwargs):
    """The languages a "Vertalen" form asks for (the guard refuses Dutch to Vertalers, see `refusing`)."""
    if request.method != "POST":
        return []
    wanted = [value for value in request.POST.getlist("locales") if re.fullmatch(r"[0-9]{1,9}", value)]
    return Locale.objects.filter(pk__in=wanted)


class SubmitPageTranslationView(_SiteLanguagesMixin, submit_translations.SubmitPageTranslationView):
    """ "Vertalen" for a page, into its site's languages."""


class SubmitSnippetTranslationView(_SiteLanguagesMixin, submit_translations.SubmitSnippetTranslationView):
    """ "Vertalen" for a snippet, into the languages the sites serve."""


def submit_translation_urls() -> list:
    """The same addresses as wagtail-localize's views, registered before them (see editors/wagtail_hooks.py)."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            translator_guard.refusing(SubmitPageTranslationView.as_view(), chosen_locales),
            name="los_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translator_guard.refusing(SubmitSnippetTranslationView.as_view(), chosen_locales),
            name="los_submit_snippet_translation",
        ),
    ]


def translate_slug_with_title(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    """pre_save: a translated page whose slug is still its source's gets a slug from its translated title."""
    if raw or not isinstance(instance, Page) or instance.depth is None or instance.depth <= 2:
        return  # fixtures, the tree root and the home pages (their slug is not in any address)
    if update_fields is not None and "slug" not in update_fields:
        return
    if instance.locale_id is None or instance.locale_id == _source_locale_id():
        return
    source = (
        Page.objects.filter(translation_key=instance.translation_key, locale_id=_source_locale_id())
        .values("slug", "title")
        .first()
    )
    if source is None or instance.slug != source["slug"] or instance.title == source["title"]:
        return  # a slug of its own, or a title not translated yet
    # Room for find_available_slug's "-2": a 255-character title's slug plus that was refused by PostgreSQL.
    wanted = slugify(instance.title, allow_unicode=True)[: Page._meta.get_field("slug").max_length - 10].rstrip("-")
    if not wanted:
        return
    parent = instance.get_parent()
    old_url_path = instance.url_path
    instance.slug = find_available_slug(parent, wanted, ignore_page_id=instance.pk)
    instance.set_url_path(parent)
    if instance.pk and old_url_path and old_url_path != instance.url_path:
        instance._los_old_url_path = old_url_path  # Page.save compared slugs before this ran: move children below


def move_descendants(sender, instance, raw=False, **kwargs) -> None:
    old_url_path = instance.__dict__.pop("_los_old_url_path", None)
    if old_url_path and not raw:
        instance._update_descendant_url_paths(old_url_path, instance.url_path)


def _source_locale_id() -> int:
    return Locale.objects.only("pk").get(language_code=settings.LANGUAGE_CODE).pk


_LINE_BREAKS = re.compile(r"\s*[\r\n\x85\u2028\u2029]+\s*")


def clean_translated_text(sender, instance: StringTranslation, raw=False, **kwargs) -> None:
    """pre_save of a string translation (the translation editor, machine translation, a PO file upload).

    A string is stored as HTML, where a line of the source text ends in `<br>`; a plain line break typed into the
    translation becomes one in a plain text field. Where the source has neither, it is a space."""
    if raw or not isinstance(instance.data, str):
        return
    data = xml_text(instance.data)
    if _LINE_BREAKS.search(data):
        source = instance.translation_of.data
        if "<br" not in source and not _LINE_BREAKS.search(source):
            data = _LINE_BREAKS.sub(" ", data).strip()  # a title, subject or button label: one line, as its source
    instance.data = data


def connect() -> None:
    pre_save.connect(clean_translated_text, sender=StringTranslation, dispatch_uid="editors.clean_translated_text")
    pre_save.connect(translate_slug_with_title, dispatch_uid="editors.translate_slug_with_title")
    post_save.connect(move_descendants, dispatch_uid="editors.move_descendants")

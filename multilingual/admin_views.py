"""Admin views of the translation workflow: the translation status report and unpublishing with translations."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.unpublish import UnpublishView
from wagtail.models import Locale, Page

from multilingual import translation_report
from multilingual.languages import language_name


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Reports › Vertaalstatus: Dutch pages missing or out of date in the languages their site offers."""

    template_name = "multilingual/admin/translation_status.html"
    page_title = _("Vertaalstatus")
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        language = self.request.GET.get("taal", "")
        language = language if language in codes else ""
        status = self.request.GET.get("status", "")
        status = status if status in {translation_report.MISSING, translation_report.OUTDATED} else ""
        rows = translation_report.build_rows(language=language, status=status, user=self.request.user)
        context.update(
            {
                "rows": translation_report.paginate(rows, self.request.GET.get("p")),
                # Missing only: a snippet has no publication date to call a translation out of date by.
                "site_texts_gaps": []
                if status == translation_report.OUTDATED
                else translation_report.site_texts_gaps(language=language),
                "row_count": len(rows),
                "orphans": translation_report.orphans(language=language, user=self.request.user),
                "languages": [(code, language_name(code)) for code in codes],
                "selected_language": language,
                "selected_status": status,
                "statuses": [
                    (translation_report.MISSING, _("Ontbreekt")),
                    (translation_report.OUTDATED, _("Verouderd")),
                ],
            }
        )
        return context


class UnpublishWithTranslationsView(UnpublishView):
    """Wagtail's unpublish confirmation, plus a choice to unpublish the live translations of a Dutch page too.

    Wagtail asks the `construct_translated_pages_to_cascade_actions` hook, which gets no request and so cannot
    make this optional; wagtail-localize does not implement it. Translations the editor may not unpublish are
    listed but not offered.
    """

    template_name = "multilingual/admin/confirm_unpublish.html"

    def live_translations(self) -> list[Page]:
        page = self.object
        if page.locale_id != Locale.get_default().pk:
            return []
        return [
            translation.specific
            for translation in page.get_translations().live().filter(alias_of__isnull=True).select_related("locale")
            if translation.permissions_for_user(self.request.user).can_unpublish()
        ]

    def get_objects_to_unpublish(self):
        objects = [self.object]
        if self.request.method == "POST" and self.request.POST.get("include_translations"):
            objects.extend(self.live_translations())
        return objects

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["live_translations"] = [
            (translation, language_name(translation.locale.language_code)) for translation in self.live_translations()
        ]
        return context

"""/sitemap.xml with every language the site offers, each URL listing its translations (xhtml:link hreflang)."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from multilingual.languages import enabled_languages


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap, extended from the site's Dutch tree to its trees in all the site's languages."""

    def items(self):
        site = self.get_wagtail_site()
        codes = enabled_languages(self.request, site)
        roots = list(site.root_page.get_translations(inclusive=True).filter(locale__language_code__in=codes))
        if not roots:
            return Page.objects.none()
        in_trees = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.filter(in_trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
            .select_related("locale")
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        # Alternates for the pages on this sitemap page: one query for all their translations.
        items = list(self.paginator.page(page).object_list)
        keys = {item.translation_key for item in items}
        codes = enabled_languages(self.request, self.get_wagtail_site())
        by_key: dict = {}
        for other in (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys, locale__language_code__in=codes)
            .select_related("locale")
        ):
            by_key.setdefault(other.translation_key, []).append(other)
        locations = {}
        for translations in by_key.values():
            alternates = [
                {"lang_code": other.locale.language_code, "location": other.get_full_url(self.request)}
                for other in translations
            ]
            if len(alternates) < 2:
                continue
            default = next((a["location"] for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None)
            if default:
                alternates.append({"lang_code": "x-default", "location": default})
            for alternate in alternates:
                locations[alternate["location"]] = alternates
        for url in urls:
            url["alternates"] = locations.get(url["location"], [])
        return urls

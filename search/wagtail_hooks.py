from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import may_view_search_terms, search_terms_report
from search.dashboard import ZeroResultSearchesPanel


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/search-terms/", search_terms_report, name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchTermsMenuItem(_("Zoektermen"), reverse("search_terms_report"), icon_name="search", order=700)


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_search_terms(request.user)


@hooks.register("construct_homepage_panels")
def add_zero_result_searches_panel(request, panels):
    # The panel shows what visitors typed: the same permission as the report.
    if may_view_search_terms(request.user):
        panels.append(ZeroResultSearchesPanel())

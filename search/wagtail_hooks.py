from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from search.admin_views import search_terms_report
from search.dashboard import ZeroResultSearchesPanel


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/search-terms/", search_terms_report, name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return AdminOnlyMenuItem(_("Zoektermen"), reverse("search_terms_report"), icon_name="search", order=700)


@hooks.register("construct_homepage_panels")
def add_zero_result_searches_panel(request, panels):
    user = request.user
    if user.has_perm("wagtailsearchpromotions.add_searchpromotion") or user.has_perm("search.change_searchsettings"):
        panels.append(ZeroResultSearchesPanel())

"""The permission matrix fails for an admin URL nobody gave a row: a new app's own view, a view it borrows from
another library (an import tool's), and a view without a URL name. No database: the matrix's discovery only."""

from __future__ import annotations

import pytest
from django.views import View

from . import test_permission_matrix as matrix


def _own_view(request):
    raise AssertionError("never called")


_own_view.__module__ = "meldpunt.import_views"


class BorrowedImportView(View):
    pass


BorrowedImportView.__module__ = "import_export.admin"


@pytest.mark.parametrize(
    ("route", "name", "callback", "reported"),
    [
        ("admin/meldpunt/import/", "meldpunt_admin:import", _own_view, "meldpunt_admin:import"),
        ("admin/nieuwsbrief/import/", "newsletter_import", BorrowedImportView.as_view(), "newsletter_import"),
        ("admin/meldpunt/export/", "", _own_view, "has no URL name"),
    ],
)
def test_a_new_admin_url_without_a_row_fails_the_matrix(monkeypatch, route, name, callback, reported):
    monkeypatch.setattr(matrix, "walk", lambda: iter([(route, name, callback)]))
    with pytest.raises(AssertionError, match=reported):
        matrix.test_every_project_admin_url_has_a_row()


def test_upstream_admin_urls_are_not_ours(monkeypatch):
    from wagtail.admin.views.home import HomeView

    monkeypatch.setattr(matrix, "walk", lambda: iter([("admin/", "wagtailadmin_home", HomeView.as_view())]))
    assert matrix.project_admin_urls() == []

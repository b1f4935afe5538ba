"""A second factor wherever a login grants access (issue 17), and a 2FA flow the admin's own requests cannot break
(issue 16): the sprite and catalogue are served, other background requests refused, `next` always a page."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page, PageViewRestriction

from .test_two_factor import enrol

pytestmark = pytest.mark.django_db

RESTRICTED_PATH = "/over-los/privacy/"


@pytest.fixture
def restricted_page(main_site):
    page = Page.objects.get(url_path=f"{main_site.root_page.url_path}{RESTRICTED_PATH.lstrip('/')}")
    PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.LOGIN)
    return page


@pytest.fixture
def restricted_document():
    collection = Collection.get_first_root_node().add_child(name="Alleen voor medewerkers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=BaseViewRestriction.LOGIN)
    document = get_document_model()(title="Intern verslag", collection=collection)
    document.file.save("intern-verslag.txt", ContentFile(b"vertrouwelijk"), save=True)
    return document


@pytest.mark.parametrize("path", ["/admin/sprite/", "/admin/jsi18n/"])
def test_admin_assets_are_served_before_the_second_step(client, staff_user, two_factor_on, path):
    client.force_login(staff_user)
    assert client.get(path, headers={"Sec-Fetch-Mode": "cors"}).status_code == 200


@pytest.mark.parametrize(
    "headers", [{"Sec-Fetch-Mode": "cors"}, {"X-Requested-With": "XMLHttpRequest"}, {"Accept": "application/json"}]
)
def test_other_background_requests_are_refused_not_redirected(client, staff_user, two_factor_on, headers):
    client.force_login(staff_user)
    response = client.get("/admin/pages/", headers=headers)
    assert response.status_code == 403
    assert "Location" not in response


def test_a_page_the_colleague_opens_goes_to_setup_and_back(client, staff_user, two_factor_on):
    client.force_login(staff_user)
    response = client.get("/admin/pages/", headers={"Sec-Fetch-Mode": "navigate"})
    assert response["Location"] == "/admin/2fa/setup/?next=/admin/pages/"


@pytest.mark.parametrize("bad_next", ["/admin/sprite/", "/admin/jsi18n/", "/admin/logout/", "/admin/2fa/setup/"])
def test_next_is_never_an_asset_or_a_login_step(client, staff_user, two_factor_on, bad_next):
    client.force_login(staff_user)
    page = client.get(f"/admin/2fa/setup/?next={bad_next}").content.decode()
    assert page.count('name="token"') == 1
    assert re.search(r'name="next" value="/admin/"', page)


def test_a_wrong_code_is_shown_at_the_top(client, staff_user, two_factor_on):
    client.force_login(staff_user)
    client.get("/admin/2fa/setup/")
    page = client.post("/admin/2fa/setup/", {"token": "000000", "next": "/admin/"}).content.decode()
    alert = re.search(r'role="alert">(.*?)</div>', page, re.S)
    assert alert and "klopt niet" in alert.group(1)


def test_password_only_session_cannot_read_a_login_restricted_page(client, staff_user, two_factor_on, restricted_page):
    assert Client().get(RESTRICTED_PATH)["Location"].startswith("/_util/login/")  # anonymous: the login form
    client.force_login(staff_user)  # the password, not the second factor
    response = client.get(RESTRICTED_PATH)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/2fa/setup/?next={RESTRICTED_PATH}"
    enrol(client, staff_user)
    assert client.get(RESTRICTED_PATH).status_code == 200


def test_password_only_session_cannot_read_a_login_restricted_document(
    client, staff_user, two_factor_on, restricted_document
):
    url = restricted_document.url
    assert Client().get(url).status_code == 302  # anonymous: the login form
    client.force_login(staff_user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/?next=")
    enrol(client, staff_user)
    assert client.get(url).status_code == 200


def test_group_restricted_page_needs_the_second_factor_too(client, staff_user, two_factor_on, restricted_page):
    restriction = PageViewRestriction.objects.get(page=restricted_page)
    restriction.restriction_type = BaseViewRestriction.GROUPS
    restriction.save()
    restriction.groups.add(Group.objects.get(name="Redactie"))
    client.force_login(staff_user)
    assert client.get(RESTRICTED_PATH)["Location"].startswith("/admin/2fa/setup/")


def test_public_pages_stay_public_for_an_unverified_session(client, staff_user, two_factor_on):
    client.force_login(staff_user)
    assert client.get("/nieuws/").status_code == 200

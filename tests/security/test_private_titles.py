"""The translation-status report shows a private page's title only to those who may explore that page in the
admin (issue 17: it showed private page titles to every admin user)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from editors.roles import REDACTIE, VERTALERS, VRIJWILLIGERS
from multilingual import translation_report
from tests.factories.pages import ContentPageFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Noodopvang adres Kanaalstraat (intern)"


@pytest.fixture
def private_page(home_page):
    page = ContentPageFactory(parent=home_page, title=SECRET_TITLE, slug="intern-adres")
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def member(django_user_model, group: str):
    user = django_user_model.objects.create_user(group.lower().replace(" ", "-"), password="x" * 16)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize(("group", "sees"), [(VRIJWILLIGERS, False), (REDACTIE, True), (VERTALERS, True)])
def test_private_titles_only_for_those_who_may_explore_them(client, django_user_model, private_page, group, sees):
    user = member(django_user_model, group)
    client.force_login(user)
    assert client.get(reverse("los_translation_status")).status_code == 200
    # The report is paginated (50 rows); the rows behind it are what every page of it shows.
    assert (private_page.pk in {row.page.pk for row in translation_report.build_rows(user=user)}) is sees
    if not sees:
        assert SECRET_TITLE not in client.get(reverse("los_translation_status")).content.decode()


def test_without_a_user_the_report_leaves_private_pages_out(private_page, admin_user):
    assert private_page.pk not in {row.page.pk for row in translation_report.build_rows()}
    assert private_page.pk in {row.page.pk for row in translation_report.build_rows(user=admin_user)}

"""Where sign-ups go (destination address, storing them, retention) is editable only by those who may read
them (issue 17): enforced in the form itself, so a posted value from anyone else is ignored."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from campaigns.models import SignupFormPage
from editors.roles import EINDREDACTIE, REDACTIE

pytestmark = pytest.mark.django_db

DATA_FIELDS = ("to_address", "store_submissions", "retention_days", "on_expiry")


def member(django_user_model, group: str):
    user = django_user_model.objects.create_user(f"u-{group}".replace(" ", "-"), password="x" * 16)
    user.groups.add(Group.objects.get(name=group))
    return user


def edit_form(page, user, data=None):
    form_class = page.get_edit_handler().get_form_class()
    return (
        form_class(data, instance=page, for_user=user) if data is not None else form_class(instance=page, for_user=user)
    )


@pytest.fixture
def petition(db) -> SignupFormPage:
    return SignupFormPage.objects.get(slug="petitie")


def test_redactie_cannot_change_where_signups_go(petition, django_user_model):
    redactie = member(django_user_model, REDACTIE)
    form = edit_form(petition, redactie)
    assert not set(DATA_FIELDS) & set(form.fields)
    original = (petition.to_address, petition.store_submissions, petition.retention_days, petition.on_expiry)
    hostile = {"to_address": "buiten@evil.example", "store_submissions": "", "retention_days": "3650"}
    posted = edit_form(petition, redactie, {**form.initial, **hostile})
    posted.is_valid()  # builds the instance from the form's own fields (and the formsets' errors, if any)
    page = posted.instance
    assert (page.to_address, page.store_submissions, page.retention_days, page.on_expiry) == original


def test_redactie_does_not_see_the_fields_in_the_editor(client, petition, django_user_model):
    client.force_login(member(django_user_model, REDACTIE))
    html = client.get(f"/admin/pages/{petition.pk}/edit/").content.decode()
    assert 'name="title"' in html
    for name in DATA_FIELDS:
        assert f'name="{name}"' not in html


def test_eindredactie_who_sees_signups_may_change_them(client, petition, django_user_model):
    eindredactie = member(django_user_model, EINDREDACTIE)
    assert set(DATA_FIELDS) <= set(edit_form(petition, eindredactie).fields)
    client.force_login(eindredactie)
    assert 'name="to_address"' in client.get(f"/admin/pages/{petition.pk}/edit/").content.decode()


def test_translators_cannot_redirect_a_translation_s_signups(django_user_model):
    fields = {field.field_name: field for field in get_translatable_fields(SignupFormPage)}
    for name in DATA_FIELDS:
        assert isinstance(fields[name], SynchronizedField), name

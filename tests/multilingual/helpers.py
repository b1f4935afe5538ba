"""What staff do in the admin, as test steps shared by the multilingual tests."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from wagtail.models import Locale


def submit_snippet_translation(admin_client, instance: models.Model, locale: Locale) -> models.Model:
    """'Vertalen' on a snippet, into `locale`: wagtail-localize creates the translation at once; returns it."""
    meta = instance._meta
    response = admin_client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, instance.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return instance.get_translation(locale)

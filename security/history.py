"""Wagtail's history without the personal data a model's name can hold.

Wagtail labels every log entry ("Site history", an object's history, their CSV and XLSX) with `str(instance)`
and keeps it after the object is deleted. For a subscriber that name is the e-mail address: an address deleted
on the subscriber's request stayed in the history for good. A model registered here is named in its log entries
by its kind and number ("abonnee #12"): who did what when stays, whose address it was does not. Models whose
`str()` is already free of personal data (a Meldpunt report's reference) need nothing.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

_nameless: set[type] = set()


def register_nameless_history(*labels: str) -> None:
    """Models ("app_label.Model") whose log entries must not carry their `str()`."""
    _nameless.update(apps.get_model(label) for label in labels)


def history_label(model: type, object_id: object) -> str:
    with translation.override(settings.LANGUAGE_CODE):  # stored once, in the admin's source language
        return f"{model._meta.verbose_name} #{object_id}"


def name_log_entry_without_personal_data(sender, instance, **kwargs) -> None:
    """pre_save of Wagtail's ModelLogEntry: a registered model's entry gets its kind and number as label."""
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if model in _nameless:
        instance.label = history_label(model, instance.object_id)

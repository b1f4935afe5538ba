"""Receivers: location data stripped from image uploads; a new password lifts the lockout of its user name; log
entries of models with personal names are labelled without them."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_save
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from .axes_support import lift_lockout_after_new_password, note_password_change
from .history import name_log_entry_without_personal_data
from .uploads import strip_location_on_upload

pre_save.connect(strip_location_on_upload, sender=get_image_model(), dispatch_uid="security_strip_location")
pre_save.connect(note_password_change, sender=get_user_model(), dispatch_uid="security_note_password_change")
post_save.connect(lift_lockout_after_new_password, sender=get_user_model(), dispatch_uid="security_lift_lockout")
pre_save.connect(name_log_entry_without_personal_data, sender=ModelLogEntry, dispatch_uid="security_nameless_history")

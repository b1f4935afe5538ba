"""Receivers: location data stripped from image uploads; login-throttling records keep no client details; a new
password lifts the lockout of its user name."""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from .axes_support import lift_lockout_after_new_password, note_password_change
from .uploads import strip_location_on_upload

pre_save.connect(strip_location_on_upload, sender=get_image_model(), dispatch_uid="security_strip_location")
pre_save.connect(note_password_change, sender=get_user_model(), dispatch_uid="security_note_password_change")
post_save.connect(lift_lockout_after_new_password, sender=get_user_model(), dispatch_uid="security_lift_lockout")


@receiver(pre_save, sender=AccessAttempt, dispatch_uid="security_scrub_access_attempt")
@receiver(pre_save, sender=AccessFailureLog, dispatch_uid="security_scrub_failure_log")
def scrub_login_record(sender, instance, **kwargs) -> None:
    """django-axes locks out by user name only (AXES_LOCKOUT_PARAMETERS); it needs neither the IP address nor
    the browser's user agent, so neither is stored."""
    instance.ip_address = None
    instance.user_agent = ""

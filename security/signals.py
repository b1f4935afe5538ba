"""Receivers: location data stripped from image uploads; login-throttling records keep no client details."""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from .uploads import strip_location_on_upload

pre_save.connect(strip_location_on_upload, sender=get_image_model(), dispatch_uid="security_strip_location")


@receiver(pre_save, sender=AccessAttempt, dispatch_uid="security_scrub_access_attempt")
@receiver(pre_save, sender=AccessFailureLog, dispatch_uid="security_scrub_failure_log")
def scrub_login_record(sender, instance, **kwargs) -> None:
    """django-axes locks out by user name only (AXES_LOCKOUT_PARAMETERS); it needs neither the IP address nor
    the browser's user agent, so neither is stored."""
    instance.ip_address = None
    instance.user_agent = ""

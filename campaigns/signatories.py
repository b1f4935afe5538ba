"""The public list of organisations that signed a call (SignupFormPage.approved_organisations) changes only when a
moderator approves or withdraws a sign-on (admin: Ondertekeningen), or an approved one is deleted: then the cached
pages showing it go stale. caching/signals.py watches snippets, and a sign-on is none."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from caching.fragments import invalidate_fragments


def sign_on_moderated(sender, instance, created: bool = False, signal=None, **kwargs) -> None:
    """A new sign-on is listed only once approved, so a visitor's sign-up changes no list (its counter makes the
    pages stale itself, SignupCounter.increment); a deleted sign-on that was never approved was never listed."""
    if created or not instance.organisation or (signal is post_delete and not instance.approved):
        return
    invalidate_fragments()


def connect() -> None:
    from campaigns.models import SignupSubmission

    post_save.connect(sign_on_moderated, sender=SignupSubmission, dispatch_uid="campaigns-sign-on-saved")
    post_delete.connect(sign_on_moderated, sender=SignupSubmission, dispatch_uid="campaigns-sign-on-deleted")

"""Marks that let the site recognise a repeat without keeping who it was (`security/once.py`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonMark(models.Model):
    """A keyed hash of one person's identifier (an e-mail address) in one scope (a sign-up form), until it expires.

    The hash is an HMAC with a key derived from SECRET_KEY, which no backup contains: a copy of the database alone
    does not tell whose marks these are."""

    scope = models.CharField(_("bereik"), max_length=64)
    digest = models.CharField(_("kenmerk"), max_length=64)
    expires = models.DateTimeField(_("verloopt"), db_index=True)

    class Meta:
        verbose_name = _("herkenningsteken")
        verbose_name_plural = _("herkenningstekens")
        constraints = [models.UniqueConstraint(fields=["scope", "digest"], name="security_personmark_once")]

    def __str__(self) -> str:
        return self.scope

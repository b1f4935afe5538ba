"""Once per person: a sign-up by the same person (the same e-mail address) is neither stored nor counted twice.

Only a keyed hash of the normalised identifier is kept (`PersonMark`), for as long as the caller says (a form's
retention period); `manage.py purge_login_records` deletes expired marks daily with the login records.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from security.models import PersonMark


def person_digest(scope: str, identifier: str) -> str:
    return salted_hmac(f"security.once.{scope}", identifier.strip().casefold()).hexdigest()


def first_time(scope: str, identifier: str, *, keep: datetime.timedelta) -> bool:
    """Record `identifier` in `scope`; True the first time (or after the previous mark expired), else False."""
    if not identifier.strip():
        return True  # nothing identifies the person: the per-address rate limit is all there is
    digest = person_digest(scope, identifier)
    now = timezone.now()
    PersonMark.objects.filter(scope=scope, digest=digest, expires__lte=now).delete()
    try:
        with transaction.atomic():
            PersonMark.objects.create(scope=scope, digest=digest, expires=now + keep)
    except IntegrityError:
        return False
    return True


def purge_expired_marks() -> int:
    return PersonMark.objects.filter(expires__lte=timezone.now()).delete()[0]

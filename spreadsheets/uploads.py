"""The uploaded file, kept between preview and confirm (and while a background import runs).

Kept with django-import-export's `MediaStorage` in the storage named `import_export` (cms/settings/media.py): a
private folder outside MEDIA_ROOT, or a prefix of the bucket the proxy does not forward, so every app server sees
the file (the library's default temporary folder would not, shared STACK-NOTES) and nothing that serves /media/
can hand it out: these files hold Meldpunt reports and subscribers' addresses. As in Wagtail's redirects import,
the browser only ever holds a token naming the file, here encrypted so that neither the file's place nor the name
it was uploaded as shows; the file is removed after the import or a cancel, and uploads nobody confirmed are
removed after a day (the Meldpunt's after an hour).
"""

from __future__ import annotations

import base64
import datetime
import json
import os
import re
import uuid

from cryptography.fernet import Fernet, InvalidToken
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from import_export.tmp_storages import MediaStorage

# The folder of the agenda's and the quarterly figures' kept files (the Meldpunt and the newsletter have their own).
# Named when only the agenda imported; kept, because tokens in editors' browsers and a running background
# import's batch name files in it.
UPLOAD_DIR = "events-import"
ALLOWED_EXTENSIONS = (".xlsx", ".ods", ".csv", ".tsv", ".txt")
TOKEN_SALT = "spreadsheets.import.file"  # noqa: S105 - a key-derivation namespace, not a secret
TOKEN_MAX_AGE = 6 * 3600
STALE_AFTER = datetime.timedelta(days=1)
_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z]{3,4}$")


class KeptUpload(MediaStorage):
    """One uploaded file in the upload folder, by its random name (the extension kept, for whoever looks).
    A subclass with its own `folder` keeps its files apart, e.g. to remove them sooner (the Meldpunt's import)."""

    folder = UPLOAD_DIR

    def __init__(self, name: str) -> None:
        super().__init__(name=name, MEDIA_FOLDER=self.folder)

    @classmethod
    def keep(cls, upload: UploadedFile) -> KeptUpload:
        extension = os.path.splitext(upload.name or "")[1].lower()
        kept = cls(uuid.uuid4().hex + (extension if extension in ALLOWED_EXTENSIONS else ".bin"))
        kept.save(upload.read())
        return kept

    @classmethod
    def at(cls, path: str) -> KeptUpload | None:
        """The kept file at `path` (as `path` gave it), or None when the name is not ours or the file is gone."""
        folder, _slash, name = path.partition("/")
        if folder != cls.folder or not _NAME.match(name):
            return None
        kept = cls(name)
        return kept if kept.exists() else None

    @property
    def path(self) -> str:
        """The name in the storage, as the import batch records it."""
        return self.get_full_path()

    def exists(self) -> bool:
        return self._storage.exists(self.path)

    def remove(self) -> None:
        if self.exists():
            super().remove()

    @classmethod
    def remove_stale(cls, in_use: set[str], after: datetime.timedelta = STALE_AFTER) -> int:
        """Remove uploads nobody confirmed or cancelled, once they are `after` old (except those in `in_use`);
        how many were removed."""
        storage = cls(name="")._storage
        try:
            _dirs, files = storage.listdir(cls.folder)
        except (FileNotFoundError, NotImplementedError, OSError):
            return 0
        limit, removed = timezone.now() - after, 0
        for name in files:
            path = f"{cls.folder}/{name}"
            try:
                if path not in in_use and storage.get_modified_time(path) < limit:
                    storage.delete(path)
                    removed += 1
            except (NotImplementedError, OSError):
                continue
        return removed


def _fernet() -> Fernet:
    """The key of the tokens, derived from SECRET_KEY: a token lives six hours, so a rotated SECRET_KEY only asks
    whoever is between preview and confirm to upload again."""
    return Fernet(base64.urlsafe_b64encode(salted_hmac(TOKEN_SALT, "fernet", algorithm="sha256").digest()))


def token_for(kept: KeptUpload, original_name: str) -> str:
    """What the browser holds between the steps: the kept file and the name it was uploaded as, encrypted. Only
    signed, the address bar, the browser's history and every log of admin URLs showed both, and a volunteer's
    file is often named after the person or shelter it is about."""
    payload = json.dumps({"f": kept.path, "n": original_name}).encode()
    return _fernet().encrypt(payload).decode("ascii")


def _payload(token: str) -> dict:
    """The token's contents, or {} for a forged, altered or old token."""
    try:
        payload = json.loads(_fernet().decrypt(token.encode("ascii"), ttl=TOKEN_MAX_AGE))
    except (InvalidToken, UnicodeError, ValueError):
        return {}
    return payload if isinstance(payload, dict) else {}


def token_path(token: str) -> str:
    """The kept file's name a token stands for (also when the file is gone), or '' for a forged or old token."""
    path = _payload(token).get("f")
    return path if isinstance(path, str) else ""


def open_token(token: str, kind: type[KeptUpload] = KeptUpload) -> tuple[KeptUpload, str] | None:
    """The kept file (in `kind`'s folder) and its original name for a token, or None when the token is forged,
    old, of another folder or its file gone."""
    payload = _payload(token)
    path, original = payload.get("f"), payload.get("n")
    kept = kind.at(path) if isinstance(path, str) and isinstance(original, str) else None
    return (kept, original) if kept is not None else None


def kept_upload(token: str, kind: type[KeptUpload] = KeptUpload) -> tuple[KeptUpload, str]:
    """`open_token` for a view: the kept file and its original name, or a 404 saying the file has expired (every
    import's preview and confirm steps use it)."""
    opened = open_token(token, kind)
    if opened is None:
        raise Http404(_("Dit importbestand is verlopen. Upload het opnieuw."))
    return opened

"""The Meldpunt's key for contact details (issue 23; README "Meldpunt Vreemdelingendetentie").

MELDPUNT_ENCRYPTION_KEY: one or more Fernet keys separated by commas, newest first (rotation: README). Development
and tests use a fixed key derived here, so nothing needs setting; production refuses to start without its own
(production.py), and refuses this development key.
"""

import base64
import hashlib

from .environment import env

MELDPUNT_DEV_KEY = base64.urlsafe_b64encode(hashlib.sha256(b"los-meldpunt-development-only").digest()).decode()
MELDPUNT_ENCRYPTION_KEYS = env.list("MELDPUNT_ENCRYPTION_KEY", default=[MELDPUNT_DEV_KEY])

"""Security settings (the security/ app): headers and CSP, two-factor admin, login throttling, sessions,
security.txt. README › Security explains each choice."""

from __future__ import annotations

import datetime

from .environment import env

LOS_ADMIN_URL_PREFIX = "/admin/"
# Two-factor authentication (django-otp, TOTP + backup codes) for every admin view. Off in development and tests
# so that force_login and the plain login form keep working; production.py turns it on unless ADMIN_REQUIRE_2FA
# is explicitly false.
LOS_ADMIN_REQUIRE_2FA = env("ADMIN_REQUIRE_2FA")
OTP_TOTP_ISSUER = "Stichting LOS"
OTP_TOTP_THROTTLE_FACTOR = 1

# Login throttling (django-axes): lock a user name for one client for LOGIN_COOLOFF_MINUTES after
# LOGIN_FAILURE_LIMIT failures from that client. By user name alone, a stranger who failed five times every
# cool-off kept a colleague locked out for good, from anywhere; now they lock out only themselves. Guessing from
# one client stays bounded by this lockout per name and by LOS_ADMIN_LOGIN_RATE_LIMIT across names; guessing from
# many clients by the password rules and, above all, by two-factor authentication (docs/security.md). The
# client is the address the rate limits count, and axes stores only a pseudonym of it
# (security/axes_support.py); the same lockout answer comes for existing and unknown names. Records expire after
# the cool-off (`manage.py purge_login_records` daily removes leftovers). AXES_VERBOSE would log user names.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = env("LOGIN_FAILURE_LIMIT")
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env("LOGIN_COOLOFF_MINUTES"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "security.axes_support.client_pseudonym"
AXES_HANDLER = "security.axes_support.DatabaseHandler"  # keeps no user agent
AXES_USERNAME_CALLABLE = "security.axes_support.username_of"
AXES_LOCKOUT_CALLABLE = "security.axes_support.lockout_response"
AXES_RESET_ON_SUCCESS = True
# A wrong password while the name is locked does not start the cool-off again (axes' default does): one guess every
# 14 minutes kept an editor locked out for good. A new password (a completed reset) also lifts the lockout
# (security/axes_support.py).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
AXES_USERNAME_FORM_FIELD = "username"

# Rate limits (security/ratelimit.py) count the visitor's address as the trusted proxy reports it: the header it
# sets (X-Real-IP, or X-Forwarded-For of which the entry CLIENT_IP_PROXY_HOPS from the right counts). Empty: no
# proxy, REMOTE_ADDR. Set it only when the app servers are reachable through that proxy alone (docs/deployment.md).
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER")
CLIENT_IP_PROXY_HOPS = env("CLIENT_IP_PROXY_HOPS")
# Posts to the front-end login and the page and document password forms per visitor: (attempts, seconds).
LOS_PASSWORD_FORM_RATE_LIMIT = (10, 600)
# Posts to the admin login per visitor: more, since an office of volunteers behind one address signs in at once.
LOS_ADMIN_LOGIN_RATE_LIMIT = (20, 600)
# The admin's password reset (security/views.py): posts per visitor (attempts, seconds), and reset mails to one
# mailbox: at most one per interval (seconds) and so many a day, whoever asks.
LOS_PASSWORD_RESET_RATE_LIMIT = (5, 600)
LOS_PASSWORD_RESET_MAIL_INTERVAL, LOS_PASSWORD_RESET_MAILS_PER_DAY = 600, 3

# Backups (security/backup.py) are always encrypted under this passphrase (gpg, AES-256) and pruned after
# BACKUP_RETENTION_DAYS days by `manage.py backup`. Keep the passphrase out of the backup folder's machine.
LOS_BACKUP_PASSPHRASE = env("BACKUP_PASSPHRASE")
LOS_BACKUP_RETENTION_DAYS = env("BACKUP_RETENTION_DAYS")

# Sessions exist only for staff (anonymous visitors get no cookie). "Remember me" unticked: the session ends
# with the browser; ticked: after ADMIN_SESSION_HOURS at most.
SESSION_COOKIE_AGE = env("ADMIN_SESSION_HOURS") * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Headers. Content-Security-Policy (django-csp 4): nothing inline, nothing from another host on public pages.
# The two video players are allowed as frames only: the privacy-friendly video block creates their iframe after
# the visitor clicks "play" (home/blocks.py).
VIDEO_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", *VIDEO_FRAME_HOSTS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin renders inline <script> blocks (inline panels, date widgets) and style attributes, and shows
# previews of pages in a same-origin iframe; image uploads preview from blob: URLs.
LOS_CSP_ADMIN = {  # directives, as django-csp's @csp_override takes them
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-ancestors": ["'self'"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it with SAMEORIGIN
LOS_NO_REFERRER_HOSTS = env("NO_REFERRER_HOSTS")
_video_origins = " ".join(f'"{host}"' for host in VIDEO_FRAME_HOSTS)
LOS_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), midi=(), payment=(), usb=(), browsing-topics=(), "
    f"autoplay=(self {_video_origins}), fullscreen=(self {_video_origins})"
)
# /.well-known/security.txt (RFC 9116)
LOS_SECURITY_CONTACTS = env("SECURITY_CONTACT")
LOS_SECURITY_POLICY_URL = env("SECURITY_POLICY_URL")
LOS_SECURITY_TXT_EXPIRES_DAYS = 180

"""gunicorn settings for production (`gunicorn cms.wsgi` reads this file from the working directory).

The access log records no client address and no query string: `%(U)s` is the path without the query, and
neither `%(h)s` (remote address), `%(r)s` (request line with query), `%(q)s`, `%(a)s` (user agent) nor
`%(f)s` (referrer) appear. Paths still hold the tokens of signed links (a newsletter link works for a year), so
every access-log line goes through the one redaction of the project (security/log.py `RedactingFormatter`, which
Django's LOGGING uses too): `RedactingAccessLogger`. Errors go to stderr through Django's LOGGING.
"""

import os
import sys

from gunicorn.glogging import Logger

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # gunicorn reads this file before the app
from security.log import RedactingFormatter


class RedactingAccessLogger(Logger):
    """gunicorn's logger whose access-log handlers format through `RedactingFormatter`."""

    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.access_log.handlers:
            handler.setFormatter(RedactingFormatter(self.access_fmt))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then: bounds memory growth
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
logger_class = RedactingAccessLogger
errorlog = "-"
loglevel = "warning"

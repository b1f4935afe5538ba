"""gunicorn settings for production (`gunicorn cms.wsgi` reads this file from the working directory).

The access log records no client address and no query string: `%(U)s` is the path without the query, and
neither `%(h)s` (remote address), `%(r)s` (request line with query), `%(q)s`, `%(a)s` (user agent) nor
`%(f)s` (referrer) appear. Errors go to stderr through Django's LOGGING (security/log.py redacts them).
"""

import os

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
errorlog = "-"
loglevel = "warning"

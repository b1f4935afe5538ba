"""The newsletter's settings (issue 20; README "Newsletter and Steun LOS" explains each).

Days: how long a confirmation link works (unconfirmed addresses are deleted then) and how long the links in every
mail work. Mails to one mailbox: one per NEWSLETTER_MAIL_INTERVAL seconds, NEWSLETTER_MAILS_PER_DAY a day, and
a confirmation mail once a day, NEWSLETTER_CONFIRM_MAILS times in all (newsletter/subscriptions.py). Form posts
per client (attempts, seconds; security/ratelimit.py); one batch per NEWSLETTER_BATCH_INTERVAL with the worker; a failed
mail is retried after NEWSLETTER_RETRY_SECONDS x attempt, at most NEWSLETTER_MAX_ATTEMPTS times; sending without
progress for NEWSLETTER_STALLED_SECONDS is resumed by `newsletter_periodic`.
"""

from .environment import env

NEWSLETTER_CONFIRM_DAYS, NEWSLETTER_MANAGE_LINK_DAYS = env.int("NEWSLETTER_CONFIRM_DAYS", default=7), 365
NEWSLETTER_MAIL_INTERVAL, NEWSLETTER_RATE_LIMIT = 600, (5, 600)
NEWSLETTER_MAILS_PER_DAY, NEWSLETTER_CONFIRM_MAILS = 3, 3
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=50)
NEWSLETTER_BATCH_INTERVAL = env.int("NEWSLETTER_BATCH_INTERVAL", default=60)
NEWSLETTER_MAX_ATTEMPTS, NEWSLETTER_RETRY_SECONDS, NEWSLETTER_STALLED_SECONDS = 3, 300, 900
NEWSLETTER_MESSAGE_ID_DOMAIN = env.str("NEWSLETTER_MESSAGE_ID_DOMAIN", default="stichtinglos.nl")
NEWSLETTER_MAILGUN_WEBHOOK_KEY = env.str("NEWSLETTER_MAILGUN_WEBHOOK_KEY", default="")  # empty: webhook is off

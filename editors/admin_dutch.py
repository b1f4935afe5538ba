"""Dutch for the admin where Wagtail and wagtail-localize fall short: strings their Dutch catalogues leave in
English, say with the formal "u", or get wrong; LOS speaks to its colleagues with "je".

How: Django looks a msgid up in the project's catalogue (cms/locale, LOCALE_PATHS) before the packages' own, so
the upstream English msgid listed here with a Dutch msgstr in cms/locale/nl/LC_MESSAGES/django.po wins. Listing
them in Python (gettext_noop) keeps them in the catalogue when makemessages runs with --no-obsolete. The
JavaScript strings live in cms/locale/nl/LC_MESSAGES/djangojs.po (no makemessages run touches that domain), and
the few that wagtail-localize writes into its editor without gettext are replaced in the browser
(editors/static/editors/js/admin_dutch.js). tests/e2e/test_editors_dutch.py checks the screens against a list of
English words.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

UPSTREAM_MSGIDS = (
    # Wagtail's Dutch says "u" here.
    gettext_noop("Are you sure you want to unpublish this %(model_name)s?"),
    gettext_noop("Are you sure you want to delete this %(model_name)s?"),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("Are you sure you want to delete this site?"),
    gettext_noop("Leave blank if not changing."),
    gettext_noop(
        "The root level is where you can add new sites to your Wagtail installation. Pages created here will not "
        "be accessible at any URL until they are associated with a site."
    ),
    gettext_noop(
        "Pages created here will not be accessible at any URL. To add pages to an existing site, create them as "
        "children of the homepage."
    ),
    # Wagtail's Dutch e-mails call a change request "afgekeurd" (rejected); the writer is only asked for changes.
    gettext_noop('The page "%(title)s" has been rejected.'),
    gettext_noop('The page "%(title)s" has been rejected'),
    gettext_noop('The page "%(title)s" has been rejected in moderation stage "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected in moderation stage "%(task)s".'),
    gettext_noop('The page "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop('The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'),
    gettext_noop('The page "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop("Rejected"),
    gettext_noop("Rejected at '%(task)s'. Changes requested"),
    # Wagtail's Dutch loses the spaces in the listings' counter ("1-35van 35pagina's").
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    # wagtail-localize's Dutch keeps the English verb.
    gettext_noop("Please upload a valid PO file."),
)

"""Dutch for the admin where Wagtail and wagtail-localize fall short: strings their Dutch catalogues leave in
English, say with the formal "u", or get wrong; LOS speaks to its colleagues with "je".

How: Django looks a msgid up in the project's catalogue (cms/locale, LOCALE_PATHS) before the packages' own, so
the upstream English msgid listed here with a Dutch msgstr in cms/locale/nl/LC_MESSAGES/django.po wins. Listing
them in Python (gettext_noop) keeps them in the catalogue when makemessages runs with --no-obsolete. The
JavaScript strings live in cms/locale/nl/LC_MESSAGES/djangojs.po (no makemessages run touches that domain), and
the few that wagtail-localize writes into its editor without gettext, and the "Search" Wagtail writes into its
screen-reader search button (given Wagtail's own translation, in any admin language), are replaced in the browser
(editors/static/editors/js/admin_dutch.js). tests/e2e/test_editors_dutch.py checks the screens, and what a screen
reader reads out, against a list of English words.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy, gettext_noop, ngettext_lazy

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
    # Wagtail's search promotions (Zoeken › Uitgelichte zoekresultaten) says "u".
    gettext_noop(
        '<p>The "Search term(s)/phrase" field below must contain the full and exact search for which you '
        "wish to provide recommended results, <em>including</em> any misspellings/user error. To help, you "
        "can choose from search terms that have been popular with users of your site.</p>"
    ),
    # Django's Dutch says "u"/"uw" in the password forms staff use (password change, reset, a new colleague's
    # first password) and the user form's "Actief".
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    gettext_noop(
        "Designates whether this user should be treated as active. Unselect this instead of deleting accounts."
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    # ... and on the page a refused form post shows (CSRF), and a damaged formset.
    gettext_noop(
        "ManagementForm data is missing or has been tampered with. Missing fields: %(field_names)s. You may "
        "need to file a bug report if the issue persists."
    ),
    gettext_noop(
        "You are seeing this message because this HTTPS site requires a “Referer header” to be sent by your "
        "web browser, but none was sent. This header is required for security reasons, to ensure that your "
        "browser is not being hijacked by third parties."
    ),
    gettext_noop(
        "If you have configured your browser to disable “Referer” headers, please re-enable them, at least "
        "for this site, or for HTTPS connections, or for “same-origin” requests."
    ),
    gettext_noop(
        'If you are using the <meta name="referrer" content="no-referrer"> tag or including the '
        "“Referrer-Policy: no-referrer” header, please remove them. The CSRF protection requires the "
        "“Referer” header to do strict referer checking. If you’re concerned about privacy, use alternatives "
        'like <a rel="noreferrer" …> for links to third-party sites.'
    ),
    gettext_noop(
        "You are seeing this message because this site requires a CSRF cookie when submitting forms. This "
        "cookie is required for security reasons, to ensure that your browser is not being hijacked by third "
        "parties."
    ),
    gettext_noop(
        "If you have configured your browser to disable cookies, please re-enable them, at least for this "
        "site, or for “same-origin” requests."
    ),
)


def label_unnamed_upstream_fields() -> None:
    """Wagtail's search promotion (Zoeken › Uitgelichte zoekresultaten) declares `external_link_text` without a
    verbose_name, so its label is made from the field's name ("External link text") and no catalogue can translate
    it. The form's field gets a label of ours; the model is left alone (a verbose_name there would ask for a
    migration inside Wagtail's app)."""
    from wagtail.contrib.search_promotions.forms import SearchPromotionsFormSet

    SearchPromotionsFormSet.form.base_fields["external_link_text"].label = gettext_lazy("Tekst van de externe link")

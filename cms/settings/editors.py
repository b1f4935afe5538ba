"""Settings of the admin as editors use it (editors/ app; README › Editors)."""

# A new translation starts as a draft that the translator publishes when it is done (wagtail-localize's default
# publishes it at once, in the source language, when the source page is live). See editors/translating.py.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Wagtail's login form with its password field labelled (in Dutch for a Dutch admin).
WAGTAILADMIN_USER_LOGIN_FORM = "editors.forms.LosLoginForm"

# No autosave: Wagtail 8 saved a new page as a draft at the first keystroke, so every abandoned start stayed in the
# page list (same title, the real page got "-2" in its address) and "Automatisch opslaan gepauzeerd" warned while
# typing. A draft now exists when the editor saves it; leaving with unsaved changes still asks first.
WAGTAIL_AUTOSAVE_INTERVAL = 0

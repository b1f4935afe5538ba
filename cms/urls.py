from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api.embeds import embed_view
from api.openapi import openapi_view
from cms.api import api_router
from editors import moderation
from multilingual.admin_views import UnpublishWithTranslationsView
from multilingual.sitemaps import LocalizedSitemap
from newsletter import webhooks as newsletter_webhooks
from search import views as search_views
from security import views as security_views

handler500 = "security.views.server_error"
# Bad requests Django refuses (and unusable bytes, security/bad_input.py): the site's own page in the visitor's
# language, never the bytes they sent (security/error_pages.py).
handler400 = "security.error_pages.bad_request"

urlpatterns = [
    # Before Wagtail's own: the admin login with a limit per visitor (security/views.py).
    path("admin/login/", security_views.admin_login, name="wagtailadmin_login"),
    # Before Wagtail's own admin URLs: its unpublish confirmation with the choice to unpublish translations too.
    path(
        "admin/pages/<int:page_id>/unpublish/",
        require_admin_access(UnpublishWithTranslationsView.as_view()),
        name="los_unpublish_with_translations",
    ),
    # Before Wagtail's own: its workflow action (approve, request changes) with a message saying what was done.
    *moderation.urlpatterns,
    # Before Wagtail's own: the password reset behind our rate limits (security/views.py).
    path("admin/password_reset/", security_views.password_reset, name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's own: the password form of a protected document without a CSRF cookie (security/views.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        security_views.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/search/", search_views.api, name="search_api"),
    path("api/v2/openapi.json", openapi_view, {"router": api_router}, name="openapi"),
    path("api/v2/", api_router.urls),
    path("embed/<slug:kind>/", embed_view, name="embed"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}),
    path(".well-known/security.txt", security_views.security_txt, name="security_txt"),
    path("nieuwsbrief/webhooks/mailgun/", newsletter_webhooks.mailgun, name="newsletter_mailgun_webhook"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or settings.LOS_SERVE_MEDIA:
    from django.views.static import serve

    # Not django.conf.urls.static.static(): it serves nothing without DEBUG, and the e2e server runs without it.
    # Only the folders production's proxy forwards (docs/deployment.md), so tests see what visitors can reach.
    folders = "|".join(settings.LOS_PUBLIC_MEDIA_FOLDERS)
    media = rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>(?:{folders})/.*)$"
    urlpatterns += [re_path(media, serve, {"document_root": settings.MEDIA_ROOT})]

# Dutch is unprefixed (/nieuws/), other languages are prefixed (/en/news/).
urlpatterns += i18n_patterns(
    path(_("zoeken/"), search_views.search, name="search"),
    path(_("zoeken/suggesties/"), search_views.autocomplete, name="search_autocomplete"),
    path("", include("campaigns.urls")),
    # Before Wagtail's own: the front-end login and page password form without a CSRF cookie (security/views.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        security_views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("_util/login/", security_views.frontend_login, name="wagtailcore_login"),
    path("", include("newsletter.urls")),
    path("", include("meldpunt.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A language-prefixed address without a translation gets a notice linking to the Dutch original (issue 8).
handler404 = "multilingual.views.page_not_found"

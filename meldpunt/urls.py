"""The Meldpunt's public addresses (in `i18n_patterns`: Dutch unprefixed, English under /en/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from meldpunt import views

app_name = "meldpunt"
urlpatterns = [
    path(_("meldpunt/cijfers/"), views.figures_page, name="figures"),
    path(_("meldpunt/cijfers/csv/"), views.figures_csv, name="figures_csv"),
    path(_("meldpunt/cijfers/json/"), views.figures_json, name="figures_json"),
]

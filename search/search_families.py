"""The search app's own registrations: content pages (home.ContentPage), and the news and publication
families once those apps provide their models (see families_pending.py)."""

from search.families_pending import register_pending_families
from search.registry import SearchFamily, register

register(
    SearchFamily(
        model_label="home.ContentPage",
        key="page",
        date_field="last_checked",
        theme_field="themes",
        text_fields=("search_description", "intro"),
        stream_fields=("body",),
    )
)

register_pending_families()

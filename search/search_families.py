"""The search app's own registrations: content pages (home.ContentPage), and the news and publication
families (search/families.py)."""

from search.families import register_families
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

register_families()

"""The news overview is a page like any other in search (news items themselves are declared by the search app,
search/search_families.py)."""

from search.registry import add_pages

add_pages("page", "news.NewsIndexPage")

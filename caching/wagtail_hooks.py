"""Every Wagtail page takes part in the page cache, keyed by the query parameters it declares (page_cache.py)."""

from wagtail import hooks

from caching import page_cache, routing


@hooks.register("before_serve_page")
def declare_page_cache_params(page, request, serve_args, serve_kwargs) -> None:
    page_cache.declare(request, page_cache.params_of(page))
    routing.remember_route(request, page)

"""Every Wagtail page takes part in the page cache, keyed by the query parameters it declares (page_cache.py); a
document behind a password or login is never stored by a shared cache (cache_control.py)."""

from wagtail import hooks

from caching import cache_control, page_cache, routing


@hooks.register("before_serve_page")
def declare_page_cache_params(page, request, serve_args, serve_kwargs) -> None:
    page_cache.declare(request, page_cache.params_of(page))
    routing.remember_route(request, page)


@hooks.register("before_serve_document", order=-1)  # before Wagtail's own check answers with the password form
def restricted_documents_are_private(document, request) -> None:
    if document.collection.get_view_restrictions().exists():
        cache_control.mark_private(request)

"""The OpenAPI 3 description of the API, generated from the router, so it lists what the code serves.

Every endpoint registered in `cms/api.py` gets its listing, detail and find paths; its query parameters are the
endpoint's `known_query_parameters` (plus the filters page types declare in `api_filters`), described by
`PARAMETER_DOCS` or the endpoint's own `parameter_docs`; its item schema comes from the model's fields. Views
outside the router (the search API) describe themselves in `EXTRA_PATHS`. Served at `/api/v2/openapi.json`;
`docs/api/openapi.json` is the reviewed copy and a test fails when the two differ (`make openapi` rewrites it).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import HttpRequest, JsonResponse
from wagtail.models import Page

from api.filters import declared_filters

COMMITTED_COPY = Path(settings.BASE_DIR) / "docs" / "api" / "openapi.json"

PARAMETER_DOCS = {
    "limit": ("integer", "How many items per answer (default 20, at most 100)."),
    "offset": ("integer", "How many items to skip (at most 100,000)."),
    "fields": ("string", "Fields to add (`intro,body`), remove (`-title`), all (`*`) or only these (`_,title`)."),
    "order": ("string", "Field to order by; `-field` for descending; `random`."),
    "search": ("string", "Words to search for in the items."),
    "search_operator": ("string", "`and` or `or` between the search words."),
    "rich_text_format": ("string", "`html` (default) or `raw`."),
    "format": ("string", "Only `json`."),
    "_": ("string", "Ignored (cache busting)."),
    "type": ("string", "Page type as `app.Model`, e.g. `news.NewsPage`; required for that type's fields and filters."),
    "child_of": ("string", "Pages directly below this page id (`root` for the top)."),
    "ancestor_of": ("integer", "Pages above this page id."),
    "descendant_of": ("integer", "Pages anywhere below this page id."),
    "translation_of": ("integer", "Translations of this page id."),
    "locale": ("string", "Language code: nl, en, fr, es or ar (the languages a site offers)."),
    "site": ("string", "A site's host name, e.g. `ilegalevrouw.nl`."),
    "id": ("integer", "find: the id of the item."),
    "html_path": ("string", "find: the path of a page on the site, e.g. `/nieuws/`."),
}

FIELD_TYPES = [
    (models.BooleanField, {"type": "boolean"}),
    ((models.IntegerField, models.AutoField, models.BigAutoField), {"type": "integer"}),
    (models.DateTimeField, {"type": "string", "format": "date-time"}),
    (models.DateField, {"type": "string", "format": "date"}),
    (models.URLField, {"type": "string", "format": "uri"}),
    ((models.CharField, models.TextField, models.SlugField), {"type": "string"}),
    (models.ForeignKey, {"type": "object", "description": "A nested item with its id and meta."}),
    (models.ManyToManyField, {"type": "array", "items": {"type": "object"}}),
]

EXTRA_PATHS = {
    "/api/v2/search/": {
        "get": {
            "summary": "Search the site, with the same results, facets and pagination as the search page.",
            "operationId": "search",
            "tags": ["search"],
            "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "The search words."},
                {"name": "locale", "in": "query", "schema": {"type": "string"}, "description": "Language code."},
                {"name": "type", "in": "query", "schema": {"type": "string"}, "description": "Kind of content."},
                {"name": "theme", "in": "query", "schema": {"type": "string"}, "description": "A theme's slug."},
                {"name": "year", "in": "query", "schema": {"type": "integer"}, "description": "Year of publication."},
                {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date"]}},
                {"name": "page", "in": "query", "schema": {"type": "integer"}, "description": "Page of results."},
            ],
            "responses": {"200": {"description": "Hits, facets and pagination."}},
        }
    }
}


def field_schema(model, name: str) -> dict:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return {"description": "Computed by the site."}
    for field_class, schema in FIELD_TYPES:
        if isinstance(field, field_class):
            return dict(schema)
    return {}


def item_schema(endpoint, model) -> dict:
    body = {name: field_schema(model, name) for name in endpoint.get_body_fields_names(model)}
    meta = {name: field_schema(model, name) for name in endpoint.get_meta_fields_names(model)}
    return {"type": "object", "properties": {**body, "meta": {"type": "object", "properties": meta}}}


def page_types() -> list[type[Page]]:
    return sorted(
        (m for m in apps.get_models() if issubclass(m, Page) and m is not Page and getattr(m, "api_fields", None)),
        key=lambda m: m._meta.label,
    )


def parameters(endpoint, name: str) -> list[dict]:
    known = set(endpoint.known_query_parameters)
    docs = {**PARAMETER_DOCS, **getattr(endpoint, "parameter_docs", {})}
    if name == "pages":
        for model in page_types():
            for param, (_lookup, parser) in declared_filters(model).items():
                known.add(param)
                docs.setdefault(param, ("string", f"With `type`: a filter of that page type ({parser})."))
    found = []
    for param in sorted(known):
        kind, text = docs.get(param, ("string", ""))
        found.append({"name": param, "in": "query", "schema": {"type": kind}, "description": text})
    return found


def build(router) -> dict:
    paths: dict = {}
    schemas: dict = {}
    for name, endpoint in router._endpoints.items():
        model = endpoint.model
        schema_name = f"{name}-item"
        schemas[schema_name] = item_schema(endpoint, model)
        ref = {"$ref": f"#/components/schemas/{schema_name}"}
        listing = {
            "type": "object",
            "properties": {
                "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
                "items": {"type": "array", "items": ref},
            },
        }
        summary = (endpoint.__doc__ or name).strip().splitlines()[0]
        paths[f"/api/v2/{name}/"] = {
            "get": {
                "summary": summary,
                "operationId": f"{name}-listing",
                "tags": [name],
                "parameters": parameters(endpoint, name),
                "responses": {
                    "200": {"description": "A page of items.", "content": {"application/json": {"schema": listing}}},
                    "400": {"description": "A parameter is unknown or malformed; `message` says which."},
                },
            }
        }
        paths[f"/api/v2/{name}/{{id}}/"] = {
            "get": {
                "summary": f"One item of {name}.",
                "operationId": f"{name}-detail",
                "tags": [name],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {"description": "The item.", "content": {"application/json": {"schema": ref}}},
                    "404": {"description": "No published, public item with this id."},
                },
            }
        }
        paths[f"/api/v2/{name}/find/"] = {
            "get": {
                "summary": f"Redirect to the {name} item found by "
                + " or ".join(f"`{p}`" for p in sorted(endpoint.find_query_parameters)),
                "operationId": f"{name}-find",
                "tags": [name],
                "parameters": [
                    {"name": p, "in": "query", "schema": {"type": PARAMETER_DOCS.get(p, ("string",))[0]}}
                    for p in sorted(endpoint.find_query_parameters)
                ],
                "responses": {
                    "302": {"description": "To the item's detail address."},
                    "404": {"description": "Not found."},
                },
            }
        }
    for model in page_types():
        schemas[model._meta.label] = item_schema(router._endpoints["pages"], model)
    paths.update(EXTRA_PATHS)
    paths["/api/v2/openapi.json"] = {
        "get": {
            "summary": "This description.",
            "operationId": "openapi",
            "responses": {"200": {"description": "OpenAPI 3 description of the API."}},
        }
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "LOS CMS API",
            "version": "2",
            "description": "Read-only published content of Stichting LOS for partner sites. Guide: docs/api.md. "
            "Page types' fields are under components/schemas by `app.Model`; ask for them with "
            "`/api/v2/pages/?type=app.Model&fields=...`.",
        },
        "servers": [{"url": "/"}],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": schemas},
    }


def as_text(router) -> str:
    return json.dumps(build(router), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def openapi_view(request: HttpRequest, router) -> JsonResponse:
    """`/api/v2/openapi.json` (cms/urls.py passes the router)."""
    return JsonResponse(build(router), json_dumps_params={"ensure_ascii": False})

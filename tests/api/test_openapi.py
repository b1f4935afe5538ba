"""The OpenAPI description: valid, complete (every endpoint and parameter the code serves), and the reviewed
copy in docs/api/openapi.json is what the code generates."""

from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate

from api.openapi import COMMITTED_COPY, as_text
from cms.api import api_router

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def description():
    return json.loads(as_text(api_router))


def test_it_is_a_valid_openapi_3_description(description):
    validate(description)


def test_every_endpoint_and_parameter_is_described(description):
    for name, endpoint in api_router._endpoints.items():
        for path in (f"/api/v2/{name}/", f"/api/v2/{name}/{{id}}/", f"/api/v2/{name}/find/"):
            assert path in description["paths"], path
        described = {p["name"] for p in description["paths"][f"/api/v2/{name}/"]["get"]["parameters"]}
        assert set(endpoint.known_query_parameters) <= described, name
    assert "/api/v2/search/" in description["paths"]
    assert {"city", "theme", "date_from", "date_to", "when", "locale"} <= {
        p["name"] for p in description["paths"]["/api/v2/events/"]["get"]["parameters"]
    }
    assert "news.NewsPage" in description["components"]["schemas"]


def test_the_served_description_is_the_generated_one(client, description):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response.json() == description


def test_the_reviewed_copy_is_up_to_date():
    assert COMMITTED_COPY.read_text(encoding="utf-8") == as_text(api_router), (
        "docs/api/openapi.json differs from what the code serves: run `make openapi` and review the change"
    )

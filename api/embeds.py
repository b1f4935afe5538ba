"""Embeds for partner sites: "our agenda" or "latest news on a theme" as a small HTML page in an <iframe>.

A partner pastes one `<iframe>` (staff make it in the admin: Instellingen › Insluiten, `api/admin_views.py`).
The page it shows is plain HTML and one stylesheet from this site: no script, no cookie, nothing from another
host, and the links open on the LOS site in a new tab. Each kind of embed lives with its content
(`events/embeds.py`, `news/embeds.py`) and registers itself here; the view below serves every kind the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from csp.decorators import csp_replace
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from api.viewsets import language_codes
from security.query_params import clean_query

MAX_ITEMS = 10
DEFAULT_ITEMS = 5


@dataclass(frozen=True)
class EmbedKind:
    """One kind of embed: `items(options)` returns what to list, the template shows it."""

    name: str
    label: str
    template: str
    items: Callable[[EmbedOptions], dict]
    filters: tuple[str, ...] = ()  # which of EmbedOptions' filters this kind uses (theme, city)


@dataclass
class EmbedOptions:
    """What the partner asked for, validated: unknown values fall back to the defaults, never an error."""

    request: HttpRequest
    language: str = "nl"
    theme: str = ""
    city: str = ""
    limit: int = DEFAULT_ITEMS
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_request(cls, request: HttpRequest) -> EmbedOptions:
        get = request.GET
        language = clean_query(get.get("locale", "nl")).strip().lower()
        try:
            limit = int(clean_query(get.get("limit", "")) or DEFAULT_ITEMS)
        except ValueError:
            limit = DEFAULT_ITEMS
        return cls(
            request=request,
            language=language if language in language_codes() else "nl",
            theme=clean_query(get.get("theme", "")).strip()[:100],
            city=clean_query(get.get("city", "")).strip()[:100],
            limit=min(max(limit, 1), MAX_ITEMS),
        )

    def query(self) -> dict[str, str]:
        """The options as query parameters, for links that should keep them (the iCal subscription)."""
        return {k: v for k, v in {"theme": self.theme, "city": self.city}.items() if v}


EMBEDS: dict[str, EmbedKind] = {}


def register(kind: EmbedKind) -> EmbedKind:
    EMBEDS[kind.name] = kind
    return kind


def kinds() -> dict[str, EmbedKind]:
    """Every registered kind (each app's `embeds` module registers its own on first use)."""
    autodiscover_modules("embeds")
    return EMBEDS


# Partners frame this page on their own hosts: allow any ancestor for this view only (the public policy says
# 'none'); everything else of the strict public policy stays, so the page can still load nothing from elsewhere.
@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed_view(request: HttpRequest, kind: str) -> HttpResponse:
    embed = kinds().get(kind)
    if embed is None:
        raise Http404(_("Deze inbedding bestaat niet."))
    options = EmbedOptions.from_request(request)
    with translation.override(options.language):
        context = {"embed": embed, "options": options, **embed.items(options)}
        response = TemplateResponse(request, embed.template, context)
        response.render()
    response["Cache-Control"] = "public, max-age=300"
    return response

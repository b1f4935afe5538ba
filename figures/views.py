"""Admin views for shelter coordinators and LOS staff: the quarters of their shelters, the quarter form, the
client-list upload (counted in memory, see `figures/clients.py`) and withdrawing a shelter.

Every view checks the model permission and then the shelter: coordinators only reach the shelters they
coordinate (`Shelter.objects.for_user`); another shelter's figures are a 404, as if they did not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from figures.forms import QuarterForm
from figures.models import QuarterFigures, Shelter

VIEW = ("figures.view_quarterfigures",)
ALREADY_FILLED = gettext_lazy(
    "Voor %(period)s zijn al cijfers ingevuld. Verbeter die, in plaats van het kwartaal twee keer in te vullen."
)
EDIT = ("figures.add_quarterfigures", "figures.change_quarterfigures")


def require(request: HttpRequest, permissions: tuple[str, ...]) -> None:
    if not request.user.is_authenticated or not request.user.has_perms(permissions):
        raise PermissionDenied


def own_shelter(request: HttpRequest, shelter_id: int) -> Shelter:
    return get_object_or_404(Shelter.objects.for_user(request.user), pk=shelter_id)


def index(request: HttpRequest) -> HttpResponse:
    require(request, VIEW)
    shelters = Shelter.objects.for_user(request.user).prefetch_related("figures")
    return TemplateResponse(
        request,
        "figures/admin/index.html",
        {"page_title": _("Kwartaalcijfers"), "header_icon": "table", "shelters": shelters},
    )


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, shelter_id: int, figures_id: int | None = None) -> HttpResponse:
    """New figures for a quarter, or a correction of existing ones (the old ones go to the history)."""
    require(request, EDIT)
    shelter = own_shelter(request, shelter_id)
    figures = get_object_or_404(shelter.figures, pk=figures_id) if figures_id else None
    initial = QuarterForm.initial_from(figures) if figures else {}
    form = QuarterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        year, quarter = form.cleaned_data["year"], form.cleaned_data["quarter"]
        other = shelter.figures.filter(year=year, quarter=quarter).exclude(pk=getattr(figures, "pk", None)).first()
        if other is not None:
            form.add_error(
                None,
                ALREADY_FILLED % {"period": other.period},
            )
        else:
            target = figures or QuarterFigures(shelter=shelter)
            target.year, target.quarter = year, quarter
            try:
                target.replace(form.values(), user=request.user)
            except IntegrityError:
                form.add_error(None, _("Voor dit kwartaal zijn net al cijfers ingevuld. Laad de pagina opnieuw."))
            else:
                messages.success(request, _("De cijfers voor %(period)s zijn opgeslagen.") % {"period": target.period})
                return redirect("figures_admin:index")
    title = _("Cijfers %(period)s verbeteren") % {"period": figures.period} if figures else _("Kwartaal invullen")
    return TemplateResponse(
        request,
        "figures/admin/edit.html",
        {
            "page_title": title,
            "page_subtitle": shelter.name,
            "header_icon": "table",
            "form": form,
            "shelter": shelter,
            "figures": figures,
        },
    )


@require_POST
def withdraw(request: HttpRequest, shelter_id: int) -> HttpResponse:
    """The shelter stops taking part: its figures count nowhere any more (they are kept, not published)."""
    require(request, EDIT)
    shelter = own_shelter(request, shelter_id)
    if not shelter.withdrawn:
        shelter.withdraw()
        messages.success(
            request, _("%(name)s doet niet meer mee. Haar cijfers tellen nergens meer mee.") % {"name": shelter.name}
        )
    return redirect("figures_admin:index")


urlpatterns = [
    path("", index, name="index"),
    path("<int:shelter_id>/nieuw/", edit, name="add"),
    path("<int:shelter_id>/<int:figures_id>/", edit, name="edit"),
    path("<int:shelter_id>/stoppen/", withdraw, name="withdraw"),
]

"""The client-list upload: choose a file -> see the counts -> confirm; only the counts are stored.

The upload is read only into memory (`InMemoryOnly`, set for this view alone, before anything reads the request
body: hence `csrf_exempt` outside and `csrf_protect` inside, as Django's upload-handler docs describe). Between
the steps the browser holds the counts, signed; never the file.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from figures.clients import MAX_UPLOAD_BYTES, UnusableFile, count_clients
from figures.forms import QuarterForm
from figures.models import QuarterFigures
from figures.models.figures import FIRST_YEAR, Source, breakdown_errors
from figures.views import EDIT, own_shelter, require

COUNTS_SALT = "figures.clients.counts"
COUNTS_MAX_AGE = 3600


class InMemoryOnly(MemoryFileUploadHandler):
    """Django's in-memory upload handler without its fallback: a file over the cap is dropped, never spooled
    to a temporary file (there is no next handler to take it)."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = content_length is not None and content_length <= MAX_UPLOAD_BYTES + 64 * 1024


class ClientListForm(forms.Form):
    """The quarter to count and the client list."""

    year = forms.IntegerField(label=gettext_lazy("Jaar"), min_value=FIRST_YEAR, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("Kwartaal"), coerce=int, choices=[(n, f"Q{n}") for n in range(1, 5)]
    )
    file = forms.FileField(
        label=gettext_lazy("Clientenlijst"),
        required=False,
        help_text=gettext_lazy(
            "Eén rij per persoon met de kolommen Nationaliteit, Gender, Geboortejaar, Startdatum, Einddatum en "
            "Uitkomst. Geen namen! Excel, LibreOffice of CSV, hoogstens 2 MB. Het bestand wordt niet bewaard."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            raise forms.ValidationError(_("Kies een bestand van hoogstens 2 MB."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 2 MB."))
        return upload


@csrf_exempt
def clients(request: HttpRequest, shelter_id: int) -> HttpResponse:
    # Only the upload step posts a file (multipart). The confirm step posts a plain form, which
    # security/bad_input.py has already read (it checks url-encoded forms for NUL): Django refuses new upload
    # handlers once the body is read, and the confirm answered 500 in the browser.
    if request.content_type == "multipart/form-data":
        request.upload_handlers = [InMemoryOnly(request)]
    return _clients(request, shelter_id)


@csrf_protect
@require_http_methods(["GET", "POST"])
def _clients(request: HttpRequest, shelter_id: int) -> HttpResponse:
    require(request, EDIT)
    shelter = own_shelter(request, shelter_id)
    if request.method == "POST" and "counts" in request.POST:
        return _confirm(request, shelter)
    form = ClientListForm(request.POST or None, request.FILES or None)
    context = {
        "page_title": _("Tellen uit clientenlijst"),
        "page_subtitle": shelter.name,
        "header_icon": "upload",
        "form": form,
        "shelter": shelter,
    }
    if request.method == "POST" and form.is_valid():
        year, quarter = form.cleaned_data["year"], form.cleaned_data["quarter"]
        upload = form.cleaned_data["file"]
        try:
            counted = count_clients(upload.read(), upload.name or "", year, quarter)
        except UnusableFile as error:
            form.add_error("file", str(error))
        else:
            token = signing.dumps({"s": shelter.pk, "y": year, "q": quarter, "v": counted.values}, salt=COUNTS_SALT)
            preview = QuarterForm(
                initial=QuarterForm.initial_from(QuarterFigures(year=year, quarter=quarter, **counted.values))
            )
            context |= {
                "counted": counted,
                "token": token,
                "preview": preview,
                "year": year,
                "quarter": quarter,
                "existing": shelter.figures.filter(year=year, quarter=quarter).exists(),
            }
        finally:
            upload.close()
    return TemplateResponse(request, "figures/admin/clients.html", context)


def _confirm(request: HttpRequest, shelter) -> HttpResponse:
    try:
        payload = signing.loads(request.POST["counts"], salt=COUNTS_SALT, max_age=COUNTS_MAX_AGE)
        year, quarter, values = int(payload["y"]), int(payload["q"]), payload["v"]
        valid = payload["s"] == shelter.pk and not breakdown_errors(values)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        valid = False
    if not valid:
        messages.error(request, _("Deze telling is verlopen of ongeldig. Upload de lijst opnieuw."))
        return redirect("figures_admin:clients", shelter.pk)
    figures = shelter.figures.filter(year=year, quarter=quarter).first() or QuarterFigures(
        shelter=shelter, year=year, quarter=quarter
    )
    figures.replace(values, user=request.user, source=Source.CLIENTS)
    messages.success(request, _("De getelde cijfers voor %(period)s zijn opgeslagen.") % {"period": figures.period})
    return redirect("figures_admin:index")

"""Wagtail's standard actions on images, documents and collections, performed in the admin on the demo content by
the least privileged group that may (editors/roles.py): uploading several at once and from the choosers, editing
(focal point, replacing the file), deleting one or in bulk, moving to another collection; collections themselves
are a superuser's. Our upload checks (security/uploads.py), search indexing and document text extraction
(search/), and cache invalidation (caching/) run inside them; none may answer 500."""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex

from demo.pdf import make_pdf
from editors.roles import EINDREDACTIE, LOS_COLLECTION, MICROSITE_COLLECTION, MICROSITE_REDACTIE, REDACTIE, STAGIAIRS
from research.models import PublicationPage
from search.models import DocumentText

from .conftest import SUPERUSER
from .sweep import form_data, messages, png, text_document

pytestmark = pytest.mark.django_db
Image, Document = get_image_model(), get_document_model()
AJAX = {"headers": {"x-requested-with": "XMLHttpRequest"}}


def collection(name: str) -> Collection:
    return Collection.objects.get(name=name)


def bulk(sweep, client, model: str, action: str, objects, label: str, data=None):
    app = "wagtailimages" if model == "image" else "wagtaildocs"
    query = urlencode([("id", item.pk) for item in objects] + [("next", f"/admin/{model}s/")])
    address = reverse("wagtail_bulk_action", args=[app, model, action]) + "?" + query
    sweep.get(f"{label}: bevestigen", client, address, expect=200)
    return sweep.post(label, client, address, data or {})


def renditions_of(image) -> str:
    """What the address of every rendition of the image's current file starts with."""
    return f"/images/{PurePath(image.file.name).stem}."


def pages_using(item) -> list[Page]:
    references = ReferenceIndex.get_references_to(item)
    return [source for source, _references in references.group_by_source_object() if isinstance(source, Page)]


def test_images(staff, sweep):
    redactie, los = staff(REDACTIE), collection(LOS_COLLECTION)

    # Several at once (the upload page), then their details filled in as the page lets you after each upload.
    response = sweep.post(
        "meerdere uploaden",
        redactie,
        reverse("wagtailimages:add_multiple"),
        {"files[]": png("vergadering.png"), "collection": los.pk},
        **AJAX,
    )
    answer = response.json() if response is not None and response.status_code == 200 else {}
    sweep.check("meerdere uploaden: gelukt", lambda: answer["success"], str(answer)[:300])
    uploaded = Image.objects.filter(pk=answer.get("image_id")).first()
    if uploaded is not None:
        data = form_data(answer["form"])
        data[f"image-{uploaded.pk}-title"] = ["Vergadering in Utrecht"]
        data[f"image-{uploaded.pk}-description"] = ["Vrijwilligers rond een tafel."]
        sweep.post(
            "meerdere uploaden: details",
            redactie,
            reverse("wagtailimages:edit_multiple", args=[uploaded.pk]),
            data,
            **AJAX,
        )
        sweep.check("details opgeslagen", lambda: Image.objects.get(pk=uploaded.pk).title == "Vergadering in Utrecht")

    # From the page editor's image chooser, by every group that adds images (the one in the newest browser test).
    for group, where in (
        (REDACTIE, LOS_COLLECTION),
        (STAGIAIRS, LOS_COLLECTION),
        (MICROSITE_REDACTIE, MICROSITE_COLLECTION),
    ):
        upload_in_the_chooser(sweep, staff(group), group, where)

    # Edit an image used on the site: its focal point, then a new file.
    image = next(item for item in Image.objects.filter(collection=los).order_by("pk") if pages_using(item))
    for used_on in pages_using(image):  # as visitors saw it: the page cache keeps it
        sweep.visit(f"vooraf {used_on.url_path}", used_on.get_url(), shows=renditions_of(image))
    edit = reverse("wagtailimages:edit", args=[image.pk])
    data = form_data(sweep.get("afbeelding bewerken", redactie, edit, expect=200))
    data.update(focal_point_x=["10"], focal_point_y=["12"], focal_point_width=["8"], focal_point_height=["6"])
    sweep.post("focuspunt kiezen", redactie, edit, data)
    sweep.check("focuspunt opgeslagen", lambda: Image.objects.get(pk=image.pk).focal_point_x == 10)
    old_hash = Image.objects.get(pk=image.pk).file_hash
    data = form_data(sweep.get("afbeelding vervangen: formulier", redactie, edit, expect=200))
    sweep.post("bestand vervangen", redactie, edit, {**data, "file": png("nieuw.png", (120, 90))})
    sweep.check(
        "nieuw bestand",
        lambda: (replaced := Image.objects.get(pk=image.pk)).width == 120 and replaced.file_hash != old_hash,
    )
    image.refresh_from_db()
    for used_on in pages_using(image):
        sweep.visit(
            f"pagina met de vervangen afbeelding: {used_on.url_path}", used_on.get_url(), shows=renditions_of(image)
        )

    # Deleting is the Eindredactie's: one image that pages use, then two in bulk.
    eindredactie = staff(EINDREDACTIE)
    used_on = pages_using(image)
    sweep.get(
        "afbeelding verwijderen: bevestigen", eindredactie, reverse("wagtailimages:delete", args=[image.pk]), expect=200
    )
    sweep.post("afbeelding verwijderen", eindredactie, reverse("wagtailimages:delete", args=[image.pk]))
    sweep.check("afbeelding verwijderd", lambda: not Image.objects.filter(pk=image.pk).exists())
    for page in used_on:
        sweep.visit(
            f"pagina zonder de verwijderde afbeelding: {page.url_path}", page.get_url(), hides=renditions_of(image)
        )
    two = list(Image.objects.filter(title__startswith="Kiezer")[:2])
    bulk(sweep, eindredactie, "image", "delete", two, "afbeeldingen in bulk verwijderen")
    sweep.check("in bulk verwijderd", lambda: not Image.objects.filter(pk__in=[i.pk for i in two]).exists())

    # Moving images to another collection in bulk (add to collection).
    moving = list(Image.objects.filter(collection=los).order_by("pk")[:2])
    microsite = collection(MICROSITE_COLLECTION)
    bulk(sweep, eindredactie, "image", "add_to_collection", moving, "naar verzameling", {"collection": microsite.pk})
    sweep.check(
        "verplaatst naar verzameling",
        lambda: all(Image.objects.get(pk=i.pk).collection_id == microsite.pk for i in moving),
    )
    sweep.get("afbeeldingen overzicht", redactie, reverse("wagtailimages:index"), expect=200)
    sweep.done()


def upload_in_the_chooser(sweep, client, group: str, where: str) -> None:
    title = f"Kiezer {group}"
    response = sweep.post(
        f"uploaden in de kiezer ({group})",
        client,
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": title,
            "image-chooser-upload-file": png(f"kiezer-{len(group)}.png"),
            "image-chooser-upload-description": "Een foto voor bij een bericht.",
            "image-chooser-upload-collection": collection(where).pk,
        },
    )
    sweep.check(f"gekozen na uploaden ({group})", lambda: response.json()["step"] == "chosen")
    sweep.check(f"in de eigen verzameling ({group})", lambda: Image.objects.get(title=title).collection.name == where)


def test_documents_and_collections(staff, sweep):
    redactie, los = staff(REDACTIE), collection(LOS_COLLECTION)

    response = sweep.post(
        "documenten: meerdere uploaden",
        redactie,
        reverse("wagtaildocs:add_multiple"),
        {"files[]": text_document("verslag.txt", "Verslag van de regiobijeenkomst."), "collection": los.pk},
        **AJAX,
    )
    answer = response.json() if response is not None and response.status_code == 200 else {}
    sweep.check("documenten: gelukt", lambda: answer["success"], str(answer)[:300])
    uploaded = Document.objects.filter(pk=answer.get("doc_id")).first()
    if uploaded is not None:
        data = form_data(answer["form"])
        data[f"doc-{uploaded.pk}-title"] = ["Verslag regiobijeenkomst"]
        sweep.post(
            "documenten: details", redactie, reverse("wagtaildocs:edit_multiple", args=[uploaded.pk]), data, **AJAX
        )
        sweep.check(
            "document: details opgeslagen",
            lambda: Document.objects.get(pk=uploaded.pk).title == "Verslag regiobijeenkomst",
        )

    response = sweep.post(
        "document uploaden in de kiezer",
        redactie,
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Agenda",
            "document-chooser-upload-file": text_document("agenda.txt"),
            "document-chooser-upload-collection": los.pk,
        },
    )
    sweep.check("document gekozen na uploaden", lambda: response.json()["step"] == "chosen")

    # Replace the file of a document (the Redactie's own, in its collection).
    document = Document.objects.filter(title="Agenda").first() or uploaded
    if document is not None:
        edit = reverse("wagtaildocs:edit", args=[document.pk])
        data = form_data(sweep.get("document bewerken", redactie, edit, expect=200))
        sweep.post(
            "document vervangen", redactie, edit, {**data, "file": text_document("agenda-v2.txt", "Nieuwe agenda.")}
        )
        sweep.check("document vervangen", lambda: Document.objects.get(pk=document.pk).file.read() == b"Nieuwe agenda.")
        sweep.get("vervangen document downloaden", redactie, Document.objects.get(pk=document.pk).url, expect=200)

    # A publication's PDF (in the root collection: the Eindredactie's) replaced by a new version: its page shows
    # the new file's size and number of pages.
    eindredactie = staff(EINDREDACTIE)
    publication = PublicationPage.objects.live().filter(pdf__isnull=False, locale__language_code="nl").first()
    pdf = publication.pdf
    sweep.visit("publicatie vooraf", publication.get_url(), shows=pdf.url)
    edit = reverse("wagtaildocs:edit", args=[pdf.pk])
    data = form_data(sweep.get("PDF vervangen: formulier", eindredactie, edit, expect=200))
    new_version = SimpleUploadedFile("rapport-v2.pdf", make_pdf("Rapport", ["Tweede druk"] * 40, 7), "application/pdf")
    sweep.post("PDF van een publicatie vervangen", eindredactie, edit, {**data, "file": new_version})
    pdf.refresh_from_db()
    sweep.visit("publicatie met de nieuwe PDF", publication.get_url(), shows=pdf.url)
    sweep.visit("publicatie noemt de pagina's van de nieuwe PDF", publication.get_url(), shows="7 pagina's")
    sweep.visit("de nieuwe PDF downloaden", pdf.url)
    sweep.check("PDF doorzoekbaar", lambda: "Tweede druk" in DocumentText.objects.get(document=pdf).text)

    # Deleting is the Eindredactie's: that PDF, then the rest in bulk.
    used_on = pages_using(pdf)
    sweep.post("document verwijderen", eindredactie, reverse("wagtaildocs:delete", args=[pdf.pk]))
    sweep.check("document verwijderd", lambda: not Document.objects.filter(pk=pdf.pk).exists())
    for page in used_on:
        sweep.visit(
            f"pagina zonder het verwijderde document: {page.url_path}", page.get_url(), hides=f"/documents/{pdf.pk}/"
        )
    mine = list(Document.objects.filter(collection=los))
    bulk(sweep, eindredactie, "document", "delete", mine, "documenten in bulk verwijderen")
    sweep.check("documenten in bulk verwijderd", lambda: not Document.objects.filter(collection=los).exists())

    # Collections: no group manages them (a superuser's).
    superuser = staff(SUPERUSER)
    root = Collection.get_first_root_node()
    response = sweep.post(
        "verzameling toevoegen",
        superuser,
        reverse("wagtailadmin_collections:add"),
        {"name": "Campagnes", "parent": root.pk},
    )
    new = Collection.objects.filter(name="Campagnes").first()
    sweep.check("verzameling toegevoegd", lambda: new is not None and messages(response))
    if new is not None:
        address = reverse("wagtailadmin_collections:delete", args=[new.pk])
        sweep.get("verzameling verwijderen: bevestigen", superuser, address, expect=200)
        sweep.post("verzameling verwijderen", superuser, address)
        sweep.check("verzameling verwijderd", lambda: not Collection.objects.filter(pk=new.pk).exists())
    sweep.get("documenten overzicht", redactie, reverse("wagtaildocs:index"), expect=200)
    sweep.done()

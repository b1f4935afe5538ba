"""The tools of the admin action sweep: `Sweep` performs admin actions one after another as an editor would and
collects every failure instead of stopping at the first, so one run lists everything; `form_data` reads the form
a page of the admin shows into the POST data a browser would send back (fields, formsets and StreamFields), so a
form can be saved unchanged."""

from __future__ import annotations

import hashlib
import io
import json
import sys
import traceback
from collections.abc import Callable
from typing import Any

import lxml.html
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import got_request_exception
from django.http import HttpResponse
from django.test import Client
from django.test.testcases import TestCase
from PIL import Image as PILImage


class Sweep:
    """Admin actions performed in a row. A request that answers 500 (or raises in the work it left for after the
    commit), an unexpected status or a result that is not what the editor wanted is written down, and the sweep
    goes on; `done()` fails the test with the whole list."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.actions = 0
        self._exception: str | None = None
        got_request_exception.connect(self._record_exception, weak=False, dispatch_uid=id(self))

    def close(self) -> None:
        got_request_exception.disconnect(dispatch_uid=id(self))

    def _record_exception(self, sender, request=None, **kwargs) -> None:
        self._exception = "".join(traceback.format_exception(*sys.exc_info())[-4:])

    def fail(self, label: str, detail: str) -> None:
        self.failures.append(f"{label}: {detail}")

    def request(
        self, label: str, client: Client, method: str, url: str, data: Any = None, *, expect=(200, 302), **extra
    ) -> HttpResponse | None:
        """One request, and the work it queued for after its transaction's commit (search indexing, cache
        invalidation, warming, translations), run as production runs it: right after the request."""
        self.actions += 1
        self._exception = None
        response = None
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                send = getattr(client, method)
                response = send(url, data, **extra) if data is not None else send(url, **extra)
        except Exception:  # noqa: BLE001 - a callback after the commit raised: the editor got a server error
            self.fail(label, f"{method.upper()} {url} raised after the commit:\n{traceback.format_exc()[-1500:]}")
            return response
        expected = (expect,) if isinstance(expect, int) else expect
        if response.status_code >= 500 or response.status_code not in expected:
            detail = f"{method.upper()} {url} answered {response.status_code}, expected {expected}"
            if self._exception:
                detail += f"\n{self._exception[-1500:]}"
            elif response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
                detail += f"\n{form_errors(response)}"
            self.fail(label, detail)
        return response

    def get(self, label, client, url, data=None, **kwargs):
        return self.request(label, client, "get", url, data, **kwargs)

    def post(self, label, client, url, data=None, **kwargs):
        return self.request(label, client, "post", url, data if data is not None else {}, **kwargs)

    def visit(self, label: str, path: str, *, expect=200, shows: str | None = None, hides: str | None = None, **extra):
        """What an anonymous visitor gets (a new client without cookies, so the page cache answers where it may):
        the status, and text the page shows or no longer shows."""
        response = self.get(f"bezoeker: {label}", Client(raise_request_exception=False), path, expect=expect, **extra)
        if response is not None and (shows or hides):
            html = response.content.decode()
            if shows:
                self.check(f"bezoeker: {label}", lambda: shows in html, f"{path} toont {shows!r} niet")
            if hides:
                self.check(f"bezoeker: {label}", lambda: hides not in html, f"{path} toont nog {hides!r}")
        return response

    def check(self, label: str, condition: Callable[[], object], detail: str = "") -> bool:
        """`condition()` should be true; raising counts as false (an earlier step may have failed)."""
        try:
            ok = bool(condition())
        except Exception as error:  # noqa: BLE001
            ok, detail = False, f"{detail} ({type(error).__name__}: {error})".strip()
        if not ok:
            self.fail(label, detail or "not what the editor wanted")
        return ok

    def done(self) -> None:
        assert not self.failures, f"{len(self.failures)} of {self.actions} admin actions failed:\n\n" + "\n\n".join(
            self.failures
        )


def messages(response: HttpResponse | None) -> list[str]:
    """The messages the request left for the editor (shown on the page it leads to)."""
    if response is None:
        return []
    return [str(message) for message in get_messages(response.wsgi_request)]


def form_errors(response: HttpResponse) -> str:
    """The errors a form page shows, to say why a post did not save."""
    context = getattr(response, "context", None)
    found = []
    for key in ("form", "edit_handler"):
        form = context.get(key) if context else None
        form = getattr(form, "form", form)
        if form is not None and hasattr(form, "errors") and form.errors:
            found.append(f"{key} errors: {form.errors.as_json()[:800]}")
    return "\n".join(found) or "(no form errors in the context)"


# Reading a form back ---------------------------------------------------------------------------------------


def _main_form(response: HttpResponse | str | None, form_id: str | None = None):
    if response is None or not isinstance(response, str) and response.status_code != 200:
        return None
    tree = lxml.html.fromstring(response if isinstance(response, str) else response.content.decode())
    forms = [form for form in tree.forms if (form.get("method") or "").lower() == "post"]
    if form_id:
        forms = [form for form in forms if form.get("id") == form_id]
    # The main form, not the search or logout form.
    return max(forms, key=lambda form: len(form.inputs)) if forms else None


def form_action(response: HttpResponse | str | None, form_id: str | None = None) -> str | None:
    """Where the main form on the page posts to."""
    form = _main_form(response, form_id)
    return form.get("action") if form is not None else None


def form_data(response: HttpResponse | str | None, form_id: str | None = None) -> dict[str, list[str]]:
    """The POST data the main form on `response`'s page (or in an HTML fragment) sends when submitted unchanged:
    its fields as lxml reads them (checked boxes, selected options, hidden inputs) and every StreamField as
    Wagtail's script writes it. Nothing when the page did not come (the sweep has written that down)."""
    form = _main_form(response, form_id)
    if form is None:
        return {}
    textareas = {element.name for element in form.inputs if element.tag == "textarea"}
    data: dict[str, list[str]] = {}
    for name, value in form.form_values():
        if "__prefix__" not in name:  # the empty form of a formset, copied by the script when adding a row
            # A browser drops the line break right after <textarea> (Django's template writes one); lxml keeps it.
            data.setdefault(name, []).append(value.removeprefix("\n") if name in textareas else value)
    for widget in form.xpath('.//div[@data-controller="w-block"]'):
        name = widget.get("id")
        if "__prefix__" in name:
            continue
        state = json.loads(widget.get("data-w-block-arguments-value"))[0]
        flatten_block_state(state, name, data)
    return data


def new_formset_row(response: HttpResponse | None, prefix: str, index: int) -> dict[str, list[str]]:
    """The fields of a new row of the formset `prefix` (an inline panel's "add"), as the script copies them from the
    formset's empty form, numbered `index`, with the formset's count raised to include it."""
    form = _main_form(response)
    if form is None:
        return {}
    empty = f"{prefix}-__prefix__-"
    row = {
        name.replace("__prefix__", str(index)): [value] for name, value in form.form_values() if name.startswith(empty)
    }
    return {**row, f"{prefix}-TOTAL_FORMS": [str(index + 1)]}


# What only the state of a chooser (page, snippet, image, document) holds beside its id; its input holds the id.
CHOOSER_STATE = {"editUrl", "edit_url", "adminTitle", "preview"}


def flatten_block_state(state: Any, prefix: str, data: dict[str, list[str]]) -> None:
    """A block's form state (what `Block.get_form_state` gives the script) as the inputs the script makes of it:
    a stream's and a list's children numbered with their type, order and id; a struct's children by name; a
    chooser's id."""
    if isinstance(state, list) and state and all(isinstance(item, dict) and "value" in item for item in state):
        data[f"{prefix}-count"] = [str(len(state))]
        for index, child in enumerate(state):
            data[f"{prefix}-{index}-deleted"] = [""]
            data[f"{prefix}-{index}-order"] = [str(index)]
            data[f"{prefix}-{index}-id"] = [child.get("id") or ""]
            if "type" in child:
                data[f"{prefix}-{index}-type"] = [child["type"]]
            flatten_block_state(child["value"], f"{prefix}-{index}-value", data)
    elif isinstance(state, list) and not state:
        data[f"{prefix}-count"] = ["0"]
    elif isinstance(state, list):  # a field with several values (a multiple choice)
        data[prefix] = [str(value) for value in state]
    elif isinstance(state, dict) and CHOOSER_STATE & state.keys():  # a chosen page, snippet, image or document
        data[prefix] = [str(state["id"])]
    elif isinstance(state, dict):
        for name, child in state.items():
            flatten_block_state(child, f"{prefix}-{name}", data)
    elif state is True:
        data[prefix] = ["on"]
    elif state is not False:
        data[prefix] = ["" if state is None else str(state)]


# Files an editor uploads ----------------------------------------------------------------------------------


def png(name: str = "foto.png", size: tuple[int, int] = (64, 48)) -> SimpleUploadedFile:
    """A PNG of its own colour per name: Wagtail's upload answers a second file alike with "duplicate found"."""
    digest = hashlib.sha256(name.encode()).digest()
    buffer = io.BytesIO()
    PILImage.new("RGB", size, tuple(digest[:3])).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


def text_document(name: str = "notulen.txt", text: str = "Notulen van het overleg.") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), "text/plain")

"""The visitor's side: subscribing, confirming, changing lists, unsubscribing, asking for a new link.

None of these sets a cookie. They are csrf_exempt because Django's CSRF protection needs one (the reasoning is in
security/ratelimit.py): the subscribe form refuses cross-site posts by their headers instead, and the others
are authorised by the signed token in their address. The unsubscribe address is also the `List-Unsubscribe`
target of every mail: a POST there unsubscribes at once (RFC 8058 one-click, which mail providers send from their
own servers, without any cookie or token field); a GET only shows the button, because link scanners follow GETs.
Token pages are never cached (never_cache); their answers depend on the database, not only the address.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Site

from multilingual.middleware import any_language_prefix
from newsletter import subscriptions
from newsletter.forms import ChangeListsForm, RequestLinkForm
from newsletter.models import MailingList, NewsletterPage, Subscriber
from newsletter.tokens import CONFIRM, MANAGE, read_token
from security.honeypot import HONEYPOT_FIELD
from security.ratelimit import is_cross_site, rate_limited


def _root(request: HttpRequest) -> str:
    site = Site.find_for_request(request)
    return site.root_url if site else f"{request.scheme}://{request.get_host()}"


def _render(request: HttpRequest, template: str, context: dict | None = None, *, status: int = 200):
    return TemplateResponse(request, f"newsletter/{template}", context or {}, status=status)


def _rate_limited(request: HttpRequest) -> bool:
    return rate_limited(request, "newsletter", *settings.NEWSLETTER_RATE_LIMIT)


TOO_OFTEN = gettext_lazy(
    "Je hebt het formulier te vaak achter elkaar verstuurd. Probeer het over tien minuten opnieuw."
)


@csrf_exempt
@require_POST
def subscribe(request: HttpRequest, page_id: int) -> HttpResponse:
    """The subscribe form's target. Known or not, every valid address gets the same answer (a redirect)."""
    page = NewsletterPage.posted_to(request, page_id)
    if is_cross_site(request):
        return HttpResponseForbidden(_("Dit formulier kan alleen vanaf onze eigen website worden verstuurd."))
    form = page.form(request, request.POST)
    if _rate_limited(request):
        return page.render_form(request, form, status=429, error=str(TOO_OFTEN))
    if not form.is_valid():
        return page.render_form(request, form, status=400)
    if not form.cleaned_data.get(HONEYPOT_FIELD):  # a bot gets the same answer and we keep nothing
        data = form.cleaned_data
        subscriptions.subscribe(data["email"], list(data["lists"]), data["language"], root=_root(request))
    return HttpResponseRedirect(page.get_url(request=request) + page.reverse_subpage("thanks_route"))


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return _render(request, "link_invalid.html", {"form": RequestLinkForm()}, status=404)


def _token_page(purpose: str, *, when_gone: str = ""):
    """A page reached by a signed link: never cached, no cookie, GET shows and POST acts.

    The view gets the token's subscriber; an invalid or expired token gets the "ask for a new link" page, or, for a
    POST when `when_gone` names a template, that page (the address is already gone: the visitor's wish is done).
    """

    def decorate(view):
        @any_language_prefix  # a link in a mail sent with a prefix its site does not offer: served in Dutch
        @never_cache
        @csrf_exempt
        @require_http_methods(["GET", "POST"])
        @wraps(view)
        def page(request: HttpRequest, token: str) -> HttpResponse:
            subscriber = read_token(token, purpose)
            if subscriber is None:
                if when_gone and request.method == "POST":
                    return _render(request, when_gone)
                return _invalid_link(request)
            return view(request, token, subscriber)

        return page

    return decorate


@_token_page(CONFIRM)
def confirm(request: HttpRequest, token: str, subscriber: Subscriber) -> HttpResponse:
    """GET: a button to confirm (mail scanners follow links); POST: the subscription counts from now on."""
    if request.method == "POST":
        subscriptions.confirm(subscriber)
        return _render(request, "confirmed.html", {"lists": subscriber.lists.all()})
    return _render(request, "confirm.html", {"subscriber": subscriber})


@_token_page(MANAGE, when_gone="unsubscribed.html")  # clicked twice: already gone
def unsubscribe(request: HttpRequest, token: str, subscriber: Subscriber) -> HttpResponse:
    """RFC 8058 one-click: a POST deletes the address at once; a GET shows the button that posts."""
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber)
        return _render(request, "unsubscribed.html")
    return _render(request, "unsubscribe.html", {"token": token})


@_token_page(MANAGE)
def manage(request: HttpRequest, token: str, subscriber: Subscriber) -> HttpResponse:
    """Change one's lists (none left: the address is deleted)."""
    lists = MailingList.objects.all()
    if request.method == "POST":
        form = ChangeListsForm(request.POST, lists=lists)
        if form.is_valid():
            if subscriptions.change_lists(subscriber, list(form.cleaned_data["lists"])):
                return _render(request, "unsubscribed.html")
            return _render(request, "manage.html", {"form": form, "token": token, "saved": True})
        return _render(request, "manage.html", {"form": form, "token": token}, status=400)
    form = ChangeListsForm(lists=lists, initial={"lists": subscriber.lists.all()})
    return _render(request, "manage.html", {"form": form, "token": token})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def request_link(request: HttpRequest) -> HttpResponse:
    """Ask for the change-or-unsubscribe link by mail; the answer never says whether the address is known."""
    if request.method == "POST":
        if is_cross_site(request):
            return HttpResponseForbidden(_("Dit formulier kan alleen vanaf onze eigen website worden verstuurd."))
        form = RequestLinkForm(request.POST)
        if _rate_limited(request):
            return _render(request, "request_link.html", {"form": form, "form_error": TOO_OFTEN}, status=429)
        if form.is_valid():
            if not form.cleaned_data.get(HONEYPOT_FIELD):
                subscriptions.request_manage_link(form.cleaned_data["email"], root=_root(request))
            return _render(request, "request_link.html", {"sent": True})
        return _render(request, "request_link.html", {"form": form}, status=400)
    return _render(request, "request_link.html", {"form": RequestLinkForm()})

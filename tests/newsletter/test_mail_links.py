"""Every signed link in every mail opens a working page for its reader, in their language where the site offers it.

The main site offers nl and en, the iLegalevrouw microsite nl, en, fr, es and ar; both newsletter pages offer the
iLegalevrouw list. A French subscriber's links used to go to /fr/ on the main site: a 404 for the unsubscribe
page, the change-your-lists page and the RFC 8058 one-click POST, so they could not leave the list.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from newsletter.models import Issue, NewsletterPage, Subscriber
from newsletter.sending import build_message
from newsletter.tokens import MANAGE, make_token

pytestmark = pytest.mark.django_db

TOKEN_LINK = re.compile(r"https?://[^\s\"<>]+/nieuwsbrief/(?:afmelden|wijzigen|bevestigen)/[^\s\"<>]+/")
# (list, language, the language its pages are shown in): a language no site of the list offers falls back to Dutch
ISSUE_CASES = [
    ("los-nieuws", "nl", "nl"),
    ("los-nieuws", "en", "en"),
    ("los-nieuws", "fr", "nl"),  # e.g. imported: the main site offers no French
    ("ilegalevrouw", "nl", "nl"),
    ("ilegalevrouw", "en", "en"),
    ("ilegalevrouw", "fr", "fr"),
    ("ilegalevrouw", "es", "es"),
    ("ilegalevrouw", "ar", "ar"),
]


def get(client, url: str, **kwargs):
    parts = urlsplit(url)
    return client.get(parts.path, HTTP_HOST=parts.netloc, **kwargs)


def post(client, url: str, data=None):
    parts = urlsplit(url)
    return client.post(parts.path, data or {}, HTTP_HOST=parts.netloc)


def assert_page_in(response, language: str) -> None:
    assert response.status_code == 200, response.request["PATH_INFO"]
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}"' in response.text


@pytest.mark.parametrize(("slug", "language", "shown_in"), ISSUE_CASES)
def test_every_link_of_an_issue_mail_works_in_the_readers_language(
    client, make_subscriber, microsite, slug, language, shown_in
):
    from newsletter.models import MailingList

    mailing_list = MailingList.objects.get(slug=slug)
    subscriber = make_subscriber(f"lezer-{language}@example.org", lists=[mailing_list], language=language)
    issue = Issue.objects.create(mailing_list=mailing_list, subject="Test", language=language, intro="<p>Hallo</p>")
    message = build_message(issue, subscriber)
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    links = {unsubscribe, *TOKEN_LINK.findall(message.body), *TOKEN_LINK.findall(message.alternatives[0][0])}
    assert len(links) >= 2  # the header's unsubscribe link and the body's change-your-lists link
    if shown_in in ("fr", "es", "ar"):
        assert urlsplit(unsubscribe).hostname == microsite.hostname
    for link in links:
        assert_page_in(get(client, link), shown_in)
    # RFC 8058: the mail provider posts to the header's address, without cookie or form token.
    response = post(client, unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()


def newsletter_page_of(site) -> NewsletterPage:
    return next(
        page for page in NewsletterPage.objects.live().filter(locale__language_code="nl") if page.get_site() == site
    )


SUBSCRIBE_CASES = [("main", code) for code in ("nl", "en")] + [
    ("microsite", code) for code in ("nl", "en", "fr", "es", "ar")
]


@pytest.mark.parametrize(("site_name", "language"), SUBSCRIBE_CASES)
def test_the_confirmation_mail_and_the_link_request_work_in_every_language_of_the_form(
    client, main_site, microsite, site_name, language, django_capture_on_commit_callbacks
):
    site = main_site if site_name == "main" else microsite
    page = newsletter_page_of(site)
    email = f"nieuw-{site_name}-{language}@example.org"
    data = {"email": email, "lists": [lst.pk for lst in page.lists.all()], "language": language, "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletter:subscribe", args=[page.pk]), data, HTTP_HOST=site.hostname)
    assert response.status_code == 302
    [message] = mail.outbox
    [link] = TOKEN_LINK.findall(message.body)
    assert urlsplit(link).hostname == site.hostname  # the form's site offers the language chosen on it
    assert_page_in(get(client, link), language)
    assert_page_in(post(client, link), language)
    assert Subscriber.objects.get(email=email).is_confirmed

    # Asking for a new change-your-lists link on the main site (a day later: one mail per address per interval)
    # the link opens where the language is offered.
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with translation.override("nl"):  # the previous page left its language active in this thread
            url = reverse("newsletter:request_link")
        client.post(url, {"email": email}, HTTP_HOST=main_site.hostname)
    [link] = TOKEN_LINK.findall(mail.outbox[1].body)
    assert_page_in(get(client, link), language)


def test_a_link_sent_with_a_language_the_site_does_not_offer_still_works_in_dutch(client, make_subscriber, women_list):
    """Mails sent before this fix carry /fr/... links to the main site (valid a year): they open, in Dutch."""
    subscriber = make_subscriber("oud@example.org", lists=[women_list], language="fr")
    token = make_token(subscriber, MANAGE)
    assert_page_in(client.get(f"/fr/nieuwsbrief/wijzigen/{token}/"), "nl")
    assert_page_in(client.get(f"/ar/nieuwsbrief/afmelden/{token}/"), "nl")
    assert client.post(f"/fr/nieuwsbrief/afmelden/{token}/").status_code == 200
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    # Every other address keeps its 404 for a language the site does not offer.
    assert client.get("/fr/nieuwsbrief/").status_code == 404
    assert client.get("/fr/nieuwsbrief/link-aanvragen/").status_code == 404

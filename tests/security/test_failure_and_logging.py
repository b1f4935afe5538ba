"""Failure behaviour and logs: database down → 503 page, mail server down → sign-ups still stored, logs and
access logs without personal data."""

from __future__ import annotations

import logging
import runpy
import socket
import sys
from pathlib import Path

import environ
import pytest
from django.core import mail
from django.db import connections
from django.db.utils import ConnectionHandler
from django.test import Client

from campaigns.models import SignupFormPage, SignupSubmission
from security.log import RedactingFormatter, redact

ROOT = Path(__file__).resolve().parents[2]


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database_at(monkeypatch, django_db_blocker):
    """Point Django's default connection at another URL for the rest of the test, in this process: a Django
    process of its own per engine cost ~3 CPU-seconds and tested nothing more than the connection failing."""

    def swap(url: str) -> None:
        down = ConnectionHandler({"default": environ.Env.db_url_config(url)})
        handlers.append(down)
        monkeypatch.setattr(connections, "_connections", down._connections)
        monkeypatch.setattr(connections, "settings", down.settings)

    handlers: list[ConnectionHandler] = []
    with django_db_blocker.unblock():  # the connection is allowed to try (and fail)
        yield swap
    for handler in handlers:
        handler.close_all()


@pytest.mark.parametrize("engine", ["postgres", "sqlite"])
def test_database_down_answers_a_static_503_page(engine, tmp_path, database_at, caplog):
    if engine == "postgres":
        url = f"postgres://los:geheim@127.0.0.1:{closed_port()}/los"
    else:
        unreadable = tmp_path / "missing" / "db.sqlite3"  # folder does not exist: sqlite cannot open it
        url = f"sqlite:///{unreadable}"
    database_at(url)
    client = Client(raise_request_exception=False)
    los_logger = logging.getLogger("los")  # does not propagate (settings.LOGGING): listen to it directly
    los_logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO):
            for path in ("/", "/nieuws/", "/zoeken/?q=zorg", "/api/v2/pages/"):
                response = client.get(path)
                assert (response.status_code, response.get("Retry-After")) == (503, "60"), path
                assert "Even niet bereikbaar" in response.content.decode(), path
    finally:
        los_logger.removeHandler(caplog.handler)
    # The log says what happened without the connection details (host, user) in our own message.
    assert "Database unavailable (OperationalError); answered 503" in caplog.text
    assert "geheim" not in caplog.text


def test_503_page_needs_no_inline_styles():
    for name in ("503.html", "error_page.html"):
        html = (ROOT / "templates" / name).read_text()
        assert "<style" not in html and "style=" not in html and "<script" not in html


@pytest.mark.django_db
def test_mail_server_down_still_stores_the_signup_and_says_thanks(
    client, main_site, settings, caplog, django_capture_on_commit_callbacks
):
    page = SignupFormPage.objects.live().descendant_of(main_site.root_page).filter(store_submissions=True).first()
    page.to_address = "campagne@example.org"
    page.save()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    form = page.get_form(page=page, user=None)
    data = {"consent": "on"}
    for name, field in form.fields.items():
        if name in data or name == "website":
            continue
        if field.required:
            data[name] = "info@example.org" if "mail" in name else "Test Persoon"
    before = SignupSubmission.objects.filter(page=page).count()
    # The staff mail follows the commit of the stored sign-up.
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/aanmelden/{page.pk}/", data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert SignupSubmission.objects.filter(page=page).count() == before + 1
    assert client.get(response["Location"]).status_code == 200
    assert "notification mail failed (ConnectionRefusedError)" in caplog.text
    assert "info@example.org" not in caplog.text and "Test Persoon" not in caplog.text
    assert mail.outbox == []


def test_redaction_removes_addresses_and_query_strings():
    line = redact(
        "Invalid HTTP_HOST header from 203.0.113.9 and 2001:db8::1 for jan.jansen@example.org "
        "GET /zoeken/?q=mijn+naam HTTP/1.1"
    )
    assert "203.0.113.9" not in line and "2001:db8::1" not in line
    assert "jan.jansen@example.org" not in line
    assert "mijn+naam" not in line
    assert "/zoeken/?[query]" in line
    assert redact("2026-11-28 12:00:01 version 8.0.1") == "2026-11-28 12:00:01 version 8.0.1"


def test_every_log_handler_uses_the_redacting_formatter(settings):
    formatters = settings.LOGGING["formatters"]
    for handler in settings.LOGGING["handlers"].values():
        assert formatters[handler["formatter"]]["()"] == "security.log.RedactingFormatter"


def test_tracebacks_are_redacted_too():
    formatter = RedactingFormatter("%(message)s")
    try:
        raise ValueError("could not mail piet@example.org from 198.51.100.4")
    except ValueError:
        record = logging.LogRecord("los", logging.ERROR, __file__, 1, "mail failed", None, sys.exc_info())
    output = formatter.format(record)
    assert "piet@example.org" not in output and "198.51.100.4" not in output
    assert "ValueError" in output


def test_gunicorn_access_log_has_no_ip_or_query_string():
    namespace = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    log_format = namespace["access_log_format"]
    for forbidden in ("%(h)s", "%(r)s", "%(q)s", "%(a)s", "%(f)s", "%({x-forwarded-for}i)s", "%(u)s"):
        assert forbidden not in log_format
    assert "%(U)s" in log_format  # the path without query string

    # and gunicorn renders it that way
    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    config = Config()
    config.set("access_log_format", log_format)
    atoms = Logger(config).atoms(
        type("Resp", (), {"status": "200 OK", "response_length": 10, "headers": [], "sent": 10})(),
        type(
            "Req",
            (),
            {
                "headers": [],
                "query": "q=geheim",
                "uri": "/zoeken/?q=geheim",
                "path": "/zoeken/",
                "method": "GET",
                "version": (1, 1),
                "remote_addr": "203.0.113.5",
            },
        )(),
        {
            "REMOTE_ADDR": "203.0.113.5",
            "QUERY_STRING": "q=geheim",
            "PATH_INFO": "/zoeken/",
            "REQUEST_METHOD": "GET",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "RAW_URI": "/zoeken/?q=geheim",
        },
        __import__("datetime").timedelta(milliseconds=5),
    )
    line = log_format % atoms
    assert "203.0.113.5" not in line and "geheim" not in line
    assert '"GET /zoeken/ HTTP/1.1" 200' in line


TOKEN = "68dad7cdb2ce458295ef5bf1f75d62ab:1xZfTD:sY1Dc1n003pnEcM5foHd-Sf4t3HdzumhS1lY7q2bSoY"


def test_signed_link_tokens_are_redacted_wherever_they_appear():
    assert redact(f"Bad Request: /nieuwsbrief/wijzigen/{TOKEN}/") == "Bad Request: /nieuwsbrief/wijzigen/[token]/"
    assert redact(f"Not Found: /fr/nieuwsbrief/afmelden/{TOKEN}/") == "Not Found: /fr/nieuwsbrief/afmelden/[token]/"
    assert redact("GET /nieuwsbrief/bevestigen/not-even-valid/") == "GET /nieuwsbrief/bevestigen/[token]/"
    assert redact("GET /admin/password_reset/confirm/MQ/cz1ai5-9f1e2d/") == "GET /admin/password_reset/confirm/[token]/"
    assert redact(f"token {TOKEN} refused") == "token [token] refused"
    assert redact("12:00:01 /nieuwsbrief/archief/3/") == "12:00:01 /nieuwsbrief/archief/3/"


def test_gunicorn_access_log_lines_go_through_the_redaction(capsys):
    from gunicorn.config import Config

    namespace = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", namespace["access_log_format"])
    logger = namespace["logger_class"](config)
    path = f"/nieuwsbrief/afmelden/{TOKEN}/"
    request = type("Req", (), {"headers": [], "query": "", "uri": path, "path": path, "method": "POST"})()
    response = type("Resp", (), {"status": "200 OK", "response_length": 10, "headers": [], "sent": 10})()
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "POST", "SERVER_PROTOCOL": "HTTP/1.1", "RAW_URI": path}
    logger.access(response, request, environ, __import__("datetime").timedelta(milliseconds=5))
    line = capsys.readouterr().out
    assert '"POST /nieuwsbrief/afmelden/[token]/ HTTP/1.1" 200' in line
    assert TOKEN not in line and TOKEN[:32] not in line

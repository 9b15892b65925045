"""`report --email` under hostile titles and option values, against a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from multipolar.cli.app import app
from multipolar.present.mail import MAIL_POLICY, MailError, SmtpServer, address, one_line, report_message

from .conftest import ROOT

INJECTION = "Weekly =?utf-8?q?=0D=0AReply-To:_attacker@evil.example=0D=0AFrom:_ceo@example.org?="
HOSTILE_TITLES = [
    INJECTION,
    "Weekly\r\nReply-To: attacker@evil.example\r\nFrom: ceo@example.org",
    "Weekly\nBcc: attacker@evil.example",
    "Weekly\u2028Reply-To: attacker@evil.example\x85From: ceo@example.org",
    "Weekly =?utf-8?b?DQpSZXBseS1UbzogYXR0YWNrZXJAZXZpbC5leGFtcGxl?=",
]
TEXT = "Russia and China held talks in Beijing on Tuesday, officials said."
runner = CliRunner()


@dataclass
class Inbox:
    port: int
    messages: list[Message] = field(default_factory=list)
    logins: list[tuple[bytes, bytes]] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _smtp_server(**smtp_options: Any) -> Iterator[Inbox]:
    """A real aiosmtpd server on 127.0.0.1 that keeps what it receives; AUTH accepts anyone."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    inbox = Inbox(_free_port())

    class Keep:
        async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
            inbox.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            return "250 OK"

    def authenticate(server: object, session: object, envelope: object, mechanism: str, data: Any) -> AuthResult:
        inbox.logins.append((data.login, data.password))
        return AuthResult(success=True)

    controller = Controller(Keep(), hostname="127.0.0.1", port=inbox.port, authenticator=authenticate,
                            **smtp_options)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    yield from _smtp_server(auth_require_tls=False)


def _record(tmp_path: Path, title: str) -> Path:
    path = tmp_path / "record.json"
    path.write_text(json.dumps({"id": "r1", "title": title, "date": "2024-01-10", "text": TEXT}), encoding="utf-8")
    return path


def _mail(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["report", *args], env=env)
    return result.exit_code, result.stderr


def _assert_single_headers(message: Message) -> None:
    assert message.get_all("From") == ["multipolar@localhost"]
    assert message.get_all("To") == ["analyst@example.org"]
    assert message.get_all("Reply-To") is None and message.get_all("Bcc") is None
    assert len(message.get_all("Subject") or []) == 1


# ---- the pieces ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_titles_become_one_line_without_encoded_words(title: str) -> None:
    line = one_line(title)
    assert "\r" not in line and "\n" not in line and "\u2028" not in line and "\x85" not in line
    assert "=?" not in line and line.startswith("Weekly")


def test_long_titles_are_cut() -> None:
    assert len(one_line("word " * 200)) == 200


def test_the_policy_refuses_a_header_that_would_break_a_line() -> None:
    """The second layer: a subject that skipped `one_line` is refused when the message is written."""
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"], message["Subject"] = "a@example.org", INJECTION
    message.set_content("x")
    with pytest.raises(MailError, match="line break"):
        message.as_bytes()


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_report_message_holds_only_our_headers(title: str) -> None:
    message = report_message("<p>report</p>", None, to="analyst@example.org", sender="multipolar@localhost",
                             subject=f"multipolar: {title}")
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    _assert_single_headers(parsed)
    assert str(parsed["Subject"]).strip().startswith("multipolar: Weekly")


@pytest.mark.parametrize("value", ["a@b\r\nBcc: x@example.org", "nobody", "Name <a@example.org>", "é@example.org",
                                   "a@example.org\n", "=?utf-8?q?a?=@example.org", "a@-bad-.org", ""])
def test_bad_addresses_are_refused(value: str) -> None:
    with pytest.raises(MailError, match="--email: not an email address"):
        address(value, "--email")


@pytest.mark.parametrize(("value", "host", "port"), [("smtp.example.org:587", "smtp.example.org", 587),
                                                     ("[::1]:2525", "::1", 2525), ("localhost", "localhost", 25)])
def test_smtp_servers_parse(value: str, host: str, port: int) -> None:
    server = SmtpServer.parse(value)
    assert (server.host, server.port) == (host, port)


@pytest.mark.parametrize("value", ["host:notaport", "host:0", "host:65536", "host:25\r\n", "ho st:25", ":25",
                                   "host:25:26", "host:\u0663"])
def test_bad_smtp_servers_are_refused(value: str) -> None:
    with pytest.raises(MailError, match="--smtp"):
        SmtpServer.parse(value)


def test_a_password_needs_tls_unless_told() -> None:
    with pytest.raises(MailError, match="--starttls"):
        SmtpServer("smtp.example.org", 587, user="me", password="pw")
    assert SmtpServer("smtp.example.org", 587, user="me", starttls=True).user == "me"
    assert SmtpServer("smtp.example.org", 587, user="me", insecure_auth=True).insecure_auth
    assert "pw" not in repr(SmtpServer("h", user="me", password="pw", starttls=True))


# ---- the command, against a real SMTP server -------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("title", HOSTILE_TITLES[:2])
def test_hostile_record_titles_send_no_extra_headers(title: str, tmp_path: Path, inbox: Inbox) -> None:
    code, stderr = _mail(str(_record(tmp_path, title)), "--email", "analyst@example.org",
                         "--smtp", f"127.0.0.1:{inbox.port}")
    assert code == 0, stderr
    assert len(inbox.messages) == 1
    _assert_single_headers(inbox.messages[0])
    assert str(inbox.messages[0]["Subject"]).strip().startswith("multipolar: Weekly")


@pytest.mark.model
def test_a_hostile_og_title_of_a_page_sends_no_extra_headers(tmp_path: Path, inbox: Inbox) -> None:
    page = tmp_path / "page.html"
    page.write_text(f'<html><head><meta property="og:title" content="{INJECTION}"><title>{INJECTION}</title>'
                    f"</head><body><article><p>{TEXT} {TEXT}</p><p>{TEXT}</p></article></body></html>",
                    encoding="utf-8")
    code, stderr = _mail(str(page), "--date", "2024-01-10", "--email", "analyst@example.org",
                         "--smtp", f"127.0.0.1:{inbox.port}")
    assert code == 0, stderr
    _assert_single_headers(inbox.messages[0])


BAD_OPTIONS = [
    (["--email", "analyst@example.org\r\nBcc: attacker@evil.example"], "--email: not an email address"),
    (["--email", "analyst@example.org", "--from", "me@example.org\nReply-To: x@evil.example"], "--from: not"),
    (["--email", "analyst@example.org", "--smtp", "host:notaport"], "--smtp: expected HOST:PORT"),
    (["--email", "analyst@example.org", "--smtp", "host:70000"], "--smtp: the port must be 1-65535"),
    (["--email", "analyst@example.org", "--user", "me"], "--user sends a password: add --starttls"),
    (["--email", "analyst@example.org", "--user", "me\r\nRSET"], "--user: not a login name"),
    (["--dyad", "CHN\r\nBcc: attacker@evil.example", "RUS"], "--dyad: an actor code"),
]


@pytest.mark.parametrize(("options", "message"), BAD_OPTIONS)
def test_bad_option_values_are_one_line(options: list[str], message: str, tmp_path: Path, inbox: Inbox) -> None:
    db = tmp_path / "empty.duckdb"
    db.touch()
    if "--smtp" not in options:
        options = [*options, "--smtp", f"127.0.0.1:{inbox.port}"]
    code, stderr = _mail("--db", str(db), "--dyad", "CHN", "RUS", *options)
    assert code == 1
    assert stderr.count("\n") == 1 and message in stderr and "Traceback" not in stderr
    assert inbox.messages == [] and inbox.logins == []


def test_bad_values_are_one_line_in_a_real_process(tmp_path: Path) -> None:
    """As a user sees it: a real process, one line on stderr, exit code 1, no traceback."""
    for options in (["--smtp", "host:notaport"], ["--user", "me"], ["--dyad", "A\r\nB", "RUS"]):
        done = subprocess.run([sys.executable, "-m", "multipolar", "report", "--db", str(ROOT / "pyproject.toml"),
                               "--dyad", "CHN", "RUS", "--email", "analyst@example.org", *options],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr


@pytest.mark.model
def test_insecure_auth_logs_in_over_plain_smtp(tmp_path: Path, inbox: Inbox) -> None:
    code, stderr = _mail(str(_record(tmp_path, "Weekly")), "--email", "analyst@example.org", "--smtp",
                         f"127.0.0.1:{inbox.port}", "--user", "me", "--insecure-auth",
                         env={"MULTIPOLAR_SMTP_PASSWORD": "pw"})
    assert code == 0, stderr
    assert inbox.logins == [(b"me", b"pw")] and len(inbox.messages) == 1


def test_starttls_against_a_server_without_it_is_one_line(tmp_path: Path, inbox: Inbox) -> None:
    message = report_message("<p>r</p>", None, to="analyst@example.org", sender="multipolar@localhost", subject="s")
    server = SmtpServer("127.0.0.1", inbox.port, starttls=True, user="me", password="pw")
    from multipolar.present.mail import send

    with pytest.raises(MailError, match="STARTTLS"):
        send(message, server)
    assert inbox.logins == [] and inbox.messages == []


@pytest.fixture
def tls_inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    """aiosmtpd with STARTTLS required before AUTH, and a self-signed certificate the client trusts."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                           "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key),
                           "-out", str(cert)], capture_output=True, timeout=60)
    if made.returncode != 0:
        pytest.skip("openssl cannot make a test certificate here")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    yield from _smtp_server(tls_context=context, require_starttls=True, auth_require_tls=True)


def test_starttls_then_login_then_send(tls_inbox: Inbox) -> None:
    from multipolar.present.mail import send

    message = report_message("<p>r</p>", None, to="analyst@example.org", sender="multipolar@localhost",
                             subject=f"multipolar: {INJECTION}")
    send(message, SmtpServer("127.0.0.1", tls_inbox.port, starttls=True, user="me", password="pw"))
    assert tls_inbox.logins == [(b"me", b"pw")]
    _assert_single_headers(tls_inbox.messages[0])

"""Mailing a report without letting its content write headers.

A document's title ends up in the Subject. Titles come from whoever wrote the page, so they are reduced
to one line with no control characters and no encoded-word syntax before they reach a header, and every
header is folded by a policy that refuses a line break not followed by folding whitespace. Python 3.11
before 3.11.10 (CVE-2024-6923) decodes an encoded word such as `=?utf-8?q?=0D=0AReply-To:...?=` inside a
header value and writes the CR/LF it holds as a real line break; our policy refuses that on every version,
and the standard library's own check (`verify_generated_headers`) is switched on where it exists. Last, the
message is read back and must hold exactly the headers we set.
"""

from __future__ import annotations

import re
import smtplib
import ssl
import unicodedata
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.policy import EmailPolicy, compat32
from pathlib import Path
from typing import Any

from multipolar.errors import MultipolarError

SUBJECT_CHARS = 200
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = rf"{_LABEL}(?:\.{_LABEL})*"
ADDRESS = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*@(?:{_HOST}|\[[0-9A-Fa-f:.]+\])")
SERVER = re.compile(rf"(?P<host>{_HOST}|\[[0-9A-Fa-f:.]+\])(?::(?P<port>[^:]*))?")
_BREAK_WITHOUT_FOLD = re.compile(rb"\r\n(?![ \t])|\r(?!\n)|(?<!\r)\n")
SENT_HEADERS = ("From", "To", "Subject", "Content-Type", "MIME-Version")


class MailError(MultipolarError):
    """The report cannot be mailed: a bad address or server, unsafe header content, or the server said no."""


def one_line(text: str, limit: int = SUBJECT_CHARS) -> str:
    """Text fit for a header: control and format characters and line breaks become spaces, runs of
    whitespace one space, and `=?` (which opens an encoded word) `= ?`; cut to `limit` characters."""
    cleaned = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs") else c for c in text)
    flat = " ".join(cleaned.split()).replace("=?", "= ?")
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def address(value: str, what: str) -> str:
    """`value` if it is one plain ASCII address (local@domain), else a `MailError` naming the option."""
    if len(value) > 254 or "=?" in value or not ADDRESS.fullmatch(value):
        raise MailError(f"{what}: not an email address (local@domain, ASCII): {value!r}")
    return value


class _FoldingPolicy(EmailPolicy):
    """The SMTP policy, refusing any folded header with a line break that is not a continuation."""

    def fold(self, name: str, value: Any) -> str:
        folded = super().fold(name, value)
        _refuse_breaks(name, folded.encode("utf-8", "surrogateescape"))
        return folded

    def fold_binary(self, name: str, value: Any) -> bytes:
        folded = super().fold_binary(name, value)
        _refuse_breaks(name, folded)
        return folded


def _refuse_breaks(name: str, folded: bytes) -> None:
    body = folded[:-2] if folded.endswith(b"\r\n") else folded.rstrip(b"\n")
    if _BREAK_WITHOUT_FOLD.search(body):
        raise MailError(f"the {name} header would contain a line break; not sent")


def _policy() -> EmailPolicy:
    options: dict[str, Any] = {"linesep": "\r\n"}
    if hasattr(EmailPolicy, "verify_generated_headers"):
        options["verify_generated_headers"] = True
    return _FoldingPolicy(**options)


MAIL_POLICY = _policy()


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to send. A password is only sent over TLS unless `insecure_auth` says otherwise."""

    host: str
    port: int = 25
    starttls: bool = False
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    insecure_auth: bool = False

    def __post_init__(self) -> None:
        if self.user is not None and (not self.user or one_line(self.user) != self.user):
            raise MailError(f"--user: not a login name: {self.user!r}")
        if self.user is not None and not self.starttls and not self.insecure_auth:
            raise MailError("--user sends a password: add --starttls (or --insecure-auth to send it in clear text)")

    @classmethod
    def parse(cls, value: str, **options: Any) -> SmtpServer:
        """`HOST[:PORT]` (`[::1]:25` for IPv6) into a server, or a `MailError` saying what is wrong."""
        found = SERVER.fullmatch(value)
        port_text = found["port"] if found else None
        if found is None or (port_text is not None and not (port_text.isascii() and port_text.isdigit())):
            raise MailError(f"--smtp: expected HOST:PORT, got {value!r}")
        port = int(port_text) if port_text is not None else 25
        if not 1 <= port <= 65535:
            raise MailError(f"--smtp: the port must be 1-65535, got {port}")
        return cls(found["host"].strip("[]"), port, **options)


def report_message(report_html: str, pdf: Path | None, *, to: str, sender: str, subject: str) -> EmailMessage:
    """The report as a message: HTML body with a plain-text part, the PDF attached when there is one."""
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = address(sender, "--from")
    message["To"] = address(to, "--email")
    message["Subject"] = one_line(subject)
    message.set_content("This report is best read as HTML; the PDF is attached.")
    message.add_alternative(report_html, subtype="html")
    if pdf is not None:
        message.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf",
                               filename=one_line(pdf.name, 100))
    _check_headers(message)
    return message


def _check_headers(message: EmailMessage) -> None:
    """Read the message back as a receiver would: exactly the headers we set, each once."""
    try:
        raw = message.as_bytes()
    except (ValueError, UnicodeError) as exc:
        raise MailError(f"the message cannot be written safely: {exc}") from exc
    names = sorted(BytesHeaderParser(policy=compat32).parsebytes(raw).keys())
    if names != sorted(SENT_HEADERS):
        raise MailError(f"the message would carry unexpected headers ({', '.join(names)}); not sent")


def send(message: EmailMessage, server: SmtpServer, timeout: float = 30.0) -> None:
    """Hand the message to the SMTP server (STARTTLS with certificate checks when asked)."""
    try:
        with smtplib.SMTP(server.host, server.port, timeout=timeout) as smtp:
            if server.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if server.user is not None:
                smtp.login(server.user, server.password or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"cannot send the report through {server.host}:{server.port}: "
                        f"{one_line(str(exc), 300)}") from exc

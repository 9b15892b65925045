"""What every request to `serve` passes before the app sees it (an ASGI middleware).

- The Host header must name this server: the address it listens on, localhost, 127.0.0.1, ::1, or a host
  the user allowed. A page on another site whose name was rebound to 127.0.0.1 sends its own name, and
  gets 400, so it cannot read the API from a browser on this machine (DNS rebinding).
- Writes (any method but GET, HEAD and OPTIONS) need `Authorization: Bearer TOKEN` when the server has a
  token, and always when it listens beyond loopback. Any other Authorization value, malformed or not
  ASCII, is 401.
- The body is counted as it arrives, whatever Content-Length says or whether it is chunked: past the limit
  the answer is 413 and the connection is closed; a body slower than the time limit gets 408.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import time
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WILDCARD_ADDRESSES = frozenset({"", "0.0.0.0", "::"})


def is_loopback(host: str) -> bool:
    """Whether an address to listen on is reachable from this machine only."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(value: str) -> str:
    """The host of a Host header or an address, without port or IPv6 brackets, lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1: value.find("]")] if "]" in value else value
    name, colon, port = value.rpartition(":")
    return (name if colon and port.isdigit() and ":" not in name else value).rstrip(".")


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a server listening on `bound` answers to."""
    names = {*LOOPBACK_NAMES, *(host_name(h) for h in extra)}
    if bound not in WILDCARD_ADDRESSES:
        names.add(host_name(bound))
    return frozenset(names)


class Guard:
    """The ASGI middleware described above; the app behind it sees only requests that passed."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str], token: str | None, writes_need_token: bool,
                 max_body: int, body_timeout: float) -> None:
        self.app, self.hosts, self.max_body, self.body_timeout = app, hosts, max_body, body_timeout
        self.token = token.encode("utf-8") if token is not None else None
        self.writes_need_token = writes_need_token or token is not None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = [(k.lower(), v) for k, v in scope.get("headers", [])]
        refusal = self._host_refusal(headers) or self._token_refusal(scope["method"], headers)
        if refusal is not None:
            await reply(send, *refusal)
            return
        body = await self._read_body(headers, receive)
        if isinstance(body, tuple):
            if body[0]:
                await reply(send, *body)
            return
        await self.app(scope, _replay(body, receive), send)

    def _host_refusal(self, headers: list[tuple[bytes, bytes]]) -> tuple[int, str] | None:
        given = [v for k, v in headers if k == b"host"]
        if len(given) != 1 or host_name(given[0].decode("latin-1")) not in self.hosts:
            return 400, "this server does not answer to that Host (see serve --allowed-host)"
        return None

    def _token_refusal(self, method: str, headers: list[tuple[bytes, bytes]]) -> tuple[int, str] | None:
        if method in READ_METHODS or not self.writes_need_token:
            return None
        if self.token is None:
            return 401, "this server listens beyond loopback: set MULTIPOLAR_API_TOKEN on it to accept writes"
        given = [v for k, v in headers if k == b"authorization"]
        scheme, _, credentials = (given[0] if len(given) == 1 else b"").partition(b" ")
        if scheme.lower() != b"bearer" or not hmac.compare_digest(credentials.strip(), self.token):
            return 401, "this server needs an API token for writes (Authorization: Bearer TOKEN)"
        return None

    async def _read_body(self, headers: list[tuple[bytes, bytes]], receive: Receive) -> bytes | tuple[int, str]:
        """The whole body, or (status, reason) to answer instead ((0, '') when the client left)."""
        declared = next((v for k, v in headers if k == b"content-length"), b"0")
        if not declared.isdigit() or int(declared) > self.max_body:
            return 413, f"request body over {self.max_body} bytes"
        chunks: list[bytes] = []
        size, deadline = 0, time.monotonic() + self.body_timeout
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(deadline - time.monotonic(), 0.001))
            except TimeoutError:
                return 408, f"the request body took longer than {self.body_timeout:g} s"
            if message["type"] == "http.disconnect":
                return 0, ""
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return 413, f"request body over {self.max_body} bytes"
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that hands the app the body read already, then waits for the client to leave."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if given:
            return await receive()
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def reply(send: Send, status: int, detail: str, headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    """A JSON error that closes the connection, so the rest of a refused request is not read."""
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *headers]})
    await send({"type": "http.response.body", "body": body, "more_body": False})

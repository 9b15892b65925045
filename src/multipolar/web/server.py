"""Running the web app under uvicorn with the limits a hostile client needs.

uvicorn's h11 protocol starts no timer until a first response is complete, so a connection that sends
half its headers and waits held a place for ever; with enough of them the server answered 503 to
everyone. Here each request's headers must arrive within `header_timeout` of the connection opening (or
of its first byte after a keep-alive pause); a slower connection gets 408 and is closed. Idle keep-alive
connections close after `keep_alive_timeout`; bodies have their own limit (`web.guard`).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from multipolar.settings import DEFAULT_SETTINGS, Settings

TIMED_OUT = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class HeaderDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, with a deadline for each request's headers."""

    header_timeout = DEFAULT_SETTINGS.header_timeout

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._header_timer: asyncio.TimerHandle | None = None
        super().connection_made(transport)
        self._await_headers()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE:
            self._await_headers()
        else:
            self._stop_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_header_timer()
        super().connection_lost(exc)

    def _await_headers(self) -> None:
        """Start the clock unless it runs already: the deadline counts from the first byte, not the last."""
        if self._header_timer is None and not self.transport.is_closing():
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _stop_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            if self.conn.our_state is h11.IDLE:
                self.transport.write(TIMED_OUT)
            self.transport.close()


def uvicorn_config(app: Any, settings: Settings = DEFAULT_SETTINGS, *, host: str = "127.0.0.1", port: int = 8000,
                   log_level: str = "warning") -> uvicorn.Config:
    """The uvicorn settings `serve` runs with: our protocol and every limit from `settings`."""
    protocol = type("HeaderDeadlineProtocol", (HeaderDeadlineProtocol,), {"header_timeout": settings.header_timeout})
    return uvicorn.Config(app, host=host, port=port, http=protocol, log_level=log_level, proxy_headers=False,
                          timeout_keep_alive=settings.keep_alive_timeout, limit_concurrency=settings.max_connections,
                          server_header=False, timeout_graceful_shutdown=5)


def serve(app: Any, settings: Settings = DEFAULT_SETTINGS, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run until interrupted."""
    uvicorn.Server(uvicorn_config(app, settings, host=host, port=port)).run()


@contextmanager
def running(app: Any, settings: Settings = DEFAULT_SETTINGS, host: str = "127.0.0.1") -> Iterator[str]:
    """The app served in a thread on a free port of `host`, as `serve` runs it; yields its base URL and
    stops the server on the way out. For tests and benchmarks."""
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, 0))
    port = int(listener.getsockname()[1])
    server = uvicorn.Server(uvicorn_config(app, settings, host=host, port=port))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        yield f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        listener.close()

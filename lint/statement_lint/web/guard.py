"""What keeps a local web server local: the `Host` header must name this server (DNS
rebinding), a browser's request that changes something must come from this page (`Origin`),
bodies are bounded, work is bounded in time, and every response forbids the page to load or
send anything elsewhere (Content-Security-Policy)."""

from __future__ import annotations

import asyncio
import json

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class Guard:
    """ASGI middleware around the page's app."""

    def __init__(self, app, hosts: set[str], max_bytes: int, seconds: float) -> None:
        self.app = app
        self.hosts = {host.lower() for host in hosts}
        self.max_bytes = max_bytes
        self.seconds = seconds

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "").lower()
        problem = None
        if host not in self.hosts:
            problem = 421, "this server answers only to its own address"
        elif scope["method"] not in ("GET", "HEAD") and "origin" in headers:
            if headers["origin"].lower() != f"http://{host}":
                problem = 403, "requests from other pages are refused"
        elif int(headers.get("content-length", "0") or 0) > self.max_bytes:
            problem = 413, "the file is over the size limit"
        if problem:
            await _refuse(send, *problem)
            return

        started = False

        async def secured(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, _bounded(receive, self.max_bytes), secured),
                                   self.seconds)  # fmt: skip
        except TimeoutError:
            if not started:
                await _refuse(send, 503, "the work took too long and was stopped")
        except BodyTooLarge:
            if not started:
                await _refuse(send, 413, "the file is over the size limit")


class BodyTooLarge(Exception):
    pass


def _bounded(receive, limit: int):
    """`receive`, raising BodyTooLarge once the body has passed `limit` bytes (a body sent
    without a Content-Length is counted as it comes)."""
    received = 0

    async def bounded():
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge
        return message

    return bounded


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    headers = [(b"content-type", b"application/json"), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})

"""A news site on 127.0.0.1 for the feed tests: feeds, pages and misbehaviours served from a threaded http.server.

Each path answers what the test put there; every request is logged (path and conditional headers) so tests can
say what was fetched and how. Nothing leaves the loopback interface, and every handler ends within seconds.
"""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_SECONDS = 4.0  # how long the slow page keeps its client waiting (tests' timeouts are shorter)
DRIP_SECONDS = 8.0  # how long the dripping page takes to send its 120 bytes
STREAM_CHUNK = b"<p>" + b"filler words " * 5000 + b"</p>\n"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class LocalSite:
    """Routes by path; `requests` lists (path, If-None-Match, If-Modified-Since) for every request served."""

    routes: dict[str, Reply | Handler] = field(default_factory=dict)
    requests: list[tuple[str, str, str]] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, **reply) -> str:
        self.routes[path] = Reply(body=html.encode("utf-8"), **reply)
        return self.url(path)

    def feed(self, path: str, xml: str, *, content_type: str = "application/rss+xml") -> str:
        """A feed answering 304 to a request that carries its ETag or Last-Modified, as a real server does."""
        version = hash(xml) & 0xFFFFFF  # a changed feed has another ETag and another Last-Modified
        headers = {"ETag": f'"{version:x}"', "Last-Modified": formatdate(1_700_000_000 + version, usegmt=True)}
        self.routes[path] = Reply(body=xml.encode("utf-8"), content_type=content_type, headers=headers)
        return self.url(path)

    def fetched(self, path: str) -> int:
        return sum(1 for requested, *_ in self.requests if requested == path)


def serve(site: LocalSite) -> tuple[ThreadingHTTPServer, threading.Thread]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            conditions = (self.headers.get("If-None-Match", ""), self.headers.get("If-Modified-Since", ""))
            site.requests.append((self.path, *conditions))
            route = site.routes.get(self.path)
            if route is None:
                self._reply(Reply(404, b"not here", "text/plain"))
            elif isinstance(route, Reply):
                self._reply(route)
            else:
                route(self)

        def _reply(self, reply: Reply) -> None:
            etag, modified = reply.headers.get("ETag"), reply.headers.get("Last-Modified")
            unchanged = (etag and self.headers.get("If-None-Match") == etag) or (
                modified and self.headers.get("If-Modified-Since") == modified
            )
            if reply.status == 200 and unchanged:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, *args) -> None:  # the test output stays quiet
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return server, thread


# --- misbehaving pages ---


def slow(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then nothing for longer than any test waits."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    time.sleep(SLOW_SECONDS)


def drip(handler: BaseHTTPRequestHandler) -> None:
    """A page sent a few bytes at a time: each arrives well within a socket timeout, the whole never in time."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        for _ in range(int(DRIP_SECONDS / 0.2)):
            handler.wfile.write(b"<p>")
            handler.wfile.flush()
            time.sleep(0.2)
    except (BrokenPipeError, ConnectionResetError):
        return


def endless(handler: BaseHTTPRequestHandler, *, megabytes: int = 50) -> None:
    """A 50 MB page with no Content-Length, streamed until the client hangs up."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    sent = 0
    try:
        while sent < megabytes * 1_000_000:
            handler.wfile.write(STREAM_CHUNK)
            sent += len(STREAM_CHUNK)
    except (BrokenPipeError, ConnectionResetError):
        return


def redirect_to(location: str) -> Reply:
    return Reply(302, b"", "text/plain", {"Location": location})

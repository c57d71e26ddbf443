"""Polite HTTP for following feeds: one request at a time per site, bounded in time and size, robots.txt honoured.

The standard library's urllib is enough: an opener with only the HTTP handlers (a feed's `file://` link must never
read the disk), a deadline for the whole response (a server that sends a byte a second still stops), the body read
in chunks up to the limit (a 50 MB page costs the limit, not 50 MB), and every failure raised as one `FetchFailed`
whose message is the reason recorded for the feed or the page.
"""

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlsplit

CHUNK_BYTES = 64 * 1024
HTTP_SCHEMES = frozenset({"http", "https"})
ROBOTS_MAX_BYTES = 500_000
MAX_CRAWL_DELAY_SECONDS = 30.0  # a robots.txt asking for more is obeyed up to this
NOT_MODIFIED = 304


class FetchFailed(Exception):
    """A request that gave no usable answer; the message is the one-line reason. `retryable`: worth another try."""

    def __init__(self, reason: str, *, retryable: bool = False, status: int | None = None) -> None:
        super().__init__(reason)
        self.retryable = retryable
        self.status = status  # the HTTP status, when the server answered one


@dataclass(frozen=True)
class Limits:
    """What one request may cost; from settings (FEEDS_*), smaller in tests."""

    user_agent: str
    timeout: float  # seconds for the whole response, from connecting to the last byte
    max_bytes: int
    host_delay: float = 0.0  # seconds between two requests to the same site


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    headers: Message

    @property
    def not_modified(self) -> bool:
        return self.status == NOT_MODIFIED


def _opener() -> urllib.request.OpenerDirector:
    """HTTP(S) and redirects only: no file:, ftp: or data: handler for a link to reach."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPRedirectHandler(),  # at most 10 redirects, and a loop is refused
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def site_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


@dataclass
class Fetcher:
    """One poll's HTTP client: remembers each site's robots.txt and when it was last asked something.

    Requests go out one at a time per site (a lock per site, and `host_delay` or the site's Crawl-delay between
    two of them), so however many feeds of one outlet are polled, the outlet sees one polite reader.
    """

    limits: Limits
    _robots: dict[str, urllib.robotparser.RobotFileParser | str] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)
    _locks: dict[str, threading.Lock] = field(default_factory=dict)
    _opener: urllib.request.OpenerDirector = field(default_factory=_opener)

    def get(self, url: str, *, etag: str = "", last_modified: str = "", accept: str = "*/*") -> Response:
        """The answer to a GET of `url` (a 304 included), or FetchFailed with the reason."""
        if urlsplit(url).scheme.lower() not in HTTP_SCHEMES:
            raise FetchFailed(f"not a web address (only http and https are fetched): {url[:100]}")
        self._check_robots(url)
        headers = {"User-Agent": self.limits.user_agent, "Accept": accept, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(urllib.request.Request(url, headers=headers))  # noqa: S310 (the scheme is checked above)

    def _request(self, request: urllib.request.Request) -> Response:
        site = site_of(request.full_url)
        with self._locks.setdefault(site, threading.Lock()):
            self._wait_turn(site)
            try:
                return self._send(request)
            finally:
                self._last_request[site] = time.monotonic()

    def _wait_turn(self, site: str) -> None:
        robots = self._robots.get(site)
        delay = robots.crawl_delay(self.limits.user_agent) if not isinstance(robots, str | None) else None
        gap = max(self.limits.host_delay, min(float(delay or 0), MAX_CRAWL_DELAY_SECONDS))
        if site in self._last_request:
            time.sleep(max(0.0, self._last_request[site] + gap - time.monotonic()))

    def _send(self, request: urllib.request.Request) -> Response:
        deadline = time.monotonic() + self.limits.timeout
        try:
            with self._opener.open(request, timeout=self.limits.timeout) as answer:
                body = _read_bounded(answer, self.limits.max_bytes, deadline)
                return Response(answer.geturl(), answer.status, _content_type(answer.headers), body, answer.headers)
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == NOT_MODIFIED:
                return Response(request.full_url, NOT_MODIFIED, "", b"", exc.headers)
            raise _http_failure(exc) from None
        except TimeoutError:
            reason = f"timed out: no complete answer within {self.limits.timeout:g} s"
            raise FetchFailed(reason, retryable=True) from None
        except urllib.error.URLError as exc:
            raise _network_failure(exc.reason) from None
        except (http.client.HTTPException, ssl.SSLError, OSError) as exc:
            raise _network_failure(exc) from None

    def _check_robots(self, url: str) -> None:
        rules = self._robots_of(site_of(url))
        if isinstance(rules, str):
            raise FetchFailed(rules, retryable=True)
        if not rules.can_fetch(self.limits.user_agent, url):
            raise FetchFailed("disallowed by the site's robots.txt")

    def _robots_of(self, site: str) -> urllib.robotparser.RobotFileParser | str:
        """The site's rules, read once per poll; a reason string while they cannot be read (nothing is fetched)."""
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        return self._robots[site]

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | str:
        """RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one (5xx, network) nothing."""
        rules = urllib.robotparser.RobotFileParser(f"{site}/robots.txt")
        request = urllib.request.Request(rules.url, headers={"User-Agent": self.limits.user_agent})  # noqa: S310
        try:
            answer = Fetcher(Limits(self.limits.user_agent, self.limits.timeout, ROBOTS_MAX_BYTES))._send(request)
        except FetchFailed as exc:
            if exc.status and 400 <= exc.status < 500:
                rules.allow_all = True
                return rules
            return f"robots.txt could not be read ({exc}), so nothing of the site is fetched"
        finally:
            self._last_request[site] = time.monotonic()
        rules.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        return rules


def _read_bounded(answer, max_bytes: int, deadline: float) -> bytes:
    """The body in chunks, refused as soon as it passes the limit or the deadline (never read whole first)."""
    declared = answer.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed(f"too large: {int(declared):,} bytes (the limit is {max_bytes:,})")
    chunks, size = [], 0
    while chunk := answer.read1(
        CHUNK_BYTES
    ):  # what has arrived, so a server sending a byte at a time meets the deadline
        size += len(chunk)
        if size > max_bytes:
            raise FetchFailed(f"too large: over {max_bytes:,} bytes (the limit)")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(headers: Message) -> str:
    return headers.get_content_type() if headers.get("Content-Type") else ""


def _http_failure(exc: urllib.error.HTTPError) -> FetchFailed:
    if 300 <= exc.code < 400 and "not allowed" in str(exc.reason):
        return FetchFailed("redirected away from the web (only http and https are followed)")
    if 300 <= exc.code < 400:
        return FetchFailed(f"redirect loop or too many redirects (HTTP {exc.code})")
    reason = f"HTTP {exc.code} {exc.reason}".strip()
    return FetchFailed(f"the server answered {reason}", retryable=exc.code >= 500 or exc.code == 429, status=exc.code)


def _network_failure(reason: object) -> FetchFailed:
    if isinstance(reason, TimeoutError | socket.timeout):
        return FetchFailed("timed out", retryable=True)
    if isinstance(reason, str) and reason.startswith("unknown url type"):
        return FetchFailed(f"redirected away from the web ({reason})")
    return FetchFailed(f"could not connect: {reason}", retryable=True)

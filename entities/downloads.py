"""How the timeline's downloads leave the server: streamed in pages of bounded size, the database asked before the
first byte, and anonymous clients throttled.

A download is a page of at most EXPORT_PAGE_ROWS events in timeline order; `?page=N` gives the next ones, and every
page says where the next is (a `Link: <...>; rel="next"` header, and `next` in the JSON). A page is small enough to
be written well within the server's request timeout, so no download holds a worker for long; and the whole site
serves at most settings.EXPORTS_AT_ONCE of them at a time (others get a 429 and Retry-After), so downloads never
take the workers the pages need.
Quotas and slots are kept in the "shared" cache (a database table), which every server process sees alike.
"""

import csv
import itertools
import json
import secrets
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse

from config.middleware import client_ip
from entities import export, gexf, selectors

# About a quarter of a second of a worker's time on PostgreSQL on a quiet machine (docs/benchmarks.md): a page never
# nears the request timeout, and on a loaded one does not hold its worker for long (2,000 took 10-14 s at load 11).
EXPORT_PAGE_ROWS = 500
# Downloads an anonymous address may start per minute, counted across all server processes.
ANONYMOUS_EXPORTS_PER_MINUTE = 10
# A slot is given back when its download ends; one a killed worker never gave back frees itself after this long
# (past gunicorn's 30 s timeout, so no live download loses its slot).
EXPORT_SLOT_SECONDS = 60
# What a client refused a slot is told to wait: about one download's time.
EXPORT_BUSY_RETRY_SECONDS = 5
# Bytes gathered before they are handed to the server: one write per 64 KB rather than one per event.
STREAM_CHUNK_BYTES = 64 * 1024
# Opens a CSV for spreadsheets that would otherwise guess a legacy encoding (`?bom=1`).
BOM = "\ufeff"


@dataclass(frozen=True)
class ExportPage:
    number: int
    total: int
    next_url: str | None

    @property
    def start(self) -> int:
        return (self.number - 1) * EXPORT_PAGE_ROWS


def export_page(request, events) -> ExportPage:
    """The requested page of the filtered events; a page that does not exist is a 404, as on the timeline."""
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError as exc:
        raise Http404("No such page") from exc
    total = events.count()
    if number < 1 or (number - 1) * EXPORT_PAGE_ROWS >= max(total, 1):
        raise Http404("No such page")
    following = None
    if number * EXPORT_PAGE_ROWS < total:
        params = request.GET.copy()
        params["page"] = str(number + 1)
        following = request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
    return ExportPage(number, total, following)


def throttled(request) -> HttpResponse | None:
    """A 429 when an anonymous address has started too many downloads this minute; curators are not counted."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return None
    minute = int(time.time() // 60)
    key = f"export-throttle:{client_ip(request)}:{minute}"
    shared = caches["shared"]
    shared.add(key, 0, timeout=70)
    if shared.incr(key) <= ANONYMOUS_EXPORTS_PER_MINUTE:
        return None
    response = JsonResponse(
        {"error": f"at most {ANONYMOUS_EXPORTS_PER_MINUTE} downloads a minute; try again shortly"}, status=429
    )
    response["Retry-After"] = str(60 - int(time.time()) % 60)
    return response


@dataclass(frozen=True)
class ExportSlot:
    """One of the site's EXPORTS_AT_ONCE download slots, held until the download's response is closed."""

    key: str
    token: str

    def release(self) -> None:
        shared = caches["shared"]
        if shared.get(self.key) == self.token:  # not a slot that expired and went to another download
            shared.delete(self.key)


def export_slot() -> ExportSlot | None:
    """A free download slot, or None when the site already serves EXPORTS_AT_ONCE downloads (cache.add is one
    insert: two workers never take the same slot)."""
    shared = caches["shared"]
    token = secrets.token_hex(8)
    for number in range(settings.EXPORTS_AT_ONCE):
        key = f"export-slot:{number}"
        if shared.add(key, token, timeout=EXPORT_SLOT_SECONDS):
            return ExportSlot(key, token)
    return None


def busy() -> HttpResponse:
    """The answer when every slot is taken: a 429 as for the quota (a limit on downloads, while the pages are
    served as ever), to try again in a few seconds (the downloads ahead take about that)."""
    response = JsonResponse({"error": "other downloads are being served; try again in a few seconds"}, status=429)
    response["Retry-After"] = str(EXPORT_BUSY_RETRY_SECONDS)
    return response


def holding(response: HttpResponse, slot: ExportSlot) -> HttpResponse:
    """The response, giving the slot back when the server closes it (after the last byte, or on a client gone)."""
    if isinstance(response, StreamingHttpResponse):
        response.streaming_content = _Releasing(response.streaming_content, slot)
    else:
        slot.release()
    return response


class _Releasing:
    """A streamed body that gives its slot back on close(), which Django calls on the iterator it streams."""

    def __init__(self, content: Iterable[bytes], slot: ExportSlot) -> None:
        self.content, self.slot = content, slot

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.content)

    def close(self) -> None:
        self.slot.release()


def json_download(events, page: ExportPage) -> StreamingHttpResponse:
    rows = first_fetched(selectors.export_rows(events, page.start, page.start + EXPORT_PAGE_ROWS))
    head = {"count": page.total, "page": page.number, "page_size": EXPORT_PAGE_ROWS, "next": page.next_url}
    pieces = itertools.chain(
        [json.dumps(head)[:-1] + ', "events": ['],
        (("," if i else "") + _json(export.timeline_record(e)) for i, e in enumerate(rows)),
        ["]}"],
    )
    return _streamed(pieces, page, "application/json", "parley-events.json")


def csv_download(events, page: ExportPage, *, bom: bool = False) -> StreamingHttpResponse:
    """One row per event; `bom` starts the file with a byte-order mark, so that Excel reads it as UTF-8."""
    writer = csv.writer(_Echo())
    rows = first_fetched(selectors.export_rows(events, page.start, page.start + EXPORT_PAGE_ROWS))
    lines = itertools.chain(
        [BOM if bom else "", writer.writerow(export.CSV_COLUMNS)],
        (writer.writerow(export.csv_row(export.timeline_record(e))) for e in rows),
    )
    return _streamed(lines, page, "text/csv", "parley-events.csv")


def edges_download(events, page: ExportPage, *, bom: bool = False) -> StreamingHttpResponse:
    """The long shape for network tools: one row per participant of each event of the page."""
    writer = csv.writer(_Echo())
    rows = first_fetched(selectors.export_rows(events, page.start, page.start + EXPORT_PAGE_ROWS))
    lines = itertools.chain(
        [BOM if bom else "", writer.writerow(export.EDGE_COLUMNS)],
        (writer.writerow(row) for e in rows for row in export.edge_rows(export.timeline_record(e))),
    )
    return _streamed(lines, page, "text/csv", "parley-edges.csv")


def gexf_download(events) -> StreamingHttpResponse:
    """Who met whom as a GEXF graph (Gephi, networkx...): officials, tied by the events they shared. Not paged: the
    database counts the ties, and both lists are streamed."""
    officials = first_fetched(selectors.network_officials(events).iterator(chunk_size=selectors.EXPORT_CHUNK_ROWS))
    ties = selectors.network_ties(events).iterator(chunk_size=selectors.EXPORT_CHUNK_ROWS)
    return _streamed(gexf.gexf(officials, ties), None, "application/gexf+xml", "parley-network.gexf")


def first_fetched(items: Iterable) -> Iterator:
    """The items, the first of them read already: a stream asks the database before its first byte, so an outage
    answers 503 instead of a 200 and a file cut after its header."""
    items = iter(items)
    first = next(items, _NOTHING)
    return items if first is _NOTHING else itertools.chain([first], items)


_NOTHING = object()


def _streamed(
    pieces: Iterable[str], page: ExportPage | None, content_type: str, filename: str
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_gathered(pieces), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if page is None:
        return response
    response["X-Total-Count"] = str(page.total)
    if page.next_url:
        response["Link"] = f'<{page.next_url}>; rel="next"'
    return response


def _gathered(pieces: Iterable[str]) -> Iterator[bytes]:
    buffer, size = [], 0
    for piece in pieces:
        data = piece.encode()
        buffer.append(data)
        size += len(data)
        if size >= STREAM_CHUNK_BYTES:
            yield b"".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield b"".join(buffer)


def _json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


class _Echo:
    def write(self, value):
        return value

"""How the timeline's downloads leave the server: streamed in pages of bounded size, the database asked before the
first byte, and anonymous clients throttled.

A download is a page of at most EXPORT_PAGE_ROWS events in timeline order; `?page=N` gives the next ones, and every
page says where the next is (a `Link: <...>; rel="next"` header, and `next` in the JSON). A page is small enough to
be written well within the server's request timeout, so no download holds a worker for long.
"""

import csv
import itertools
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse

from config.middleware import client_ip
from entities import export, network, selectors

# About a second of a worker's time on PostgreSQL (docs/benchmarks.md): a page never nears the request timeout.
EXPORT_PAGE_ROWS = 2_000
# Downloads an anonymous address may start per minute (per server process: the default cache is the process's own).
ANONYMOUS_EXPORTS_PER_MINUTE = 10
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
    cache.add(key, 0, timeout=70)
    if cache.incr(key) <= ANONYMOUS_EXPORTS_PER_MINUTE:
        return None
    response = JsonResponse(
        {"error": f"at most {ANONYMOUS_EXPORTS_PER_MINUTE} downloads a minute; try again shortly"}, status=429
    )
    response["Retry-After"] = str(60 - int(time.time()) % 60)
    return response


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
    return _streamed(network.gexf(officials, ties), None, "application/gexf+xml", "parley-network.gexf")


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

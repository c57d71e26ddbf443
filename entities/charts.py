"""Bar charts of events over time, drawn on the server as SVG so that no script is needed.

Bars are split by kind; events known only to a year (or a decade) are drawn as a band across the months they may
fall in rather than piled on January; undated events get a bar of their own. Every bar is a link that narrows the
timeline to it and carries its numbers in a <title> (shown on hover, read on focus). Two drawings are made, a wide one
and a narrow one of fewer, wider bars for phones; the stylesheet shows one.
"""

import datetime
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from extraction.records import EventKind

KINDS = [k.value for k in EventKind]
KIND_LABELS = {k: k.replace("_", " ") for k in KINDS}
# Bins a drawing may hold before it counts years instead of months.
WIDE_MONTHS, NARROW_MONTHS = 120, 24
# A filter's date range widens the chart to show empty bins around the data, but not beyond this many years.
MAX_CHART_YEARS = 200
# Drawing sizes (SVG user units): room on the left for the counts, below for the dates and the bands.
LEFT, TOP, BAR_HEIGHT, BAND, BOTTOM = 34, 20, 130, 16, 34
WIDE_WIDTH, NARROW_WIDTH = 720, 360
UNDATED_GAP = 14


@dataclass(frozen=True)
class ChartRow:
    """Events of one kind and precision starting in one month (None: undated)."""

    month: datetime.date | None
    kind: str
    precision: str
    count: int


@dataclass
class Segment:
    kind: str
    y: float
    height: float


@dataclass
class Bar:
    """One bin: its link, its label, its total and its kinds stacked from the axis up."""

    x: float
    width: float
    label: str
    total: int
    title: str
    href: str
    counts: dict[str, int] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)


@dataclass(frozen=True)
class Band:
    """Events known only to a year or a decade, across the bins they may fall in."""

    x: float
    width: float
    label: str
    count: int
    title: str
    href: str


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass
class Drawing:
    width: int
    bars: list[Bar]
    bands: list[Band]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    undated: Bar | None
    by_year: bool


@dataclass(frozen=True)
class TableRow:
    label: str
    href: str
    counts: list[int | str]
    total: int


@dataclass
class Chart:
    """Both drawings and what the caption and the table say."""

    wide: Drawing
    narrow: Drawing
    total: int
    undated: int
    peak: int
    kinds: list[str]
    table: list[TableRow]
    undated_href: str = "#undated-title"

    height: int = TOP + BAR_HEIGHT + BAND + BOTTOM

    @property
    def drawings(self) -> list[tuple[str, SafeString]]:
        return [("wide", svg(self.wide, self.undated_href)), ("narrow", svg(self.narrow, self.undated_href))]


HEIGHT = TOP + BAR_HEIGHT + BAND + BOTTOM
BASELINE = TOP + BAR_HEIGHT


def _next_bin(start: datetime.date, by_year: bool) -> datetime.date | None:
    """The first day of the following bin; None after the calendar's last (year 9999 has no year after it)."""
    year, month = (start.year + 1, 1) if by_year else (start.year + start.month // 12, start.month % 12 + 1)
    return start.replace(year=year, month=month) if year <= datetime.MAXYEAR else None


def _bin_end(start: datetime.date, by_year: bool) -> datetime.date:
    following = _next_bin(start, by_year)
    return following - datetime.timedelta(days=1) if following else datetime.date.max


def _span_of(rows: list[ChartRow], since, until) -> tuple[datetime.date, datetime.date] | None:
    dated = [r.month for r in rows if r.month is not None]
    if not dated:
        return None
    first, last = min(dated), max(dated)
    for r in rows:  # a decade reaches to its end
        if r.month is not None and r.precision == "decade":
            last = max(last, r.month.replace(year=min(r.month.year - r.month.year % 10 + 9, 9999), month=12))
    if since and since < first and first.year - since.year <= MAX_CHART_YEARS:
        first = since.replace(day=1)
    if until and until > last and until.year - last.year <= MAX_CHART_YEARS:
        last = until.replace(day=1)
    return first, last


def _coarse(row: ChartRow, by_year: bool) -> bool:
    """Drawn as a band: a decade always, a year when the bins are months."""
    return row.precision == "decade" or (row.precision == "year" and not by_year)


def _nice_peak(peak: int) -> int:
    """The axis top: the peak rounded up to 1, 2 or 5 times a power of ten, so the ticks fall on round numbers."""
    scale = 1
    while True:
        for step in (1, 2, 5):
            if peak <= step * scale:
                return step * scale
        scale *= 10


def _link(params: QueryDict, start: datetime.date, end: datetime.date) -> str:
    params["date_from"], params["date_to"] = start.isoformat(), end.isoformat()
    return f"?{params.urlencode()}"


def _title(label: str, counts: dict[str, int]) -> str:
    total = sum(counts.values())
    ordered = [(k, counts.get(k, 0)) for k in KINDS]
    parts = ", ".join(f"{n} {KIND_LABELS[k]}{'' if n == 1 else 's'}" for k, n in ordered if n)
    return f"{label}: {total} event{'' if total == 1 else 's'}" + (f" ({parts})" if parts else "")


def _bin_starts(first: datetime.date, last: datetime.date, by_year: bool) -> list[datetime.date]:
    starts = []
    cursor: datetime.date | None = first.replace(month=1) if by_year else first
    while cursor is not None and cursor <= last:
        starts.append(cursor)
        cursor = _next_bin(cursor, by_year)
    return starts


def _coarse_span(row: ChartRow) -> tuple[datetime.date, datetime.date]:
    """The year or decade a coarse event may fall in."""
    month = row.month or datetime.date.min
    years = 10 if row.precision == "decade" else 1
    first_year = month.year - month.year % 10 if years == 10 else month.year
    return datetime.date(max(first_year, 1), 1, 1), datetime.date(min(first_year + years - 1, 9999), 12, 31)


def _bin_index(start: datetime.date, first: datetime.date, by_year: bool) -> int:
    """The bin a date falls in (before the first: negative)."""
    if by_year:
        return start.year - first.year
    return (start.year - first.year) * 12 + start.month - first.month


def _segments(counts: dict[str, int], top: int) -> list[Segment]:
    """A bar's kinds stacked from the axis up."""
    segments, base = [], float(TOP + BAR_HEIGHT)
    for kind in KINDS:
        if counts.get(kind):
            height = BAR_HEIGHT * counts[kind] / top
            base -= height
            segments.append(Segment(kind, round(base, 2), round(height, 2)))
    return segments


def _bars(rows, starts, by_year: bool, params: QueryDict) -> tuple[list[Bar], list[dict[str, int]]]:
    per_bin: list[dict[str, int]] = [{} for _ in starts]
    for r in rows:
        if r.month is not None and not _coarse(r, by_year):
            i = _bin_index(r.month, starts[0], by_year)
            if 0 <= i < len(starts):
                per_bin[i][r.kind] = per_bin[i].get(r.kind, 0) + r.count
    bars = []
    for start, counts in zip(starts, per_bin, strict=True):
        label = str(start.year) if by_year else f"{start:%b} {start.year}"
        link = _link(params, start, _bin_end(start, by_year))
        bars.append(Bar(0, 0, label, sum(counts.values()), _title(label, counts), link, counts))
    return bars, per_bin


def _bands(rows, starts, by_year: bool, params: QueryDict, step: float) -> list[Band]:
    spans: dict[tuple[datetime.date, datetime.date], int] = {}
    for r in rows:
        if r.month is not None and _coarse(r, by_year):
            spans[_coarse_span(r)] = spans.get(_coarse_span(r), 0) + r.count
    bands = []
    for (lo, hi), n in sorted(spans.items()):
        a = max(0, _bin_index(lo, starts[0], by_year))
        b = min(len(starts), _bin_index(hi, starts[0], by_year) + 1)
        if b > a:
            label = f"some time in {lo.year}" if hi.year == lo.year else f"some time in the {lo.year}s"
            title = f"{n} event{'' if n == 1 else 's'} {label}"
            bands.append(
                Band(round(LEFT + a * step, 2), round((b - a) * step, 2), label, n, title, _link(params, lo, hi))
            )
    return bands


def _drawing(rows, span, width: int, max_months: int, params: QueryDict, undated: dict[str, int]) -> Drawing:
    """One drawing: bins of months (years when there are too many), bands, the undated bar, both axes' ticks."""
    by_year = (span[1].year - span[0].year) * 12 + span[1].month - span[0].month + 1 > max_months if span else False
    starts = _bin_starts(span[0], span[1], by_year) if span else []
    plot = width - LEFT - (UNDATED_GAP + 24 if any(undated.values()) else 4)
    step = plot / len(starts) if starts else 0
    bars, per_bin = _bars(rows, starts, by_year, params) if starts else ([], [])
    top = _nice_peak(max([b.total for b in bars] + [sum(undated.values()), 1]))
    for i, (bar, counts) in enumerate(zip(bars, per_bin, strict=True)):
        bar.x, bar.width = round(LEFT + i * step, 2), round(step, 2)
        bar.segments = _segments(counts, top)
    drawing = Drawing(width, bars, _bands(rows, starts, by_year, params, step) if starts else [], [], [], None, by_year)
    if any(undated.values()):
        drawing.undated = Bar(width - 24, 22, "undated", sum(undated.values()), _title("Undated", undated), "")
        drawing.undated.segments = _segments(undated, top)
    every = max(1, -(-len(bars) // (8 if width == WIDE_WIDTH else 4)))
    if not by_year and every > 1:
        every = next(n for n in (2, 3, 6, 12, 24, 60, 120) if n >= every)
    drawing.x_ticks = [Tick(round(b.x + b.width / 2, 2), b.label) for i, b in enumerate(bars) if i % every == 0]
    values = range(top + 1) if top <= 5 else (0, top // 2, top)
    drawing.y_ticks = [Tick(round(TOP + BAR_HEIGHT * (1 - v / top), 1), str(v)) for v in values]
    return drawing


def build_chart(rows: list[ChartRow], params: QueryDict, since=None, until=None) -> Chart | None:
    """The chart of these rows; the links keep the page's other filters. None when there is no event at all."""
    params = params.copy()
    params.pop("page", None)
    undated = {k: sum(r.count for r in rows if r.month is None and r.kind == k) for k in KINDS}
    span = _span_of(rows, since, until)
    if span is None and not any(undated.values()):
        return None
    wide = _drawing(rows, span, WIDE_WIDTH, WIDE_MONTHS, params, undated)
    narrow = _drawing(rows, span, NARROW_WIDTH, NARROW_MONTHS, params, undated)
    total = sum(r.count for r in rows if r.month is not None)
    peak = max([b.total for b in wide.bars] + [0])
    kinds = [k for k in KINDS if any(r.kind == k for r in rows)]
    return Chart(wide, narrow, total, sum(undated.values()), peak, kinds, _table(rows, wide, kinds, undated))


def _table(rows: list[ChartRow], wide: Drawing, kinds: list[str], undated: dict[str, int]) -> list[TableRow]:
    """The bins that hold events, the bands and the undated, as rows: what the chart says, for every reader."""
    table = []
    for bar in wide.bars:
        if bar.total:
            table.append(TableRow(bar.label, bar.href, [bar.counts.get(k, 0) for k in kinds], bar.total))
    for band in wide.bands:
        table.append(TableRow(band.label.capitalize(), band.href, ["–"] * len(kinds), band.count))
    if any(undated.values()):
        table.append(TableRow("Undated", "", [undated.get(k, 0) for k in kinds], sum(undated.values())))
    return table


def svg(drawing: Drawing, undated_href: str) -> SafeString:
    """The drawing as SVG markup, written here rather than by template tags: a chart has up to 120 bars, and tags
    cost a quarter of a millisecond a bar. Presentation attributes only: the CSP allows no style attribute."""
    w = drawing.width
    out = [
        f'<text class="chart-axis-title" x="2" y="{TOP - 8}">events</text>',
        f'<text class="chart-axis-title" x="{w - 2}" y="{HEIGHT - 2}" text-anchor="end">'
        f"{'year' if drawing.by_year else 'month'}</text>",
    ]
    for t in drawing.y_ticks:
        out.append(f'<line class="chart-grid" x1="{LEFT}" x2="{w}" y1="{t.position}" y2="{t.position}"></line>')
        out.append(
            f'<text class="chart-label" x="{LEFT - 4}" y="{t.position}" dy="4" text-anchor="end">{t.label}</text>'
        )
    for bar in drawing.bars:
        if bar.total:
            out.append(_bar(bar, bar.href))
    for band in drawing.bands:
        out.append(
            f'<a href="{escape(band.href)}" aria-label="{escape(band.title)}"><title>{escape(band.title)}</title>'
            f'<rect class="chart-band" x="{band.x}" y="{BASELINE + 3}" width="{band.width}" height="10"></rect></a>'
        )
    if drawing.undated:
        out.append(_bar(drawing.undated, undated_href))
        out.append(f'<text class="chart-label" x="{w - 1}" y="{BASELINE + 28}" text-anchor="end">undated</text>')
    out.append(f'<line class="chart-axis" x1="{LEFT}" y1="{BASELINE}" x2="{w}" y2="{BASELINE}"></line>')
    out.append(f'<line class="chart-axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{BASELINE}"></line>')
    for t in drawing.x_ticks:
        label = escape(t.label)
        out.append(
            f'<text class="chart-label" x="{t.position}" y="{BASELINE + 28}" text-anchor="middle">{label}</text>'
        )
    return mark_safe("".join(out))  # noqa: S308 - numbers, and text escaped above


def _bar(bar: Bar, href: str) -> str:
    """A bar as a link: a transparent full-height target (a tap need not hit a thin bar) and its stacked kinds."""
    title = escape(bar.title)
    parts = [f'<a href="{escape(href)}" aria-label="{title}"><title>{title}</title>']
    parts.append(f'<rect class="chart-hit" x="{bar.x}" y="{TOP}" width="{bar.width}" height="{BAR_HEIGHT}"></rect>')
    for s in bar.segments:
        parts.append(
            f'<rect class="chart-bar kind-{s.kind}" x="{bar.x + bar.width * 0.1:.2f}" y="{s.y}" '
            f'width="{max(bar.width * 0.8, 0.5):.2f}" height="{s.height}"></rect>'
        )
    parts.append("</a>")
    return "".join(parts)

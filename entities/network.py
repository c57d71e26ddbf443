"""Who met whom as a graph drawn on the server: officials as nodes sized by their events, an edge where two took
part in the same events (thicker for more), coloured by country; every node and edge a link, with a <title>.

The layout is Fruchterman-Reingold's force-directed one, computed with numpy over all pairs at once (a few hundred
nodes in a few milliseconds), from a start fixed by country so that the same data always gives the same drawing.
"""

import hashlib
import itertools
import math
from dataclasses import dataclass, field

import numpy as np
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Officials drawn at most: beyond this a drawing is a blot; the page says how many were left out.
MAX_NODES = 300
# Nodes named on the drawing (the others by their <title> on hover or focus).
LABELLED = 40
# Colours for the countries with most officials drawn; the others share a grey.
PALETTE = 10
WIDTH, HEIGHT, MARGIN = 900, 620, 40
ITERATIONS = 40
LAYOUT_SECONDS = 600


@dataclass
class Node:
    actor_id: int
    name: str
    country: str
    events: int
    x: float = 0.0
    y: float = 0.0
    r: float = 4.0
    colour: int = PALETTE  # index into the palette; PALETTE is the grey of the rest
    labelled: bool = False
    centre: bool = False


@dataclass(frozen=True)
class Edge:
    a: int
    b: int
    events: int


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    officials: int  # how many took part, drawn or not
    countries: list[str] = field(default_factory=list)  # the coloured ones, in palette order

    @property
    def left_out(self) -> int:
        return self.officials - len(self.nodes)


def build(rows, *, centre: int | None = None, limit: int = MAX_NODES) -> Network:
    """The graph of (event id, actor id, name, country) rows: the `limit` officials with most events and the edges
    between them. `centre` is the official whose page this is: always drawn, in the middle.

    The same rows give the same drawing, so it is kept for a while under a digest of them: the layout is most of
    the time of a network of a few hundred officials, the digest a hundredth of it."""
    key = "parley:network:" + hashlib.sha1(repr((centre, limit, rows)).encode(), usedforsecurity=False).hexdigest()
    network = cache.get(key)
    if network is None:
        network = _build(rows, centre, limit)
        cache.set(key, network, LAYOUT_SECONDS)
    return network


def _build(rows, centre: int | None, limit: int) -> Network:
    people: dict[int, Node] = {}
    by_event: dict[int, list[int]] = {}
    for event_id, actor_id, name, country in rows:
        node = people.setdefault(actor_id, Node(actor_id, name, country or "", 0))
        node.events += 1
        by_event.setdefault(event_id, []).append(actor_id)
    ranked = sorted(people.values(), key=lambda n: (n.actor_id != centre, -n.events, n.name))[:limit]
    drawn = {n.actor_id for n in ranked}
    for node in ranked:
        node.centre = node.actor_id == centre
    pairs: dict[tuple[int, int], int] = {}
    for actors in by_event.values():
        for a, b in itertools.combinations(sorted(set(actors) & drawn), 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    edges = [Edge(a, b, n) for (a, b), n in sorted(pairs.items())]
    network = Network(ranked, edges, len(people))
    _colour(network)
    _layout(network, centre)
    return network


def _colour(network: Network) -> None:
    counts: dict[str, int] = {}
    for node in network.nodes:
        if node.country:
            counts[node.country] = counts.get(node.country, 0) + 1
    network.countries = sorted(counts, key=lambda c: (-counts[c], c))[:PALETTE]
    index = {c: i for i, c in enumerate(network.countries)}
    peak = max((n.events for n in network.nodes), default=1)
    for rank, node in enumerate(network.nodes):
        node.colour = index.get(node.country, PALETTE)
        node.r = round(3.5 + 10 * math.sqrt(node.events / peak), 1)
        node.labelled = rank < LABELLED


def _layout(network: Network, centre: int | None) -> None:
    """Force-directed positions within the drawing, from a start on a circle ordered by country."""
    nodes = network.nodes
    n = len(nodes)
    if n == 0:
        return
    order = sorted(range(n), key=lambda i: (nodes[i].colour, nodes[i].country, nodes[i].actor_id))
    angle = np.zeros(n)
    angle[order] = np.linspace(0, 2 * np.pi, n, endpoint=False)
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    index = {node.actor_id: i for i, node in enumerate(nodes)}
    src = np.array([index[e.a] for e in network.edges], dtype=int)
    dst = np.array([index[e.b] for e in network.edges], dtype=int)
    weight = np.array([math.log1p(e.events) for e in network.edges], dtype=np.float32)
    k = 1.6 / math.sqrt(n)
    temperature = 0.15
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)  # half the memory to sweep
    for _ in range(ITERATIONS):
        # Repulsion between every two nodes, on 2-D arrays of x and y apart (a third axis costs ten times more).
        dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
        inverse = (k * k) / np.maximum(dx * dx + dy * dy, 1e-4)
        move_x, move_y = (dx * inverse).sum(axis=1), (dy * inverse).sum(axis=1)
        if len(src):  # attraction along the edges
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            pull = np.sqrt(ex * ex + ey * ey) / k * weight
            move_x -= (np.bincount(src, ex * pull, n) - np.bincount(dst, ex * pull, n)).astype(np.float32)
            move_y -= (np.bincount(src, ey * pull, n) - np.bincount(dst, ey * pull, n)).astype(np.float32)
        move_x -= x * 0.05  # a little gravity keeps loose parts near
        move_y -= y * 0.05
        length = np.maximum(np.sqrt(move_x * move_x + move_y * move_y), 1e-9)
        step = np.minimum(length, temperature) / length
        x += move_x * step
        y += move_y * step
        temperature *= 0.92
        if centre is not None and centre in index:
            x[index[centre]] = y[index[centre]] = 0
    pos = np.stack([x, y], axis=1)
    low, high = pos.min(axis=0), pos.max(axis=0)
    span = np.where(high - low > 1e-9, high - low, 1)
    scaled = (pos - low) / span
    for i, node in enumerate(nodes):
        node.x = round(float(MARGIN + scaled[i, 0] * (WIDTH - 2 * MARGIN)), 1)
        node.y = round(float(MARGIN + scaled[i, 1] * (HEIGHT - 2 * MARGIN)), 1)


def svg(network: Network, official_url, pair_url) -> SafeString:
    """The graph as SVG markup: edges under nodes, labels on top. `official_url(id)` and `pair_url(a, b)` give
    the links (an official's page; the timeline of the events two officials shared)."""
    where = {n.actor_id: n for n in network.nodes}
    out = []
    for e in network.edges:
        a, b = where[e.a], where[e.b]
        title = escape(f"{a.name} – {b.name}: {e.events} event{'' if e.events == 1 else 's'} together")
        width = round(min(1 + math.log2(e.events), 6), 1)
        out.append(
            f'<a href="{escape(pair_url(e.a, e.b))}" aria-label="{title}"><title>{title}</title>'
            f'<line class="net-edge" x1="{a.x}" y1="{a.y}" x2="{b.x}" y2="{b.y}" stroke-width="{width}"></line></a>'
        )
    for n in network.nodes:
        country = f", {n.country}" if n.country else ""
        title = escape(f"{n.name}{country}: {n.events} event{'' if n.events == 1 else 's'}")
        css = f"net-node c{n.colour}{' net-centre' if n.centre else ''}"
        out.append(
            f'<a href="{escape(official_url(n.actor_id))}" aria-label="{title}"><title>{title}</title>'
            f'<circle class="{css}" cx="{n.x}" cy="{n.y}" r="{n.r}"></circle></a>'
        )
    for n in network.nodes:
        if n.labelled:
            out.append(f'<text class="net-label" x="{n.x}" y="{round(n.y - n.r - 3, 1)}">{escape(n.name)}</text>')
    return mark_safe("".join(out))  # noqa: S308 - numbers, and text escaped above

"""The knowledge base as a graph for network tools: GEXF 1.3 (https://gexf.net), written as a stream of lines.

Officials are the nodes; two officials are tied when they took part in the same events, weighted by how many,
with the first and last date as attributes. Written by hand rather than through a graph library, so that nothing
but the current line is held: a library would build the whole graph in memory first.
"""

import datetime
import re
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import quoteattr

GEXF_NAMESPACE = "http://gexf.net/1.3"
# Characters XML 1.0 does not allow in a document at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

HEAD = f"""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="{GEXF_NAMESPACE}" version="1.3">
  <meta>
    <creator>Parley</creator><description>Officials tied by the events they took part in together</description>
  </meta>
  <graph mode="static" defaultedgetype="undirected">
    <attributes class="node"><attribute id="country" title="country" type="string"/></attributes>
    <attributes class="edge">
      <attribute id="first" title="first event" type="string"/><attribute id="last" title="last event" type="string"/>
    </attributes>
"""


def _attr(value: object) -> str:
    return quoteattr(_NOT_XML.sub("", str(value)))


def _day(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def gexf(
    officials: Iterable[tuple[int, str, str]],
    ties: Iterable[tuple[int, int, int, datetime.date | None, datetime.date | None]],
) -> Iterator[str]:
    """The document line by line: officials as (id, name, country), ties as (id, id, events, first, last)."""
    yield HEAD
    yield "    <nodes>\n"
    for pk, name, country in officials:
        yield (
            f'      <node id="{pk}" label={_attr(name)}><attvalues>'
            f'<attvalue for="country" value={_attr(country)}/></attvalues></node>\n'
        )
    yield "    </nodes>\n    <edges>\n"
    for number, (source, target, weight, first, last) in enumerate(ties):
        yield (
            f'      <edge id="{number}" source="{source}" target="{target}" weight="{weight}"><attvalues>'
            f'<attvalue for="first" value="{_day(first)}"/><attvalue for="last" value="{_day(last)}"/>'
            "</attvalues></edge>\n"
        )
    yield "    </edges>\n  </graph>\n</gexf>\n"

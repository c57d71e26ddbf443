"""Entities of a sentence read from its own tokens.

spaCy's `Span.ents` builds a Span for every entity of the whole document and keeps those inside the span, so a
rule that asks for its sentence's entities costs the length of the article, and an article of many sentences
costs the square of its length. These read the span's tokens only, and give what `Span.ents` gives.
"""

from spacy.tokens import Doc, Span

# Token.ent_iob: 3 begins an entity, 1 is inside one, 2 is outside, 0 is unset.
_BEGIN, _INSIDE = 3, 1


def entities_in(span: Span) -> list[Span]:
    """The entities wholly inside `span`, in order: what `span.ents` gives, in time proportional to the span."""
    doc = span.doc
    found: list[Span] = []
    start, label = -1, 0
    for i in range(span.start, span.end):
        token = doc[i]
        iob = token.ent_iob
        if iob == _INSIDE:
            continue  # inside the open entity, or inside one that began before the span (not wholly in it)
        if start != -1 and label:
            found.append(Span(doc, start, i, label=label))
        start, label = (i, token.ent_type) if iob == _BEGIN and token.ent_type else (-1, 0)
    crosses_end = span.end < len(doc) and doc[span.end].ent_iob == _INSIDE
    if start != -1 and label and not crosses_end:
        found.append(Span(doc, start, span.end, label=label))
    return found


def entities_touching(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities with a token in doc[start:end], in order, whole (one may begin before `start` or end after)."""
    while start > 0 and doc[start].ent_iob == _INSIDE:
        start -= 1
    while end < len(doc) and doc[end].ent_iob == _INSIDE:
        end += 1
    return entities_in(doc[start:end])

"""An article's body as HTML: escaped, people linked from their mention offsets, evidence sentences anchored."""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# At one offset, closing tags come before opening ones, and sentences open outside mentions.
MENTION_CLOSE, SENTENCE_CLOSE, SENTENCE_OPEN, MENTION_OPEN = range(4)


def sentence_anchor(start: int) -> str:
    """The id of the evidence sentence starting at this offset; the event page links to it."""
    return f"s-{start}"


def _disjoint(spans: list[tuple[int, int, object]], length: int) -> list[tuple[int, int, object]]:
    """Spans inside the text, sorted, with any that overlap an earlier one dropped."""
    kept: list[tuple[int, int, object]] = []
    for start, end, item in sorted(spans, key=lambda s: (s[0], -s[1])):
        if 0 <= start < end <= length and (not kept or start >= kept[-1][1]):
            kept.append((start, end, item))
    return kept


def _inside_one(start: int, end: int, sentences: list[tuple[int, int, object]]) -> bool:
    """A mention may sit inside a sentence or outside all of them, never across a boundary."""
    return all(end <= s or start >= e or (s <= start and end <= e) for s, e, _ in sentences)


def render_body(body: str, mentions, evidence) -> SafeString:
    """The body escaped piece by piece; people with a resolved actor become links to their page."""
    sentences = _disjoint([(ev.start, ev.end, None) for ev in evidence], len(body))
    people = [(m.start, m.end, m.actor_id) for m in mentions if m.actor_id and _inside_one(m.start, m.end, sentences)]
    people = _disjoint(people, len(body))
    tags: list[tuple[int, int, str]] = []
    for start, end, _ in sentences:
        tags.append((start, SENTENCE_OPEN, f'<span class="evidence-sentence" id="{sentence_anchor(start)}">'))
        tags.append((end, SENTENCE_CLOSE, "</span>"))
    for start, end, actor_id in people:
        url = reverse("entities:official_detail", args=[actor_id])
        tags.append((start, MENTION_OPEN, f'<a class="person" href="{url}">'))
        tags.append((end, MENTION_CLOSE, "</a>"))
    parts, position = [], 0
    for offset, _, tag in sorted(tags, key=lambda t: (t[0], t[1])):
        parts.append(escape(body[position:offset]))
        parts.append(tag)
        position = offset
    parts.append(escape(body[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - the text is escaped; the tags are ours


@register.simple_tag
def article_body(article, mentions, evidence) -> SafeString:
    """The body with the given mentions linked and evidence sentences anchored (read beforehand, not here)."""
    return render_body(article.body, mentions, evidence)

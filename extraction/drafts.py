"""The working state of event extraction: an event as found in one sentence, and what the article says of its
people (where each is named, which words are their titles)."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from extraction import geo
from extraction.confidence import FOUND
from extraction.lexicon import GENERIC_OFFICES, OFFICE_HEADS, OFFICE_WORDS, PHONE_WORDS
from extraction.people import bare, holds_no_office
from extraction.records import DateSpan, EvidenceRecord, PersonRecord


@dataclass
class Draft:
    """An event as found in one sentence, before the article-level pass."""

    kind: str
    trigger: int
    sentence: Span
    guests: list[int] = field(default_factory=list)
    hosts: list[int] = field(default_factory=list)
    others: list[int] = field(default_factory=list)
    offices: list[tuple[str, str]] = field(default_factory=list)
    delegation: bool = False
    attended: bool = False  # someone is said to be at the gathering: "X attended the summit"
    counterparts: list[int] = field(default_factory=list)  # the object side: one meeting with each
    place: str = ""
    host_country: str = ""
    date: DateSpan | None = None
    planned: bool = False
    confidence: float = FOUND
    parent: "Draft | None" = None
    evidence: list[EvidenceRecord] = field(default_factory=list)
    absorbed: bool = False  # folded into a gathering reported earlier: its report lives on there

    @property
    def people(self) -> list[int]:
        return list(dict.fromkeys(self.guests + self.hosts + self.others))


@dataclass(frozen=True)
class Cancellation:
    """'The visit was later cancelled': the latest event of this kind reported before `trigger` did not happen."""

    kind: str
    trigger: int


class ArticleContext:
    """What event finding needs to know about the article's people: who is where in the text."""

    def __init__(self, doc: Doc, people: list[PersonRecord], published: date | None = None):
        self.doc = doc
        self.published = published
        self.cancellations: list[Cancellation] = []  # told in the article, applied by the article-level pass
        self.people = {p.key: p for p in people}
        self.person_at: dict[int, int] = {}  # token index -> person key
        self.title_tokens: set[int] = set()
        self.weekday_anchor: date | None = None  # the lead's day, or without a publication date the text's latest
        for person in people:
            official = not holds_no_office(person)  # spouses, royals without an office, party leaders: never
            for mention in person.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    if official:
                        self.person_at[token.i] = person.key
                    if bare(token) in OFFICE_HEADS:
                        self.title_tokens.add(token.i)
                self.title_tokens.update(title_around(doc, span))

    @cached_property
    def mentions_phone(self) -> bool:
        """Whether the article speaks of a telephone at all: then 'spoke with X' is a call."""
        return any(token.lower_ in PHONE_WORDS for token in self.doc)

    def antecedent(self, pronoun: Token) -> int | None:
        """'He met X': the person last named as a subject before the pronoun, else the last person named."""
        subjects, anyone = None, None
        for i in range(pronoun.i - 1, max(-1, pronoun.i - 120), -1):
            key = self.person_at.get(i)
            if key is None:
                continue
            anyone = key if anyone is None else anyone
            if self.doc[i].dep_ in {"nsubj", "nsubjpass"} or self.doc[i].head.dep_ in {"nsubj", "nsubjpass"}:
                subjects = key
                break
        return subjects if subjects is not None else anyone

    def country(self, key: int) -> str:
        """The person's country as it was named when the article was written (a German of 1987 is West German)."""
        return self.place_country(self.people[key].country)

    def place_country(self, country: str) -> str:
        return geo.country_then(country, self.published)


def title_around(doc: Doc, span: Span) -> set[int]:
    """Office words before a name or in apposition after it: the person's title, not another participant."""
    found: set[int] = set()
    i = span.start - 1
    if i > 0 and doc[i].text == ",":
        found.add(i)
        i -= 1
    while i >= max(0, span.start - 10):
        token = doc[i]
        if not (is_office_word(token) or token.text[:1].isupper() or token.text == "." or geo.country_of(token.text)):
            break
        found.add(i)
        i -= 1
    if span.end < len(doc) and doc[span.end].text == ",":
        for token in doc[span.end + 1 : span.end + 14]:
            if token.text in {",", ".", ";", "(", ")"} or token.pos_ in {"VERB", "AUX"}:
                break
            found.add(token.i)
    return found


def is_office_word(token: Token) -> bool:
    word = bare(token)
    return word in OFFICE_WORDS or word.rstrip("s") in OFFICE_HEADS or word in {"the", "of"}


def is_office_head(token: Token) -> bool:
    word = bare(token)
    return (word in OFFICE_HEADS or (word.endswith("s") and word[:-1] in OFFICE_HEADS)) and word not in GENERIC_OFFICES

"""Events in an article: visits, meetings, calls and conferences with participants, dates and places.

A sentence yields an event when a trigger word (met, visited, talks, summit, telephone conversation)
has officials in its syntactic reach. Participants come from the trigger's clause (subjects are
inherited along conjoined verbs; what someone *said* or *told* is not a meeting). An article-level
pass then links meetings to the visit they happened during, infers the visit a meeting abroad implies,
and merges repeated reports of one event.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from entities.extraction import geo
from entities.extraction.dates import find_date_expressions, resolve_date
from entities.extraction.people import OFFICE_HEADS, OFFICE_WORDS, bare
from entities.extraction.records import DateSpan, EventRecord, EvidenceRecord, ParticipantRecord, PersonRecord

VISIT_VERBS = frozenset(
    """
    visit visits visited visiting travel travels travelled traveled travelling traveling arrive arrives
    arrived arriving went go goes going gone came come comes coming flew fly flies flying toured tours touring
    landed lands reached
    """.split()
)
# Motion verbs that make a visit only with a destination ("went to Tehran"), not on their own.
MOTION_VERBS = frozenset(
    """
    went go goes going gone came come comes coming flew fly flies flying landed lands reached
    """.split()
)
VISIT_NOUNS = frozenset("visit visits trip trips tour tours arrival".split())
MEET_VERBS = frozenset(
    """
    meet meets met meeting received receive receives receiving hosted host hosts hosting welcomed welcomes
    welcoming
    """.split()
)
MEET_NOUNS = frozenset("meeting meetings talks meet audience".split())
PHONE_WORDS = frozenset("telephone phone telephonic telephoned phoned".split())
PHONE_NOUNS = frozenset("call calls conversation conversations talk talks".split())
MULTI_VERBS = frozenset("gathered gather gathers convened convene convenes assembled".split())
MULTI_NOUNS = frozenset("summit summits conference conferences forum gathering congress ministerial".split())
MULTI_MODIFIERS = frozenset(
    """
    multilateral trilateral quadrilateral regional four-nation three-nation five-nation six-nation
    """.split()
)
SPEECH_VERBS = frozenset(
    """
    said say says told tell tells stated added cited quoted announced declared noted warned stressed wrote
    proclaimed remarked asserted highlighted underlined
    """.split()
)
NEGATION_WORDS = frozenset(
    """
    cancel cancels cancelled canceled cancelling postponed postpone postpones scrapped called-off materialise
    materialize materialised materialized
    """.split()
)
PLAN_VERBS = frozenset(
    """
    plan plans planned planning expect expects expected schedule scheduled due set intend intends intended
    hope hopes hoped invite invited invites propose proposed proposes agree agreed agrees
    """.split()
)
PLAN_MODIFIERS = frozenset("planned upcoming forthcoming proposed expected scheduled future next possible".split())
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "could", "may", "might"})
GROUP_SUBJECTS = frozenset(
    """
    officials delegation delegations team side leaders leadership commanders officers they we representatives
    """.split()
)
# Verbs that say an event happened, whose clause describes it ("the meeting was held in Doha").
EVENT_PREDICATES = frozenset(
    """
    held hold holds took take takes happened occurred began begins opened opens ended ends concluded concludes
    started starts was were is are
    """.split()
)
# Office words too vague to stand for a participant ("officials met ...").
GENERIC_OFFICES = frozenset(
    """
    official officials leader leaders officer officers representative representatives
    """.split()
)
# Date phrases that say how long or since when, not when: "since 2017", "in the past 40 years".
NOT_WHEN = frozenset({"since", "until", "till", "for", "over", "past", "within", "throughout", "last"})


@dataclass
class _Draft:
    """An event as found in one sentence, before the article-level pass."""

    kind: str
    trigger: int
    sentence: Span
    guests: list[int] = field(default_factory=list)
    hosts: list[int] = field(default_factory=list)
    others: list[int] = field(default_factory=list)
    offices: list[tuple[str, str]] = field(default_factory=list)
    delegation: bool = False
    counterparts: list[int] = field(default_factory=list)  # the object side: one meeting with each
    place: str = ""
    host_country: str = ""
    date: DateSpan = field(default_factory=DateSpan)
    planned: bool = False
    confidence: float = 0.6
    parent: "_Draft | None" = None
    evidence: list[EvidenceRecord] = field(default_factory=list)

    @property
    def people(self) -> list[int]:
        return list(dict.fromkeys(self.guests + self.hosts + self.others))


class _Context:
    """What event finding needs to know about the article's people: who is where in the text."""

    def __init__(self, doc: Doc, people: list[PersonRecord]):
        self.doc = doc
        self.people = {p.key: p for p in people}
        self.person_at: dict[int, int] = {}  # token index -> person key
        self.title_tokens: set[int] = set()
        for person in people:
            for mention in person.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    self.person_at[token.i] = person.key
                    if bare(token) in OFFICE_HEADS:
                        self.title_tokens.add(token.i)
                self.title_tokens.update(title_around(doc, span))

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
        person = self.people[key]
        return person.country


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


def find_events(doc: Doc, people: list[PersonRecord], *, published: date | None) -> list[EventRecord]:
    """Every event the article reports, merged within the article and linked to the visits they belong to."""
    context = _Context(doc, people)
    drafts: list[_Draft] = []
    for sentence in doc.sents:
        drafts.extend(sentence_events(context, sentence, published))
    dateline = dateline_place(doc)
    for draft in drafts:
        lead = draft.sentence.start == first_sentence(doc)
        if dateline and lead and not draft.planned and not draft.place and not draft.host_country:
            draft.place, draft.host_country = dateline, geo.country_of(dateline)
    drafts = drop_cancelled(drafts)
    drafts = link_trips(context, drafts)
    drafts = [pair for draft in drafts for pair in split_pairs(draft)]
    for draft in drafts:
        resolve_offices(context.people, draft)
    drafts = merge_drafts(drafts)
    drafts = [d for d in drafts if d.kind != "absorbed" and complete(d)]
    return to_records(drafts)


CANCELLED = "cancelled:"  # the kind of a marker draft: "cancelled:visit" undoes the latest visit before it


def cancels_earlier(token: Token) -> bool:
    """'The visit was later cancelled': a definite event noun, negated, naming no one: it undoes an earlier report."""
    definite = any(c.lower_ in {"the", "this", "that"} for c in token.children)
    return token.pos_ in {"NOUN", "PROPN"} and definite


def drop_cancelled(drafts: list[_Draft]) -> list[_Draft]:
    """Remove the latest earlier event of the kind a later sentence says was cancelled or did not happen."""
    kept: list[_Draft] = []
    for draft in drafts:
        if not draft.kind.startswith(CANCELLED):
            kept.append(draft)
            continue
        wants_visit = draft.kind == CANCELLED + "visit"
        earlier = [d for d in kept if (d.kind == "visit") == wants_visit]
        if earlier:
            kept.remove(earlier[-1])
    return kept


DATELINE = re.compile(r"\s*([A-Z][A-Za-z .'-]{2,30}?)\s*(?:,|\(\w+\))[^\n]{0,30}?\s[-\u2013\u2014]\s")


def dateline_place(doc: Doc) -> str:
    """The city of a wire dateline ('BERNE, March 4 - ...', 'Paris (Reuters) -'), where the lead event took place."""
    match = DATELINE.match(doc.text[:60])
    if not match:
        return ""
    city = match.group(1).strip().title()
    return city if geo.city_country(city) else ""


def dateline_end(doc: Doc) -> int:
    match = DATELINE.match(doc.text[:60])
    return match.end() if match and dateline_place(doc) else 0


def first_sentence(doc: Doc) -> int:
    return next(iter(doc.sents)).start


# --- one sentence ---


def sentence_events(context: _Context, sentence: Span, published: date | None) -> list[_Draft]:
    drafts = []
    seen_anchors: set[tuple[int, bool, int]] = set()
    for token in sentence:
        kind = trigger_kind(token)
        if kind is not None and negated(token):
            if cancels_earlier(token):
                drafts.append(_Draft(kind=CANCELLED + kind, trigger=token.i, sentence=sentence))
            continue
        if kind is None:
            continue
        draft = describe_trigger(context, token, kind, published)
        if draft is None:
            continue
        anchor = (anchor_of(token).i, draft.kind == "visit", token.i if token.pos_ != "VERB" else -1)
        if anchor in seen_anchors:
            continue
        seen_anchors.add(anchor)
        drafts.append(draft)
    return drafts


def trigger_kind(token: Token) -> str | None:
    """The kind of event a word announces, or None."""
    word = token.lower_
    children = {c.lower_ for c in token.children}
    if word in PHONE_WORDS and token.pos_ == "VERB":
        return "phone_call"
    if word in PHONE_NOUNS and token.pos_ == "NOUN" and children & PHONE_WORDS:
        return "phone_call"
    if word in {"spoke", "speak", "speaks", "talked"} and any(
        c.lower_ in {"by", "on", "over"} and {g.lower_ for g in c.subtree} & PHONE_WORDS for c in token.children
    ):
        return "phone_call"
    if token.pos_ in {"NOUN", "PROPN"} and (word in MULTI_NOUNS or (word in MEET_NOUNS and several_nations(token))):
        return "multilateral"
    if word in MEET_NOUNS and token.pos_ in {"NOUN", "PROPN"}:
        if any(c.lower_ == "of" and plural_group(c) for c in token.children):
            return "multilateral"
        return "meeting"
    if word in MEET_VERBS and token.pos_ == "VERB":
        return "meeting"
    if word in MULTI_VERBS and token.pos_ == "VERB":
        return "multilateral"
    if word in VISIT_NOUNS and token.pos_ in {"NOUN", "PROPN"}:
        return "visit"
    if word in VISIT_VERBS and token.pos_ == "VERB":
        return "visit"
    # "called on X" is a courtesy visit; "called on X to do Y" is an appeal
    called_on = word == "called" and any(c.lower_ in {"on", "upon"} for c in token.children)
    if called_on and not any(t.tag_ == "TO" or t.lower_ == "to" for t in token.subtree if t.i > token.i):
        return "meeting"
    return None


def plural_group(of_token: Token) -> bool:
    """'meeting of heads of intelligence agencies': a meeting of several parties."""
    return any(c.dep_ == "pobj" and c.tag_ in {"NNS", "NNPS"} for c in of_token.children)


def negated(token: Token) -> bool:
    """A trigger that did not happen: 'did not meet', 'the visit was cancelled', 'did not materialise'."""
    anchor = anchor_of(token)
    for t in (token, anchor, anchor.head):
        if any(c.dep_ == "neg" for c in t.children):
            return True
    clause = {t.lower_ for t in anchor.head.subtree} if token.pos_ != "VERB" else {t.lower_ for t in token.children}
    return bool(clause & NEGATION_WORDS) or (token.head.lower_ in NEGATION_WORDS)


def anchor_of(token: Token) -> Token:
    """The verb whose clause holds a noun trigger: 'held [meetings]', 'attended the [meeting]', 'went for a [talk]'."""
    if token.pos_ == "VERB":
        return token
    t = token
    for _ in range(3):
        head = t.head
        if head is t:
            break
        if t.dep_ in {"nsubj", "nsubjpass"} and head.lower_ not in EVENT_PREDICATES:
            return token  # "The conference reached an understanding ...": the rest of the clause is not the event
        if head.pos_ in {"VERB", "AUX"} and t.dep_ in {"dobj", "attr", "pobj", "nsubj", "nsubjpass", "prep"}:
            if head.lower_ in SPEECH_VERBS and t.dep_ != "prep":
                return token  # "X said the meeting ...": the speaker need not have been there
            return head  # "At the meeting, X said ...": the speaker was
        if t.dep_ in {"pobj", "prep"}:
            t = head
            continue
        break
    return token


def planned(token: Token, anchor: Token) -> bool:
    """Announced, expected or invited, not reported as having happened."""
    chain = [token, anchor]
    for _ in range(3):  # "will visit Rome ... to attend the summit": the plan covers the clauses it governs
        if chain[-1].head is chain[-1] or chain[-1].dep_ not in {"xcomp", "advcl", "conj", "prep", "pobj", "dobj"}:
            break
        chain.append(chain[-1].head)
    for t in chain:
        if any(c.lower_ in FUTURE_AUX for c in t.children if c.dep_ == "aux"):
            return True
        if t.dep_ in {"xcomp", "ccomp"} and t.head.lower_ in PLAN_VERBS:
            return True
        if any(c.lower_ in PLAN_MODIFIERS for c in t.children if c.dep_ in {"amod", "compound", "advmod"}):
            return True
    return False


def describe_trigger(context: _Context, token: Token, kind: str, published: date | None) -> _Draft | None:
    anchor = anchor_of(token)
    sentence = token.sent
    reach = reach_of(token, anchor)
    persons = [k for k in dict.fromkeys(context.person_at.get(i) for i in reach) if k is not None]
    subject = clause_subject(anchor) if anchor.pos_ == "VERB" else None
    if subject is not None and subject.lower_ in {"he", "she"}:
        key = context.antecedent(subject)
        if key is not None and key not in persons:
            persons.insert(0, key)
    draft = _Draft(kind=kind, trigger=token.i, sentence=sentence)
    draft.evidence.append(EvidenceRecord(sentence.text.strip(), sentence.start_char, sentence.end_char))
    draft.planned = planned(token, anchor)
    draft.delegation = has_delegation(token, anchor)
    draft.place, draft.host_country = place_of(context, token, anchor, reach)
    draft.date = date_of(token, anchor, published, ahead=draft.planned)
    if draft.date.known and published and draft.date.start > published:
        draft.planned = True
    if token.pos_ != "VERB" and not persons:
        return None if kind in {"visit", "meeting"} and not draft.delegation else finish_offices(context, draft, reach)
    if kind == "visit":
        return visit_roles(context, draft, token, anchor, persons)
    return meeting_roles(context, draft, token, anchor, persons, reach)


def reach_of(token: Token, anchor: Token) -> list[int]:
    """Token indices in the trigger's clause: its own phrase, the anchor's arguments, an inherited subject."""
    skip_deps = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"}
    indices: set[int] = {token.i}
    for child in token.children:
        if child.dep_ in skip_deps or child.dep_ in {"conj", "cc"}:
            continue
        indices.update(t.i for t in child.subtree)
    if anchor is not token:
        for child in anchor.children:
            if child.dep_ in skip_deps or (child.dep_ == "conj" and child.pos_ == "VERB"):
                continue
            indices.update(t.i for t in child.subtree)
    subject = clause_subject(anchor)
    if subject is not None:
        indices.update(t.i for t in subject.subtree)
    # "During his visit to X, Y proclaimed...": the visit is the main clause subject's
    if (
        token.pos_ != "VERB"
        and anchor is token
        and any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in token.children)
    ):
        main = token.head
        while main.dep_ != "ROOT" and main.head is not main and main.pos_ != "VERB":
            main = main.head
        subject = clause_subject(main) if main.pos_ in {"VERB", "AUX"} and main.lower_ not in SPEECH_VERBS else None
        if subject is not None:
            indices.update(t.i for t in subject.subtree)
    return sorted(indices)


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is conjoined to when it has none ('X travelled and held talks')."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                if child.lower_ in {"who", "that", "which"} and verb.dep_ == "relcl":
                    antecedent = verb.head  # "X was the last chief who visited": X
                    if antecedent.dep_ == "attr":
                        return clause_subject(antecedent.head) or antecedent
                    return antecedent
                return child
        if verb.dep_ in {"conj", "xcomp", "advcl", "acomp"} and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


def has_delegation(token: Token, anchor: Token) -> bool:
    """'officials met X', 'They also met X': a side named as a group, whose leader the trip context supplies."""
    subject = clause_subject(anchor) if anchor.pos_ == "VERB" else None
    candidates = [subject] if subject is not None else []
    candidates += [c for c in token.children if c.dep_ == "poss"]
    return any(c is not None and c.lower_ in GROUP_SUBJECTS for c in candidates)


def place_of(context: _Context, token: Token, anchor: Token, reach: list[int]) -> tuple[str, str]:
    """The city or venue and its country: the nearest place the trigger's clause names, by where it points."""
    doc = context.doc
    best: tuple[int, str, str] | None = None
    for ent in [*doc.ents, *table_places(doc, reach)]:
        if ent.label_ not in {"GPE", "FAC", "LOC", "ORG"} or ent.start not in reach:
            continue
        if any(i in context.person_at for i in range(ent.start, ent.end)):
            continue
        root = ent.root
        while root.dep_ in {"conj", "appos"} and root.head is not root:
            root = root.head
        prep = root.head.lower_ if root.dep_ == "pobj" else ""
        pointed = prep in {"to", "in", "at", "into", "inside"}
        own_modifier = root.head.i == token.i and root.dep_ in {"compound", "nmod", "amod"}
        visited = root.dep_ == "dobj" and root.head.lower_ in VISIT_VERBS
        hosted = root.dep_ == "nsubj" and root.head.lower_.startswith("host")
        if not (pointed or own_modifier or visited or hosted):
            continue
        text = ent.text.strip()
        for prefix in ("the ", "The "):
            if text.startswith(prefix):
                text = text[len(prefix) :]
        city = geo.VENUE_CITY.get(text) or (text if geo.city_country(text) else "")
        country = geo.country_of(city or text) or geo.ORGANIZATION_COUNTRY.get(text, "")
        if ent.label_ == "ORG" and not country and prep not in {"at", "to", "in"}:
            continue
        if ent.label_ == "GPE" and not country:
            continue
        if ent.label_ == "ORG" and not geo.VENUE_CITY.get(text) and prep != "at":
            continue
        place = text if (city or ent.label_ in {"FAC", "ORG"}) and not hosted else ""
        rank = (0 if pointed or own_modifier or visited else 1, abs(ent.root.i - token.i))
        score = rank[0] * 1000 + rank[1]
        if best is None or score < best[0]:
            best = (score, place, country)
    if best is None:
        return "", ""
    return best[1], best[2]


def table_places(doc: Doc, reach: list[int]) -> list[Span]:
    """Cities and countries of the geography tables that the NER did not tag as places ('visited Tunis')."""
    found = []
    for i in reach:
        if doc[i].ent_type_ in {"GPE", "LOC", "FAC"} or not doc[i].text[:1].isupper():
            continue
        for length in (3, 2, 1):
            span = doc[i : i + length]
            if len(span) == length and (geo.city_country(span.text) or geo.country_name(span.text)):
                found.append(Span(doc, i, i + length, label="GPE"))
                break
    return found


def date_of(token: Token, anchor: Token, published: date | None, *, ahead: bool = False) -> DateSpan:
    """The date the sentence gives the event: the nearest date expression, preferring the trigger's clause.

    For a planned event ('will visit in June'), a date without a year lies ahead of publication, not behind.
    """
    sentence = token.sent
    candidates: list[tuple[int, DateSpan]] = []
    seen: set[tuple[int, int]] = set()
    expressions = [(e.start_char, e.end_char, e.text) for e in sentence.ents if e.label_ in {"DATE", "TIME"}]
    offset = sentence.start_char
    expressions += [(offset + s, offset + e, t) for s, e, t in find_date_expressions(sentence.text)]
    doc = token.doc
    for start, end, text in sorted(expressions, key=lambda x: (x[0], -(x[1] - x[0]))):
        if any(s <= start and end <= e for s, e in seen):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        if start < dateline_end(doc):
            continue  # "WASHINGTON, March 4 -": when the story was filed, not when anything happened
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        if before in NOT_WHEN or span[0].lower_ in NOT_WHEN - {"last"}:
            continue
        resolved = prospective_date(text, published) if ahead else None
        resolved = resolved or resolve_date(text, published=published)
        if resolved is None or not resolved.known:
            continue
        seen.add((start, end))
        in_clause = span.root.i in {t.i for t in anchor.subtree} or span.root.i in {t.i for t in token.subtree}
        distance = min(abs(span.start - token.i), abs(span.end - 1 - token.i))
        candidates.append(((0 if in_clause else 100) + distance, resolved))
    if not candidates:
        return DateSpan()
    return min(candidates, key=lambda c: c[0])[1]


def prospective_date(text: str, published: date | None) -> DateSpan | None:
    """The first reading of a year-less date on or after publication: next Friday, the coming June."""
    if published is None or re.search(r"\b\d{4}\b", text):
        return None
    for days in (6, 364):
        try:
            anchor = published + timedelta(days=days)
        except OverflowError:
            return None
        span = resolve_date(text, published=anchor)
        if span is not None and span.known and span.start >= published:
            return span
    return None


def visit_roles(context: _Context, draft: _Draft, token: Token, anchor: Token, persons: list[int]) -> _Draft | None:
    """Who travelled, and where to; a 'visit' to a person is a meeting with them."""
    objects = [context.person_at[c.i] for c in person_objects(context, token)]
    if objects and token.pos_ == "VERB":
        draft.kind = "meeting"
        subject = clause_subject(token)
        visitors = [k for k in persons if k not in objects and subject is not None and k in people_in(context, subject)]
        draft.guests = visitors
        draft.hosts = objects
        return draft
    if token.pos_ != "VERB" and any(c.lower_ == "with" for c in token.children):
        draft.kind = "meeting"  # "his visit with X": a meeting
        return meeting_roles(context, draft, token, anchor, persons, reach_of(token, anchor))
    if not draft.host_country:
        return None
    companions = accompanied(context, token.sent)
    visitors = [k for k in visitors_of(context, token, anchor) if context.country(k) != draft.host_country]
    draft.guests = list(dict.fromkeys(visitors + companions))
    if not draft.guests:
        return None
    return draft


def visitors_of(context: _Context, token: Token, anchor: Token) -> list[int]:
    """Who travels: the verb's subject; for 'the visit by X', 'X's visit', 'his visit', the owner of the noun."""
    if token.pos_ == "VERB":
        subject = clause_subject(token)
        return sorted(people_in(context, subject)) if subject is not None else []
    found: set[int] = set()
    for child in token.children:
        if (child.dep_ == "poss" and child.lower_ not in {"his", "her", "their"}) or (
            child.dep_ == "prep" and child.lower_ in {"by", "of"}
        ):
            found |= people_in(context, child)
    if found:
        return sorted(found)
    owner = anchor if anchor is not token else token.head
    for _ in range(4):  # "during his visit to X, Y said": the main clause's subject
        if owner.pos_ in {"VERB", "AUX"}:
            subject = clause_subject(owner)
            if subject is not None and people_in(context, subject):
                return sorted(people_in(context, subject))
        if owner.head is owner:
            break
        owner = owner.head
    return []


def person_objects(context: _Context, verb: Token) -> list[Token]:
    """Name tokens that are the direct objects of a verb, with their conjuncts."""
    found = []
    for child in verb.children:
        if child.dep_ == "dobj" and child.i in context.person_at:
            found.append(child)
            found.extend(c for c in child.conjuncts if c.i in context.person_at)
    return found


def people_in(context: _Context, token: Token) -> set[int]:
    found = {context.person_at[t.i] for t in token.subtree if t.i in context.person_at}
    if not found and token.lower_ in {"he", "she"}:
        key = context.antecedent(token)
        found = {key} if key is not None else set()
    return found


def accompanied(context: _Context, sentence: Span) -> list[int]:
    """People the visitor 'accompanied' or went 'along with' in the same sentence: they travelled too."""
    found = []
    for token in sentence:
        if token.lower_.startswith("accompan"):
            found.extend(
                people_in(context, token)
                - {context.person_at.get(c.i) for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}}
            )
    return [k for k in found if k is not None]


def meeting_roles(
    context: _Context, draft: _Draft, token: Token, anchor: Token, persons: list[int], reach: list[int]
) -> _Draft | None:
    """Guests and hosts: the passive 'X was received by Y' and the host country say who is whose guest."""
    subject = clause_subject(anchor) if anchor.pos_ == "VERB" else None
    passive_guest = subject is not None and subject.dep_ == "nsubjpass" and anchor.lower_.startswith("receiv")
    hosting = anchor.lower_.startswith(("host", "receiv", "welcom")) and not passive_guest
    subject_people = people_in(context, subject) if subject is not None else set()
    draft.counterparts = [k for k in persons if k not in subject_people]
    for key in persons:
        country = context.country(key)
        if passive_guest:
            (draft.guests if key in subject_people else draft.hosts).append(key)
        elif hosting:
            (draft.hosts if key in subject_people else draft.guests).append(key)
        elif draft.host_country and country:
            (draft.hosts if country == draft.host_country else draft.guests).append(key)
        else:
            draft.others.append(key)
    finish_offices(context, draft, reach)
    countries = {c for _, c in draft.offices} | {context.country(k) for k in draft.people if context.country(k)}
    if draft.kind == "meeting" and (len(countries) >= 3 or several_nations(token)):
        draft.kind = "multilateral"
    return draft


def several_nations(token: Token) -> bool:
    """'four-nation meeting', 'trilateral talks'."""
    text = " ".join(t.lower_ for t in token.subtree)
    return bool(re.search(r"\b(three|four|five|six|seven|eight|\d+) ?- ?nations?\b", text)) or bool(
        {t.lower_ for t in token.subtree} & MULTI_MODIFIERS
    )


def split_pairs(draft: _Draft) -> list[_Draft]:
    """'X was received by A, B and C': a meeting of X with each of them, as separate events."""
    if draft.kind != "meeting" or len(draft.counterparts) < 2:
        return [draft]
    side = [k for k in draft.people if k not in draft.counterparts]
    if not side:
        return [draft]
    pairs = []
    for other in draft.counterparts:
        keep = set(side) | {other}
        pairs.append(
            replace(
                draft,
                guests=[k for k in draft.guests if k in keep],
                hosts=[k for k in draft.hosts if k in keep],
                others=[k for k in draft.others if k in keep],
                counterparts=[],
                offices=[],
                evidence=list(draft.evidence),
            )
        )
    return pairs


def finish_offices(context: _Context, draft: _Draft, reach: list[int]) -> _Draft:
    """Participants named only by office: 'the foreign ministers of Iran and Pakistan', 'Chinese counterparts'."""
    doc = context.doc
    for i in reach:
        token = doc[i]
        if not is_office_head(token) or i in context.title_tokens or i in context.person_at:
            continue
        if token.pos_ not in {"NOUN", "PROPN"}:
            continue
        countries = office_countries(token)
        if not countries:
            continue
        office = office_title(token)
        for country in countries:
            draft.offices.append((office, country))
    draft.offices = list(dict.fromkeys(draft.offices))
    """'foreign ministers' -> 'Foreign Minister'; 'heads' -> 'Head': one office, title-cased like a person's role."""


def office_title(token: Token) -> str:
    """'foreign ministers' -> 'Foreign Minister'; 'heads of intelligence agencies' -> 'Head of intelligence agency'."""
    words = [c.text for c in token.lefts if c.dep_ in {"compound", "amod"} and not geo.country_of(c.text)]
    head = token.text
    if head.lower().endswith("s") and token.tag_ in {"NNS", "NNPS"}:
        head = head[:-1]
    words.append(head)
    return " ".join(w if w in {"of", "the", "and", "for"} else w[:1].upper() + w[1:] for w in words)


def office_countries(token: Token) -> list[str]:
    """The countries an office belongs to: 'Iranian counterpart', 'ministers of Iran and Pakistan', 'from Russia'."""
    found: list[str] = []
    for t in token.subtree:
        if t.dep_ == "conj" and t.head.i == token.i:
            break
        country = geo.country_of(t.text) or (geo.country_of(doc_ent_text(t)) if t.ent_type_ == "GPE" else "")
        if country:
            found.append(country)
    return list(dict.fromkeys(found))


def doc_ent_text(token: Token) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


# --- the article ---


def link_trips(context: _Context, drafts: list[_Draft]) -> list[_Draft]:
    """Meetings during a visit link to it, take the visitor along when a delegation met, and inherit its date."""
    visits = [d for d in drafts if d.kind == "visit"]
    gatherings = [d for d in drafts if d.kind == "multilateral"]
    implied: list[_Draft] = []
    for draft in drafts:
        if draft.kind == "visit":
            continue
        gathering = joins_gathering(draft, gatherings, context.doc)
        if gathering is not None and gathering is not draft:
            absorb(gathering, draft)
            draft.kind, draft.guests, draft.hosts, draft.others, draft.offices = "absorbed", [], [], [], []
            continue
        trip = current_trip(draft, visits + implied)
        if trip is not None and draft.kind == "meeting":
            if draft.delegation or (len(draft.people) == 1 and not draft.offices):
                for guest in trip.guests:
                    if guest not in draft.people:
                        draft.guests.append(guest)
            if set(trip.guests) & set(draft.people):
                draft.parent = trip
                draft.place = draft.place or trip.place
                draft.host_country = draft.host_country or trip.host_country
                if not draft.date.known:
                    draft.date = trip.date
                settle_roles(context, draft)
        elif draft.kind == "meeting" and draft.host_country:
            visitor = implied_visit(context, draft)
            if visitor is not None:
                implied.append(visitor)
                draft.parent = visitor
                settle_roles(context, draft)
    return sorted(drafts + implied, key=lambda d: d.trigger)


def joins_gathering(draft: _Draft, gatherings: list[_Draft], doc: Doc) -> _Draft | None:
    """'X joined the talks': a definite reference to the conference the article already reported."""
    trigger = doc[draft.trigger]
    definite = any(c.lower_ in {"the", "these", "that", "this"} for c in trigger.children)
    before = [
        g
        for g in gatherings
        if g.trigger < draft.trigger
        and g.kind == "multilateral"
        and g.sentence.start != draft.sentence.start
        and overlaps(g.date, draft.date)
    ]
    if not definite or not before or trigger.pos_ == "VERB":
        return None
    if len(draft.people) > 1 and trigger.lower_ not in MULTI_NOUNS:
        return None  # "the meeting" of two named people may be a bilateral on the side of it
    return max(before, key=lambda g: g.trigger)


def current_trip(draft: _Draft, visits: list[_Draft]) -> _Draft | None:
    """The visit a meeting belongs to: one whose visitor is in it, or the latest visit before it in the text."""
    compatible = [v for v in visits if not draft.host_country or v.host_country == draft.host_country]
    compatible = [v for v in compatible if v.planned == draft.planned]  # a plan is not part of a past trip
    compatible = [
        v for v in compatible if not (draft.date.known and v.date.known and not overlaps(draft.date, v.date, slack=3))
    ]
    before = [v for v in compatible if v.trigger < draft.trigger]
    if draft.delegation and before:
        return max(before, key=lambda v: v.trigger)
    sharing = [v for v in compatible if set(v.guests) & set(draft.people)]
    if sharing:
        return min(sharing, key=lambda v: abs(v.trigger - draft.trigger))
    if len(draft.people) <= 1:
        return max(before, key=lambda v: v.trigger) if before else None
    return None


def implied_visit(context: _Context, draft: _Draft) -> _Draft | None:
    """A meeting in a country implies a visit by a participant from elsewhere."""
    foreigners = [k for k in draft.people if context.country(k) and context.country(k) != draft.host_country]
    if not foreigners:
        return None
    return _Draft(
        kind="visit",
        trigger=draft.trigger,
        sentence=draft.sentence,
        guests=foreigners,
        place=draft.place,
        host_country=draft.host_country,
        date=draft.date,
        planned=draft.planned,
        confidence=0.5,
        evidence=list(draft.evidence),
    )


def settle_roles(context: _Context, draft: _Draft) -> None:
    """Once the host country is known, people of that country host and the others are guests."""
    if not draft.host_country:
        return
    for key in list(draft.others):
        country = context.country(key)
        if country:
            draft.others.remove(key)
            (draft.hosts if country == draft.host_country else draft.guests).append(key)


def overlaps(a: DateSpan, b: DateSpan, *, slack: int = 0) -> bool:
    if not (a.known and b.known):
        return True
    return (a.start - b.end).days <= slack and (b.start - a.end).days <= slack


def narrower(a: DateSpan, b: DateSpan) -> DateSpan:
    """The more precise of two compatible dates."""
    if not a.known:
        return b
    if not b.known:
        return a
    return a if (a.end - a.start) <= (b.end - b.start) else b


def same_event(a: _Draft, b: _Draft) -> bool:
    if (a.kind == "visit") != (b.kind == "visit"):
        return False
    if a.kind == "visit":
        if a.host_country != b.host_country or not set(a.guests) & set(b.guests):
            return False
        return overlaps(a.date, b.date, slack=2)
    if "multilateral" in {a.kind, b.kind}:
        other = b if a.kind == "multilateral" else a
        if other.kind == "phone_call" or not (a.host_country and a.host_country == b.host_country):
            return False
        if other.kind == "meeting" and len({c for _, c in other.offices}) < 2:
            return False
        shared = set(a.people) & set(b.people) or {c for _, c in a.offices} & {c for _, c in b.offices}
        return bool(shared) and overlaps(a.date, b.date)
    if set(a.people) != set(b.people) or not a.people:
        return False
    if a.host_country and b.host_country and a.host_country != b.host_country:
        return False
    return overlaps(a.date, b.date)


def merge_drafts(drafts: list[_Draft]) -> list[_Draft]:
    """Repeated reports of one event in one article become one event with all its evidence."""
    merged: list[_Draft] = []
    replaced: dict[int, _Draft] = {}
    for draft in drafts:
        target = next((m for m in merged if same_event(m, draft)), None)
        if target is None:
            merged.append(draft)
            continue
        replaced[id(draft)] = target
        absorb(target, draft)
    for draft in merged:
        while draft.parent is not None and id(draft.parent) in replaced:
            draft.parent = replaced[id(draft.parent)]
    return merged


def absorb(target: _Draft, other: _Draft) -> None:
    target.date = narrower(target.date, other.date)
    target.place = target.place or other.place
    target.host_country = target.host_country or other.host_country
    for name in ("guests", "hosts", "others"):
        for key in getattr(other, name):
            if key not in target.people:
                getattr(target, name).append(key)
    target.offices = list(dict.fromkeys(target.offices + other.offices))
    target.evidence = list({(e.start, e.end): e for e in target.evidence + other.evidence}.values())
    target.planned = target.planned and other.planned
    target.confidence = min(0.95, max(target.confidence, other.confidence) + 0.1)
    target.parent = target.parent or other.parent
    if target.kind != other.kind and "multilateral" in {target.kind, other.kind}:
        target.kind = "multilateral"


def complete(draft: _Draft) -> bool:
    """An event needs its sides: a visitor and a destination, or two parties to a meeting or call."""
    if draft.kind == "visit":
        return bool(draft.guests and draft.host_country)
    parties = len(draft.people) + len(draft.offices)
    if draft.kind == "multilateral":
        return parties >= 1 and (len(draft.offices) >= 1 or len(draft.people) >= 2 or bool(draft.host_country))
    return (parties >= 2 and len(draft.people) >= 1) or (draft.kind == "phone_call" and parties >= 2)


def resolve_offices(people: dict[int, PersonRecord], draft: _Draft) -> None:
    """Offices the article names a holder of become that person ('the foreign minister of Iran' and
    'Iranian Foreign Minister X'); an office whose country a named participant already speaks for goes."""
    named_countries = {people[k].country for k in draft.people if k in people and people[k].country}
    kept = []
    for office, country in draft.offices:
        if country in named_countries and draft.kind != "multilateral":
            continue  # "Pakistan Army Chief and Iranian officials": the named Pakistani already stands there
        key = office_key(office)
        holders = [
            p.key for p in people.values() if any(office_key(r.title) == key and r.country == country for r in p.roles)
        ]
        if len(holders) == 1:
            if holders[0] not in draft.people:
                draft.others.append(holders[0])
        else:
            kept.append((office, country))
    draft.offices = kept


def office_key(title: str) -> str:
    """'foreign ministers' and 'Foreign Minister' are one office."""
    words = [w for w in title.lower().split() if w not in {"visiting", "the", "then", "former", "top"}]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


def to_records(drafts: list[_Draft]) -> list[EventRecord]:
    index = {id(d): i for i, d in enumerate(drafts)}
    records = []
    for draft in drafts:
        participants = [ParticipantRecord(person=k, role="guest") for k in draft.guests]
        participants += [ParticipantRecord(person=k, role="host") for k in draft.hosts if k not in draft.guests]
        participants += [ParticipantRecord(person=k) for k in draft.others if k not in draft.guests + draft.hosts]
        participants += [ParticipantRecord(person=None, office=o, country=c) for o, c in draft.offices]
        confidence = draft.confidence + (0.1 if draft.date.known else 0) + (0.05 if draft.place else 0)
        records.append(
            EventRecord(
                kind=draft.kind,
                participants=participants,
                evidence=sorted(draft.evidence, key=lambda e: e.start),
                date=draft.date,
                place=draft.place,
                host_country=draft.host_country,
                planned=draft.planned,
                confidence=round(min(confidence, 0.95), 2),
                parent=index.get(id(draft.parent)) if draft.parent is not None else None,
            )
        )
    return records

"""Events in an article: visits, meetings, calls and conferences with participants, dates and places.

A sentence yields an event when a trigger word (met, visited, talks, summit, telephone conversation)
has officials in its syntactic reach. Participants come from the trigger's clause (subjects are
inherited along conjoined verbs; what someone *said* or *told* is not a meeting). An article-level
pass then links meetings to the visit they happened during, infers the visit a meeting abroad implies,
and merges repeated reports of one event.
"""

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from extraction import geo
from extraction.dates import find_date_expressions, resolve_date
from extraction.drafts import ArticleContext, Draft, is_office_head
from extraction.lexicon import (
    ATTENDANCE_VERBS,
    COLLECTIVE_COUNTERPARTS,
    FACILITATION_VERBS,
    GROUP_SUBJECTS,
    MEET_VERBS,
    NOT_WHEN,
    SPEECH_VERBS,
    VISIT_VERBS,
)
from extraction.records import DateSpan, EventRecord, EvidenceRecord, ParticipantRecord, PersonRecord
from extraction.triggers import (
    CANCELLED,
    anchor_of,
    attended,
    cancels_earlier,
    negated,
    noun_tagged_verb,
    planned,
    reception,
    refused,
    several_nations,
    speculative,
    spoke_with,
    trigger_kind,
)
from extraction.trips import complete, drop_cancelled, link_trips, merge_drafts, resolve_offices, split_pairs


def find_events(doc: Doc, people: list[PersonRecord], *, published: date | None) -> list[EventRecord]:
    """Every event the article reports, merged within the article and linked to the visits they belong to."""
    context = ArticleContext(doc, people)
    drafts: list[Draft] = []
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


def sentence_events(context: ArticleContext, sentence: Span, published: date | None) -> list[Draft]:
    drafts = []
    seen_anchors: set[tuple[int, bool, int]] = set()
    for token in sentence:
        if noun_tagged_verb(token):
            token.pos_, token.tag_ = "NOUN", "NNS"
        kind = trigger_kind(token)
        if kind is None and context.mentions_phone and spoke_with_someone(context, token):
            kind = "phone_call"  # "spoke with X" in an article that says they spoke by phone
        if kind is not None and negated(token):
            if cancels_earlier(token):
                drafts.append(Draft(kind=CANCELLED + kind, trigger=token.i, sentence=sentence))
            continue
        if kind is None or (kind == "meeting" and reception(token)):
            continue
        if speculative(token, anchor_of(token)) or refused(token, anchor_of(token)):
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


def addressing(token: Token) -> Token | None:
    """'X told the conference', 'X told ministers meeting in Y', 'X addressed the summit': the verb whose subject
    spoke to the gathering, and so was at it."""
    gathering = token.head if token.dep_ == "acl" else token
    if gathering.dep_ in {"dobj", "dative"} and gathering.head.lower_ in ATTENDANCE_VERBS:
        return gathering.head
    return None


def spoke_with_someone(context: ArticleContext, token: Token) -> bool:
    """'spoke with Minister X', not 'spoke to reporters' or 'spoke to Wikinews'."""
    listeners = [t for obj in spoke_with(token) for t in obj.subtree]
    return any(t.i in context.person_at or is_office_head(t) for t in listeners)


def describe_trigger(context: ArticleContext, token: Token, kind: str, published: date | None) -> Draft | None:
    anchor = anchor_of(token)
    if anchor.lower_ in FACILITATION_VERBS:
        anchor = token  # "X helped facilitate a meeting between Y and Z": X is no participant
    if kind == "multilateral":
        anchor = addressing(token) or anchor
    sentence = token.sent
    reach = reach_of(token, anchor)
    persons = [k for k in dict.fromkeys(context.person_at.get(i) for i in reach) if k is not None]
    subject = clause_subject(anchor) if anchor.pos_ == "VERB" else None
    if subject is not None and subject.lower_ in {"he", "she"}:
        key = context.antecedent(subject)
        if key is not None and key not in persons:
            persons.insert(0, key)
    draft = Draft(kind=kind, trigger=token.i, sentence=sentence)
    draft.evidence.append(EvidenceRecord(sentence.text.strip(), sentence.start_char, sentence.end_char))
    draft.planned = planned(token, anchor)
    draft.delegation = has_delegation(token, anchor)
    draft.attended = kind == "multilateral" and attended(token, anchor)
    draft.place, draft.host_country = place_of(context, token, anchor, reach)
    draft.date = date_of(token, anchor, published, ahead=draft.planned)
    if draft.date.known and published and draft.date.start > published:
        draft.planned = True
    if token.pos_ != "VERB" and not persons:
        return None if kind in {"visit", "meeting"} and not draft.delegation else finish_offices(context, draft, reach)
    if kind == "meeting" and collective_counterpart(context, token, anchor):
        return None
    if kind == "visit":
        return visit_roles(context, draft, token, anchor, persons)
    return meeting_roles(context, draft, token, anchor, persons, reach)


def collective_counterpart(context: ArticleContext, token: Token, anchor: Token) -> bool:
    """'met more than 20 businessmen', 'held talks with officials', 'met their counterparts': the other side is a
    collective, so there is no meeting between identified officials (whoever else the sentence names)."""
    sides = [c for c in anchor.children if c.dep_ == "dobj" and anchor.lower_ in MEET_VERBS]
    for word in {token, anchor}:
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                sides += [c for c in prep.children if c.dep_ == "pobj"]
    sides += [conj for side in sides for conj in side.conjuncts]
    if not sides:
        return False
    return all(
        side.lower_ in COLLECTIVE_COUNTERPARTS
        and not office_countries(side)
        and not any(t.i in context.person_at for t in side.subtree)
        for side in sides
    )


def reach_of(token: Token, anchor: Token) -> list[int]:
    """Token indices in the trigger's clause: its own phrase, the anchor's arguments, an inherited subject."""
    skip_deps = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"}
    indices: set[int] = {token.i}
    for child in token.children:
        if child.dep_ in skip_deps or child.dep_ in {"conj", "cc"}:
            continue
        indices.update(own_phrase(child))
    if anchor is not token:
        for child in anchor.children:
            if child.dep_ in skip_deps | {"xcomp"} or (child.dep_ == "conj" and child.pos_ == "VERB"):
                continue
            indices.update(own_phrase(child))
    subject = clause_subject(anchor)
    if subject is not None:
        indices.update(own_phrase(subject))
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


def own_phrase(token: Token) -> list[int]:
    """A phrase without the relative clauses inside it: in 'talks with X, who came from a meeting with Y', Y
    took no part in the talks."""
    nested = {t.i for c in token.subtree if c.dep_ == "relcl" and c is not token for t in c.subtree}
    return [t.i for t in token.subtree if t.i not in nested]


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
        elif verb.pos_ == "ADP" and verb.dep_ == "prep" and verb.head is not verb:
            verb = verb.head  # "While in X to attend Y, Z said": Z is the one in X
        else:
            return None
    return None


def has_delegation(token: Token, anchor: Token) -> bool:
    """'officials met X', 'They also met X': a side named as a group, whose leader the trip context supplies."""
    subject = clause_subject(anchor) if anchor.pos_ == "VERB" else None
    candidates = [subject] if subject is not None else []
    candidates += [c for c in token.children if c.dep_ == "poss"]
    return any(c is not None and c.lower_ in GROUP_SUBJECTS for c in candidates)


def place_of(context: ArticleContext, token: Token, anchor: Token, reach: list[int]) -> tuple[str, str]:
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


PAST_WORDS = re.compile(r"\b(last|ago|yesterday|earlier|previous|past)\b", re.IGNORECASE)


def prospective_date(text: str, published: date | None) -> DateSpan | None:
    """The first reading of a year-less date on or after publication: next Friday, the coming June."""
    if published is None or re.search(r"\b\d{4}\b", text) or PAST_WORDS.search(text):
        return None  # "in 2019", "last month": the text fixes it, even in a sentence about a plan
    for days in (6, 364):
        try:
            anchor = published + timedelta(days=days)
        except OverflowError:
            return None
        span = resolve_date(text, published=anchor)
        if span is not None and span.known and span.start >= published:
            return span
    return None


def visit_roles(context: ArticleContext, draft: Draft, token: Token, anchor: Token, persons: list[int]) -> Draft | None:
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


def visitors_of(context: ArticleContext, token: Token, anchor: Token) -> list[int]:
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


def person_objects(context: ArticleContext, verb: Token) -> list[Token]:
    """Name tokens that are the direct objects of a verb, with their conjuncts."""
    found = []
    for child in verb.children:
        if child.dep_ == "dobj" and child.i in context.person_at:
            found.append(child)
            found.extend(c for c in child.conjuncts if c.i in context.person_at)
    return found


def people_in(context: ArticleContext, token: Token) -> set[int]:
    found = {context.person_at[t.i] for t in token.subtree if t.i in context.person_at}
    if not found and token.lower_ in {"he", "she"}:
        key = context.antecedent(token)
        found = {key} if key is not None else set()
    return found


def accompanied(context: ArticleContext, sentence: Span) -> list[int]:
    """People the visitor 'accompanied' or went 'along with' in the same sentence: they travelled too."""
    found = []
    for token in sentence:
        if token.lower_.startswith("accompan"):
            found.extend(
                people_in(context, token)
                - {context.person_at.get(c.i) for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}}
            )
    return [k for k in found if k is not None]


def receives_someone(context: ArticleContext, verb: Token) -> bool:
    """'received X', 'hosted the minister': a host verb whose object is a person or an office holder."""
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"}:
            heads = [child, *child.conjuncts]
            if any(h.i in context.person_at or is_office_head(h) for h in heads):
                return True
            if child.lower_ in {"him", "her", "them", "delegation", "delegations", "counterpart"}:
                return True
    return False


def meeting_roles(
    context: ArticleContext, draft: Draft, token: Token, anchor: Token, persons: list[int], reach: list[int]
) -> Draft | None:
    """Guests and hosts: the passive 'X was received by Y' and the host country say who is whose guest."""
    subject = clause_subject(anchor) if anchor.pos_ == "VERB" else None
    passive_guest = subject is not None and subject.dep_ == "nsubjpass" and anchor.lower_.startswith("receiv")
    hosting = anchor.lower_.startswith(("host", "receiv", "welcom")) and not passive_guest
    if hosting and token is anchor and not receives_someone(context, anchor):
        return None  # "received 3 percent of the vote", "welcomed the cooperation", "hosts a web series"
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


def finish_offices(context: ArticleContext, draft: Draft, reach: list[int]) -> Draft:
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
    return draft


def office_title(token: Token) -> str:
    """'foreign ministers' -> 'Foreign Minister': one office, title-cased like a person's role."""
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


def to_records(drafts: list[Draft]) -> list[EventRecord]:
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

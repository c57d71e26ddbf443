"""Events in an article: visits, meetings, calls and conferences with participants, dates and places.

A sentence yields an event when a trigger word (met, visited, talks, summit, telephone conversation)
has officials in its syntactic reach. Participants come from the trigger's clause (subjects are
inherited along conjoined verbs; what someone *said* or *told* is not a meeting). An article-level
pass then links meetings to the visit they happened during, infers the visit a meeting abroad implies,
and merges repeated reports of one event.
"""

import itertools
import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from extraction import confidence, geo
from extraction.dates import (
    WRITTEN_IN_THE_PAST,
    anaphoric_offset,
    find_date_expressions,
    news_peg,
    resolve_date,
    resolve_weekday,
)
from extraction.drafts import ArticleContext, Cancellation, Draft, is_office_head
from extraction.lexicon import (
    ATTENDANCE_VERBS,
    ATTENDED_WORDS,
    ATTENDEE_NOUNS,
    ATTENDING_WORDS,
    BUSINESS_NOUNS,
    CARRY_VERBS,
    COLLECTIVE_COUNTERPARTS,
    COUNTRY_LEADERS,
    COUNTRY_NOUNS,
    DISCUSS_VERBS,
    EVENT_PREDICATES,
    FACILITATION_VERBS,
    FIRST_PERSON,
    GROUP_SUBJECTS,
    LEAVE_VERBS,
    MEET_VERBS,
    MOTION_VERBS,
    NOT_WHEN,
    OFFICE_HEADS,
    ORIGIN_VERBS,
    PAIR_NOUNS,
    RANK_WORDS,
    SEND_VERBS,
    SPEECH_VERBS,
    VISIT_NOUNS,
    VISIT_VERBS,
)
from extraction.people import bare as bare_word
from extraction.records import DateSpan, EventKind, EventRecord, EvidenceRecord, ParticipantRecord, PersonRecord, Side
from extraction.spans import entities_in, entities_touching
from extraction.triggers import (
    anchor_of,
    attended,
    cancels_earlier,
    counted_as_two,
    is_caption,
    ministers_meeting,
    negated,
    noun_tagged_verb,
    planned,
    reception,
    refused,
    several_nations,
    speculative,
    spoke_with,
    told_as_background,
    told_as_ongoing,
    trigger_kind,
)
from extraction.trips import (
    complete,
    date_plans_of_trips,
    drop_cancelled,
    link_trips,
    merge_drafts,
    resolve_offices,
    split_pairs,
)


def find_events(doc: Doc, people: list[PersonRecord], *, published: date | None) -> list[EventRecord]:
    """Every event the article reports, merged within the article and linked to the visits they belong to."""
    context = ArticleContext(doc, people, published)
    drafts: list[Draft] = []
    context.weekday_anchor = lead_date(doc, published) if published else text_anchor(doc)
    for sentence in doc.sents:
        found = sentence_events(context, sentence, published)
        for draft in found:
            pair_from_before(context, draft, drafts)
        if not any(d.people for d in found):
            attendees_told_after(context, sentence, drafts)
        drafts.extend(found)
    dateline = dateline_place(doc)
    for draft in drafts:
        lead = draft.sentence.start == first_sentence(doc)
        if dateline and lead and not draft.planned and not draft.place and not draft.host_country:
            draft.place, draft.host_country = dateline, context.place_country(geo.country_of(dateline))
    drafts = drop_cancelled(drafts, context.cancellations)
    drafts = link_trips(context, drafts)
    drafts = [pair for draft in drafts for pair in split_pairs(draft)]
    for draft in drafts:
        resolve_offices(context.people, draft)
    drafts = merge_drafts(drafts)
    drafts = [d for d in drafts if not d.absorbed and complete(d) and among_officials(context, d)]
    news_day = lead_day(context, published)
    wire_today = published is not None and filed_today(doc, published)
    for draft in drafts:
        date_as_news(doc, draft, published)
        if news_day is not None and published is not None and sums_up(news_day, draft, published):
            draft.date = news_day[0]
        if wire_today and published is not None and leads_as_news(draft, published):
            draft.date = DateSpan(published, published, "day")
    date_plans_of_trips(drafts)
    return to_records(drafts)


def pair_from_before(context: ArticleContext, draft: Draft, before: list[Draft]) -> None:
    """'The two leaders also spoke by phone': the two people of the event told just before."""
    if len(draft.people) >= 2 or draft.kind == EventKind.VISIT:
        return
    token = context.doc[draft.trigger]
    if not any(names_a_pair(context.doc[i]) for i in reach_of(token, anchor_of(token))):
        return
    last = next((d for d in reversed(before) if len(d.people) == 2 and d.kind != EventKind.VISIT), None)
    if last is not None:
        draft.others.extend(k for k in last.people if k not in draft.people)


def attendees_told_after(context: ArticleContext, sentence: Span, before: list[Draft]) -> None:
    """'Ministers of the Group of Three met in Lima. The ministers, X of A and Y of B, agreed ...': a sentence
    right after a gathering that lists who was there names its participants."""
    if sentence.start == 0:
        return
    previous = context.doc[sentence.start - 1].sent
    gathering = next((d for d in reversed(before) if d.kind == EventKind.MULTILATERAL), None)
    if gathering is None or not any(e.end == previous.end_char for e in gathering.evidence):
        return
    listed = listed_attendees(context, sentence)
    if listed:
        gathering.others.extend(k for k in listed if k not in gathering.people)
        gathering.attended = True
        gathering.evidence.append(EvidenceRecord(sentence.text.strip(), sentence.start_char, sentence.end_char))


def listed_attendees(context: ArticleContext, sentence: Span) -> list[int]:
    """The people a sentence lists as present, read from its first words (such a sentence may not be parsed):
    'Also attending were X and Y', 'Participants included X', 'The ministers, X of A and Y of B, agreed ...'."""
    words = [t for t in sentence if not t.is_space]
    opening = [t.lower_ for t in words[:4]]
    named = [t.i for t in words if t.i in context.person_at]
    if set(opening) & ATTENDING_WORDS:
        return list(dict.fromkeys(context.person_at[i] for i in named))
    closing = [t.lower_ for t in words if not t.is_punct][-1:]
    if closing and closing[0] in ATTENDED_WORDS:  # "X and Y also attended."
        return list(dict.fromkeys(context.person_at[i] for i in named))
    for at, (word, following) in enumerate(itertools.pairwise(opening)):
        if word not in ATTENDEE_NOUNS or not (word.endswith("s") or word == "those"):
            continue
        if following in {"included", "include", "including", "were"}:
            return list(dict.fromkeys(context.person_at[i] for i in named))
        if following == ",":  # an apposition, up to the comma before the verb
            doc = sentence.doc
            ends = (t.i for t in words[at + 2 :] if t.text == "," and t.i + 1 < len(doc) and doc[t.i + 1].is_lower)
            end = next(ends, words[-1].i)
            return list(dict.fromkeys(context.person_at[i] for i in named if i < end))
    return []


def names_a_pair(token: Token) -> bool:
    """'the two leaders', 'both presidents'."""
    return token.lower_ in PAIR_NOUNS and counted_as_two(token)


def text_anchor(doc: Doc) -> date | None:
    """Without a publication date, the latest full date the text writes (its dateline, a caption) anchors
    weekdays; other relative dates ('last year') stay unknown, since the text may be older than the article."""
    days = [resolve_date(text, published=None) for _, _, text in find_date_expressions(doc.text)]
    full = [d.end for d in days if d is not None and d.precision == "day" and d.start == d.end]
    return max(full, default=None)


def date_as_news(doc: Doc, draft: Draft, published: date | None) -> None:
    """An undated event the article reports as its news happened just before publication, or on its day when
    told as going on; plans and events told as context keep no date."""
    if draft.date is not None or draft.planned or published is None:
        return
    token = doc[draft.trigger]
    if told_as_ongoing(token, anchor_of(token)):
        draft.date = DateSpan(published, published, "day")
    elif not told_as_background(token, anchor_of(token)) and not only_in_captions(draft):
        draft.date = news_peg(published)


DATELINE = re.compile(r"\s*([A-Z][A-Za-z .'-]{2,30}?)\s*(?:,|\(\w+\))[^\n]{0,30}?\s[-\u2013\u2014]\s")


def dateline_place(doc: Doc) -> str:
    """The city of a wire dateline ('BERNE, March 4 - ...', 'Paris (Reuters) -'), where the lead event took place."""
    match = DATELINE.match(opening(doc))
    if not match:
        return ""
    city = match.group(1).strip().title()
    return city if geo.city_country(city) else ""


def dateline_end(doc: Doc) -> int:
    match = DATELINE.match(opening(doc))
    return match.end() if match and dateline_place(doc) else 0


def opening(doc: Doc) -> str:
    """The first 60 characters: Doc.text joins the whole article, and datelines are asked for once per event."""
    return doc[:60].text[:60]


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
            kind = EventKind.PHONE_CALL  # "spoke with X" in an article that says they spoke by phone
        if kind is not None and negated(token):
            if cancels_earlier(token):
                context.cancellations.append(Cancellation(kind=kind, trigger=token.i))
            continue
        if kind is None or (kind == EventKind.MEETING and reception(token)):
            continue
        if speculative(token, anchor_of(token)) or refused(token, anchor_of(token)):
            continue
        draft = describe_trigger(context, token, kind, published)
        if draft is None:
            continue
        anchor = (anchor_of(token).i, draft.kind == EventKind.VISIT, token.i if token.pos_ != "VERB" else -1)
        if anchor in seen_anchors:
            continue
        seen_anchors.add(anchor)
        drafts.append(draft)
        if draft.kind == EventKind.VISIT:
            drafts.extend(other_legs(context, draft, token))
            drafts.extend(gapped_travellers(context, draft, token, published))
    return drafts


def other_legs(context: ArticleContext, draft: Draft, token: Token) -> list[Draft]:
    """One more visit for each further country the trigger sends the traveller to ('visited Chad and Niger')."""
    legs = []
    for place, country in destinations(context, token, reach_of(token, anchor_of(token)))[1:]:
        guests = [k for k in draft.guests if context.country(k) != country]
        if guests:
            legs.append(replace(draft, place=place, host_country=country, guests=guests, evidence=list(draft.evidence)))
    return legs


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
    if kind == EventKind.MULTILATERAL:
        anchor = addressing(token) or anchor
    sentence = token.sent
    reach = reach_of(token, anchor)
    persons = [k for k in dict.fromkeys(context.person_at.get(i) for i in reach) if k is not None]
    if token.pos_ == "ADP" and token.head.i in context.person_at:  # "X, in Paris for talks, said": X is there
        persons.insert(0, context.person_at[token.head.i])
    subject = clause_subject(anchor) if anchor.pos_ == "VERB" else None
    if token.lower_ in DISCUSS_VERBS:
        persons = discussion_sides(context, token, subject, persons)
    if subject is not None and subject.lower_ in {"he", "she"} | first_person(token, anchor):
        key = quoted_speaker(context, subject) if subject.lower_ in FIRST_PERSON else context.antecedent(subject)
        if key is not None and key not in persons:
            persons.insert(0, key)
    there = relative_attendees(context, token) if kind == EventKind.MULTILATERAL else []
    persons += [k for k in there if k not in persons]
    if kind == EventKind.PHONE_CALL and len(persons) == 1:
        persons += [k for k in reporting_side(context, anchor) if k not in persons]
    draft = Draft(kind=kind, trigger=token.i, sentence=sentence)
    draft.evidence.append(EvidenceRecord(sentence.text.strip(), sentence.start_char, sentence.end_char))
    draft.planned = planned(token, anchor)
    draft.delegation = has_delegation(token, anchor)
    draft.attended = kind == EventKind.MULTILATERAL and (attended(token, anchor) or bool(there))
    if kind == EventKind.MULTILATERAL and persons and anchor.pos_ == "VERB":
        # "EU leaders, including X, are holding talks": X is one of the office holders gathered
        draft.attended = draft.attended or ministers_meeting(anchor, held=anchor is not token)
    draft.place, draft.host_country = place_of(context, token, anchor, reach)
    draft.date = date_of(token, anchor, published, ahead=draft.planned, weekday_anchor=context.weekday_anchor)
    draft.date = draft.date or date_told_before(token, kind, published, ahead=draft.planned, context=context)
    if draft.date is not None and published and draft.date.start > published:
        draft.planned = True
    if token.pos_ != "VERB" and not persons and not any(names_a_pair(context.doc[i]) for i in reach):
        if kind == EventKind.VISIT and leaving_verb(token) is not None:
            return visit_roles(context, draft, token, anchor, persons)  # the one leaving visited
        return (
            None
            if kind in {EventKind.VISIT, EventKind.MEETING} and not draft.delegation
            else finish_offices(context, draft, reach)
        )
    if kind == EventKind.MEETING and collective_counterpart(context, token, anchor):
        return None
    if kind == EventKind.VISIT:
        return visit_roles(context, draft, token, anchor, persons)
    return meeting_roles(context, draft, token, anchor, persons, reach)


def relative_attendees(context: ArticleContext, token: Token) -> list[int]:
    """'a summit where Presidents X and Y signed the accord', 'the conference, which X chaired': a relative clause
    on a gathering that puts its subject there (or names who attended or chaired it)."""
    found: list[int] = []
    for clause in token.children:
        if clause.dep_ != "relcl" or clause.pos_ not in {"VERB", "AUX"}:
            continue
        opening = [t.lower_ for t in context.doc[clause.left_edge.i : clause.left_edge.i + 2]]
        if clause.lower_ in ATTENDANCE_VERBS:
            found += [context.person_at[i] for i in own_phrase(clause) if i in context.person_at]
        elif opening[:1] == ["where"] or (opening[1:] == ["which"] and opening[0] in {"at", "during"}):
            subject = clause_subject(clause)
            found += sorted(people_in(context, subject)) if subject is not None and subject is not token else []
    return list(dict.fromkeys(found))


def discussion_sides(context: ArticleContext, verb: Token, subject: Token | None, persons: list[int]) -> list[int]:
    """'X discussed trade with Y': only the subject and whoever the 'with' phrase names talked; people the topic
    names ('discussed his role on Z's ticket') did not. A word as loose as 'discussed' needs someone known by an
    office or a country ('discussed it with Wikinews' is an interview)."""
    sides = people_in(context, subject) if subject is not None else set()
    for word in (verb, *(o for o in verb.children if o.dep_ == "dobj")):
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "with"):
            sides |= people_in(context, prep)
    found = [k for k in persons if k in sides]
    return found if any(context.people[k].roles or context.country(k) for k in found) else []


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
        if reported_in_relative(verb):
            return verb.head.head  # "X, whom he said spoke with Y": X spoke
        # "ABIDJAN, June 29 - X paid a visit": a dateline the parser took for a second subject is farther away
        for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
            if child.dep_ in {"nsubj", "nsubjpass"}:
                if child.lower_ in {"who", "that", "which"} and verb.dep_ == "relcl":
                    antecedent = verb.head  # "X was the last chief who visited": X
                    if antecedent.dep_ == "attr":
                        return clause_subject(antecedent.head) or antecedent
                    return antecedent
                return child
        sent = [c for c in verb.head.children if c.dep_ == "dobj"] if verb.head.lower_ in SEND_VERBS else []
        if verb.dep_ in {"xcomp", "advcl"} and sent and any(c.tag_ == "TO" for c in verb.children):
            return sent[0]  # "sent X to join the talks": X joined them
        if verb.dep_ in {"conj", "xcomp", "advcl", "acomp", "pcomp"} and verb.head is not verb:
            verb = verb.head  # "X said after hosting the talks": X hosted them
        elif verb.pos_ == "ADP" and verb.dep_ == "prep" and verb.head is not verb:
            verb = verb.head  # "While in X to attend Y, Z said": Z is the one in X
        else:
            return None
    return None


def reported_in_relative(verb: Token) -> bool:
    """'X, whom he said spoke with Y', 'X, who officials said met Y': the clause reported by a speech verb in a
    relative clause, whose relative pronoun (wherever the parser hangs it) is the reported clause's subject."""
    speech = verb.head
    if verb.dep_ != "ccomp" or speech.dep_ != "relcl" or speech.lower_ not in SPEECH_VERBS:
        return False
    relative = [c for t in (verb, speech) for c in t.children if c.lower_ in {"who", "whom", "that"}]
    speaker = [c for c in speech.children if c.dep_ == "nsubj" and c.lower_ not in {"who", "whom", "that"}]
    return bool(relative and speaker)


def reporting_side(context: ArticleContext, anchor: Token) -> list[int]:
    """'X said Y said in a telephone conversation that ...': Y said it to X, so X is the call's other side."""
    if anchor.lower_ not in SPEECH_VERBS or anchor.dep_ != "ccomp" or anchor.head.lower_ not in SPEECH_VERBS:
        return []
    subject = next((c for c in anchor.head.children if c.dep_ == "nsubj"), None)
    return sorted(people_in(context, subject)) if subject is not None else []


def has_delegation(token: Token, anchor: Token) -> bool:
    """'officials met X', 'They also met X': a side named as a group, whose leader the trip context supplies."""
    subject = clause_subject(anchor) if anchor.pos_ == "VERB" else None
    candidates = [subject] if subject is not None else []
    candidates += [c for c in token.children if c.dep_ == "poss"]
    return any(c is not None and c.lower_ in GROUP_SUBJECTS for c in candidates)


def place_of(context: ArticleContext, token: Token, anchor: Token, reach: list[int]) -> tuple[str, str]:
    """The city or venue and its country: the nearest place the trigger's clause names, by where it points."""
    places = destinations(context, token, reach)
    return places[0] if places else ("", "")


def destinations(context: ArticleContext, token: Token, reach: list[int]) -> list[tuple[str, str]]:
    """The place the clause points to first, then those coordinated with it in other countries ('a tour of
    Kenya, Uganda and Rwanda'): a tour of three countries is three visits."""
    doc = context.doc
    found: list[tuple[int, int, int, str, str]] = []  # score, coordination, position, place, country
    relative = relative_destination(token)
    sentence = token.sent  # the clause's places are in its sentence: no need to build every entity of the article
    for ent in [*entities_touching(doc, sentence.start, sentence.end), *table_places(doc, reach)]:
        here = relative is not None and ent.start <= relative.i < ent.end
        if ent.label_ not in {"GPE", "FAC", "LOC", "ORG"} or (ent.start not in reach and not here):
            continue
        if any(i in context.person_at for i in range(ent.start, ent.end)):
            continue
        root = ent.root
        while root.dep_ in {"conj", "appos"} and root.head is not root:
            root = root.head
        if root.dep_ == "poss" and ent.label_ == "GPE" and root.head.dep_ in {"dobj", "pobj"}:
            root = root.head  # "visited Chile's largest port", "a trip to Chile's north": the country's place
        prep = root.head.lower_ if root.dep_ == "pobj" else ""
        pointed = prep in {"to", "in", "at", "into", "inside"} or toured(root, token) or here
        own_modifier = root.head.i == token.i and root.dep_ in {"compound", "nmod", "amod"}
        visited = root.dep_ == "dobj" and root.head.lower_ in VISIT_VERBS
        hosted = root.dep_ == "nsubj" and root.head.lower_.startswith("host")
        if not (pointed or own_modifier or visited or hosted):
            continue
        text = ent.text.strip()
        for prefix in ("the ", "The "):
            if text.startswith(prefix):
                text = text[len(prefix) :]
        city = (text if geo.city_country(text) else "") or capital_named(ent)
        city = city or (city_within(text) if ent.label_ in {"FAC", "LOC", "ORG"} else "")
        country = geo.country_of(city or text) or geo.ORGANIZATION_COUNTRY.get(text, "")
        if ent.label_ == "ORG" and not country and prep not in {"at", "to", "in"}:
            continue
        if ent.label_ == "GPE" and not country:
            continue
        if ent.label_ == "ORG" and prep != "at":
            continue
        place = (city or text) if (city or ent.label_ in {"FAC", "ORG"}) and not hosted else ""
        rank = (0 if pointed or own_modifier or visited else 1, abs(ent.root.i - token.i))
        found.append((rank[0] * 1000 + rank[1], root.i, ent.start, place, context.place_country(country)))
    if not found:
        return []
    best = min(found)
    places = [(best[3], best[4])]
    for _, group, _, place, country in sorted(found, key=lambda f: f[2]):
        if group == best[1] and country not in {c for _, c in places}:
            places.append((place, country))
    return places


def relative_destination(verb: Token) -> Token | None:
    """'Norway, which he visited', 'the airport, where he was arriving': the noun the relative clause is on."""
    if verb.dep_ != "relcl" or verb.pos_ != "VERB" or verb.head is verb:
        return None
    for child in verb.children:
        if (child.dep_ == "dobj" and child.lower_ in {"which", "that"}) or (
            child.dep_ == "advmod" and child.lower_ == "where"
        ):
            return verb.head
    return None


def city_within(name: str) -> str:
    """'Baghdad International Airport', 'Tehran University': the city a venue's name starts with."""
    words = name.split()
    for length in (2, 1):
        if len(words) > length and geo.city_country(" ".join(words[:length])):
            return " ".join(words[:length])
    return ""


def toured(root: Token, trigger: Token) -> bool:
    """'a tour of Chile', 'the visit of Kenya': a place after 'of' on a visit noun is where the visit went."""
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == trigger.i and is_visit_noun(trigger)


def is_visit_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and token.lower_ in VISIT_NOUNS


def capital_named(ent: Span) -> str:
    """'the Chilean capital', 'the capital of Chile': the capital city of the country the phrase names."""
    words = [t.text for t in ent if t.lower_ not in {"the", "capital", "of", "'s"}]
    if ent[-1].lower_ != "capital" and not (len(ent) > 2 and ent[0].lower_ == "capital"):
        return ""
    return geo.capital_of(geo.country_of(" ".join(words))) if words else ""


def table_places(doc: Doc, reach: list[int]) -> list[Span]:
    """Cities and countries of the geography tables that the NER did not tag as places ('visited Tunis')."""
    found = []
    for i in reach:
        if doc[i].lower_ == "capital":
            found.extend(capital_phrase(doc[i]))
        if doc[i].ent_type_ in {"GPE", "LOC", "FAC"} or not doc[i].text[:1].isupper():
            continue
        for length in (3, 2, 1):
            span = doc[i : i + length]
            if len(span) == length and (geo.city_country(span.text) or geo.country_name(span.text)):
                found.append(Span(doc, i, i + length, label="GPE"))
                break
    return found


def capital_phrase(capital: Token) -> list[Span]:
    """'the Kenyan capital', "Kenya's capital", 'the capital of Kenya' as one place, when a country is named."""
    doc = capital.doc
    for child in capital.children:
        if child.dep_ in {"amod", "compound", "poss"} and geo.country_of(child.text):
            return [Span(doc, child.i, capital.i + 1, label="GPE")]
        if child.dep_ == "prep" and child.lower_ == "of":
            country = [c for c in child.children if c.dep_ == "pobj" and geo.country_of(c.text)]
            if country:
                return [Span(doc, capital.i, country[0].i + 1, label="GPE")]
    return []


SUBORDINATE_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp"})


def date_of(
    token: Token,
    anchor: Token,
    published: date | None,
    *,
    ahead: bool = False,
    weekday_anchor: date | None = None,
    own_clause: bool = False,
) -> DateSpan | None:
    """The date the sentence gives the event: the nearest date expression, preferring the trigger's clause
    (`own_clause`: only there).

    For a planned event ('will visit in June'), a date without a year lies ahead of publication, not behind.
    """
    sentence = token.sent
    candidates: list[tuple[int, DateSpan]] = []
    seen: set[tuple[int, int]] = set()
    expressions = [(e.start_char, e.end_char, e.text) for e in entities_in(sentence) if e.label_ in {"DATE", "TIME"}]
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
        before = "" if ahead and before == "for" else before  # "scheduled for Friday" says when, not how long
        if before in NOT_WHEN or span[0].lower_ in NOT_WHEN - {"last"} or dates_another_clause(span, token):
            continue
        if dates_departure(span, token, anchor):
            continue
        resolved = prospective_date(text, published) if ahead else None
        resolved = resolved or resolve_date(text, published=published) or anaphoric_date(span, published, ahead=ahead)
        resolved = recounted_weekday(text, resolved, weekday_anchor, published=published, ahead=ahead)
        if resolved is None:
            continue
        seen.add((start, end))
        in_clause = span.root.i in {t.i for t in anchor.subtree} or span.root.i in {t.i for t in token.subtree}
        if own_clause and not in_clause:
            continue
        distance = min(abs(span.start - token.i), abs(span.end - 1 - token.i))
        candidates.append(((0 if in_clause else 100) + distance, resolved))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


def dates_another_clause(span: Span, token: Token) -> bool:
    """'X met Y, who had talks with Z yesterday': a date inside a relative or adverbial clause that holds another
    trigger, and not this one, dates that other event; a clause that says since when or how something came to be
    ('since he took office in June', 'the group, formed in 1983') dates no event."""
    t = span.root
    while t.head.i != t.i:
        if t.dep_ in SUBORDINATE_CLAUSES:
            if t.left_edge.i <= token.i <= t.right_edge.i:
                return False
            if about_something_else(t):
                return True
            return any(w.i != token.i and trigger_kind(w) is not None for w in t.subtree)
        t = t.head
    return False


def dates_departure(span: Span, token: Token, anchor: Token) -> bool:
    """'X sets off on Friday for the summit': the day of leaving is the journey's, not the gathering's."""
    verb = span.root.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.lower_ in LEAVE_VERBS and verb not in (token, anchor) and trigger_kind(token) != EventKind.VISIT


def about_something_else(clause: Token) -> bool:
    """'since he assumed power', 'until the election', 'formed in 1983', 'who was appointed in May': a clause
    that says since when or how someone or something came to be, not when an event took place."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return bool(marks & NOT_WHEN) or clause.lower_ in ORIGIN_VERBS


def anaphoric_date(span: Span, published: date | None, *, ahead: bool, sentences: int = 3) -> DateSpan | None:
    """'That day', 'the next day': counted from the latest single day the text named before, a few sentences
    back at most (not the dateline's, which says when the story was filed), read ahead for a plan."""
    offset = anaphoric_offset(span.text)
    if offset is None:
        return None
    doc, end = span.doc, span.start
    for _ in range(sentences):
        if end <= 0:
            break
        sentence = doc[end - 1].sent
        for text in reversed(day_expressions(sentence, doc[end - 1].idx + len(doc[end - 1]))):
            day = (prospective_date(text, published) if ahead else None) or resolve_date(text, published=published)
            if day is not None and day.start == day.end:
                return DateSpan(day.start + timedelta(days=offset), day.end + timedelta(days=offset), "day")
        end = sentence.start
    return None


def day_expressions(sentence: Span, before: int) -> list[str]:
    """The date expressions of a sentence that end before a character offset, in reading order."""
    found = [(e.start_char, e.end_char, e.text) for e in entities_in(sentence) if e.label_ == "DATE"]
    found += [(sentence.start_char + s, sentence.start_char + e, t) for s, e, t in find_date_expressions(sentence.text)]
    first = max(sentence.start_char, dateline_end(sentence.doc))
    return [t for s, e, t in sorted(found, key=lambda x: x[1]) if first <= s and e <= before]


def prospective_date(text: str, published: date | None) -> DateSpan | None:
    """The first reading of a year-less date on or after publication: next Friday, the coming June.

    What already reaches publication as written ("tomorrow", "next week", "this month") keeps its reading:
    only a bare weekday or month that would lie behind it moves forward.
    """
    if published is None or WRITTEN_IN_THE_PAST.search(text):
        return None  # "in 2019", "last month": the text fixes it, even in a sentence about a plan
    span = resolve_date(text, published=published)
    if span is not None and span.end >= published:
        return span
    for days in (6, 364):
        try:
            anchor = published + timedelta(days=days)
        except OverflowError:
            return None
        span = resolve_date(text, published=anchor)
        if span is not None and span.start >= published:
            return span
    return None


def visit_roles(context: ArticleContext, draft: Draft, token: Token, anchor: Token, persons: list[int]) -> Draft | None:
    """Who travelled, and where to; a 'visit' to a person is a meeting with them."""
    if token.lower_ in CARRY_VERBS:  # "a tour that took him to Chile": the one carried travelled
        carried = [k for c in token.children if c.dep_ == "dobj" for k in people_in(context, c)]
        draft.guests = [k for k in carried if context.country(k) != draft.host_country]
        return draft if draft.guests and draft.host_country else None
    objects = [context.person_at[c.i] for c in person_objects(context, token)]
    if objects and token.pos_ == "VERB":
        draft.kind = EventKind.MEETING
        subject = clause_subject(token)
        visitors = [k for k in persons if k not in objects and subject is not None and k in people_in(context, subject)]
        draft.guests = visitors
        draft.hosts = objects
        return draft
    if token.pos_ != "VERB" and any(c.lower_ == "with" for c in token.children):
        draft.kind = EventKind.MEETING  # "his visit with X": a meeting, of the visitor too
        persons = list(dict.fromkeys(visitors_of(context, token, anchor) + persons))
        return meeting_roles(context, draft, token, anchor, persons, reach_of(token, anchor))
    if not draft.host_country:
        draft.place, draft.host_country = place_left(context, token)
    if not draft.host_country and is_here(token) and not draft.planned:
        draft.place = dateline_place(context.doc)  # "the visiting X", "arrived here": where the story was filed
        draft.host_country = context.place_country(geo.country_of(draft.place)) if draft.place else ""
    bare = token.pos_ == "VERB" and token.lower_ not in MOTION_VERBS
    if not draft.host_country and bare and not any(c.dep_ in {"dobj", "prt", "nsubjpass"} for c in token.children):
        draft.place, draft.host_country = destination_before(context, token)  # "Tours of X ... Y visited in 1967"
    if not draft.host_country:
        return None
    companions = accompanied(context, token.sent)
    visitors = [k for k in visitors_of(context, token, anchor) if context.country(k) != draft.host_country]
    if token.pos_ == "ADP":  # "X is in Paris for talks": only someone known to come from elsewhere visits
        visitors = [k for k in visitors if context.country(k)]
    draft.guests = list(dict.fromkeys(visitors + companions))
    if not draft.guests:
        return None
    return draft


def leaving_verb(visit: Token) -> Token | None:
    """'left Tokyo at the end of a four-day visit', 'before leaving Tokyo after a visit': the verb of leaving whose
    phrases hold the visit noun."""
    verb = visit
    for _ in range(6):
        if verb.head is verb or verb.dep_ not in {"pobj", "prep", "pcomp"}:
            return None
        if verb.head.lower_ in LEAVE_VERBS and verb.head.pos_ == "VERB":
            return None if verb.lower_ in {"for", "on"} else verb.head  # "left Kenya for a visit" went elsewhere
        verb = verb.head
    return None


def place_left(context: ArticleContext, visit: Token) -> tuple[str, str]:
    """The place someone left at the end of a visit is where the visit was."""
    verb = leaving_verb(visit) if visit.pos_ != "VERB" else None
    places = [c for c in verb.children if c.dep_ == "dobj"] if verb is not None else []
    for place in places:
        text = doc_ent_text(place) if place.ent_type_ in {"GPE", "LOC"} else place.text
        country = geo.country_of(text)
        if country:
            return (text if geo.city_country(text) else ""), context.place_country(country)
    return "", ""


def destination_before(context: ArticleContext, verb: Token) -> tuple[str, str]:
    """'There were two state tours of Britain. X visited in 1967': a visit verb with no destination goes where the
    visit told in the sentence before went."""
    sentence = verb.sent
    if sentence.start == 0:
        return "", ""
    for token in context.doc[sentence.start - 1].sent:
        if trigger_kind(token) == EventKind.VISIT:
            places = destinations(context, token, reach_of(token, anchor_of(token)))
            if places:
                return places[0]
    return "", ""


def gapped_travellers(context: ArticleContext, draft: Draft, verb: Token, published: date | None) -> list[Draft]:
    """'X visited in 1967 and Y in 1981': a name conjoined to a visit verb is a traveller of its own, with its own
    date, on the same trip's destination."""
    if verb.pos_ != "VERB" or not draft.host_country:
        return []
    found = []
    for name in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i in context.person_at):
        key = context.person_at[name.i]
        if key in draft.guests or context.country(key) == draft.host_country:
            continue
        when = date_of(name, name, published, ahead=draft.planned, weekday_anchor=context.weekday_anchor)
        found.append(replace(draft, guests=[key], date=when, evidence=list(draft.evidence)))
    return found


def is_here(token: Token) -> bool:
    """'the visiting X', 'arrived on Monday', 'is visiting here': a visit with no destination named is one to
    where the story was filed."""
    return token.dep_ == "amod" or token.lower_.startswith("arriv") or any(c.lower_ == "here" for c in token.children)


def visitors_of(context: ArticleContext, token: Token, anchor: Token) -> list[int]:
    """Who travels: the verb's subject; for 'the visit by X', 'X's visit', 'his visit', the owner of the noun."""
    if token.pos_ == "VERB" and token.dep_ == "amod":  # "the visiting Polish leader X"
        person = token.head
        while person.dep_ == "compound" and person.head is not person:
            person = person.head
        return sorted(people_in(context, person))
    if token.pos_ == "VERB":
        subject = clause_subject(token)
        if subject is not None and token in subject.subtree and subject.i in context.person_at:
            return [context.person_at[subject.i]]  # "X, who arrived from talks with Y": X, not all X's clause
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
    for step in range(12):  # "during his visit to X, Y said": the main clause's subject
        if owner.pos_ in {"VERB", "AUX"}:
            subject = clause_subject(owner)
            if subject is not None and people_in(context, subject):
                return sorted(people_in(context, subject))
        if owner.head is owner or (step >= 3 and owner.dep_ in CLAUSE_LINKS):
            break  # farther up, only along the phrases of one clause: "Y said in a statement released on a visit to X"
        owner = owner.head
    return []


CLAUSE_LINKS = frozenset({"ccomp", "relcl", "parataxis", "csubj", "advcl", "conj", "xcomp"})


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
    if token.lower_ in {"he", "she", "him"} or (token.lower_ == "her" and token.dep_ == "dobj"):
        key = context.antecedent(token)  # "he and Minister X": X and whoever 'he' is
        found |= {key} if key is not None else set()
    if not found and token.lower_ in FIRST_PERSON:
        key = quoted_speaker(context, token)
        found = {key} if key is not None else set()
    return found


def first_person(token: Token, anchor: Token) -> frozenset[str]:
    """The pronouns of a quoted speaker who took part: "'I met X'", "'we held talks'"; not "'we are arranging a
    meeting of X and Y'", which others hold."""
    return FIRST_PERSON if token.pos_ == "VERB" or anchor.lower_ in EVENT_PREDICATES else frozenset()


def quoted_speaker(context: ArticleContext, pronoun: Token) -> int | None:
    """'"I met X," Y said', 'Y said: "we discussed it with X"': the first person of a quotation is its speaker."""
    verb = pronoun
    for _ in range(4):
        if verb.head is verb or verb.dep_ in {"relcl", "acl"}:
            return None
        verb = verb.head
        if verb.lower_ in SPEECH_VERBS and verb.pos_ == "VERB":
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ in FIRST_PERSON:
                return None
            return next(iter(sorted(people_in(context, subject))), None)
    return None


def accompanied(context: ArticleContext, sentence: Span) -> list[int]:
    """People the visitor 'accompanied' or went 'along with' in the same sentence: they travelled too."""
    found: list[int] = []
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
    if draft.kind == EventKind.MEETING and (len(countries) >= 3 or several_nations(token)):
        draft.kind = EventKind.MULTILATERAL
    return draft


def finish_offices(context: ArticleContext, draft: Draft, reach: list[int]) -> Draft:
    """Participants named only by office: 'the foreign ministers of Chile and Peru', 'Chinese counterparts'."""
    doc = context.doc
    for i in reach:
        token = doc[i]
        if not (is_office_head(token) or token.lower_ in COUNTRY_LEADERS) or i in context.title_tokens:
            continue
        if i in context.person_at:
            continue
        if token.pos_ not in {"NOUN", "PROPN"} or in_a_business(token):
            continue
        countries = leader_countries(token) if token.lower_ in COUNTRY_LEADERS else office_countries(token)
        if not countries:
            continue
        office = office_title(token)
        for country in countries:  # "the German leader" of 1987 is West German, as his named counterpart is
            draft.offices.append((office, context.place_country(country)))
    draft.offices = list(dict.fromkeys(draft.offices))
    return draft


def in_a_business(token: Token) -> bool:
    """'an adviser to the board of the mining company', 'a director at a firm': an office in a business."""
    return any(
        c.dep_ == "prep" and c.lower_ in {"to", "of", "at"} and any(t.lower_ in BUSINESS_NOUNS for t in c.subtree)
        for c in token.children
    )


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
        country = token_country(t)
        if country:
            found.append(country)
    if not found and any(two_countries(t) for t in token.subtree):
        return countries_before(token, 2)  # "Turkey and Greece ... the foreign ministers of the two countries"
    return list(dict.fromkeys(found))


def two_countries(token: Token) -> bool:
    """'the two countries', 'both nations'."""
    return token.lower_ in COUNTRY_NOUNS and counted_as_two(token)


def leader_countries(token: Token) -> list[str]:
    """'the leaders of Chile and Peru', 'the Kenyan leader', 'the leaders of the two countries': a leader word
    stands for one holder only when its own words are countries, not a group ('business leaders', 'leaders of the
    Kenyan Tea Growers Association')."""
    found: list[str] = []
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod", "poss"}:
            named = [child, *child.conjuncts]
        elif child.dep_ == "prep" and child.lower_ == "of":
            named = [n for obj in child.children if obj.dep_ == "pobj" for n in (obj, *obj.conjuncts)]
            if any(two_countries(n) for n in named):
                return countries_before(token, 2)
        else:
            continue
        for word in named:
            country = token_country(word)
            if not country:
                return []
            found.append(country)
    return list(dict.fromkeys(found))


def countries_before(token: Token, count: int) -> list[str]:
    """The last `count` countries named before a phrase, in its sentence or the one before; none if fewer."""
    doc = token.doc
    start = token.sent.start
    start = doc[start - 1].sent.start if start > 0 else start
    found: list[str] = []
    for t in reversed(doc[start : token.left_edge.i]):
        country = token_country(t)
        if country and country not in found:
            found.append(country)
        if len(found) == count:
            return sorted(found)
    return []


def token_country(token: Token) -> str:
    """The country a word names, alone or as part of the place entity it belongs to ('South' of 'South Africa')."""
    return geo.country_of(token.text) or (geo.country_of(doc_ent_text(token)) if token.ent_type_ == "GPE" else "")


def doc_ent_text(token: Token) -> str:
    """The text of the entity a token belongs to (its sentence's entities only: a token's entity never crosses)."""
    for ent in entities_in(token.sent):
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def to_records(drafts: list[Draft]) -> list[EventRecord]:
    index = {id(d): i for i, d in enumerate(drafts)}
    records = []
    for draft in drafts:
        participants = [ParticipantRecord(person=k, role=Side.GUEST) for k in draft.guests]
        participants += [ParticipantRecord(person=k, role=Side.HOST) for k in draft.hosts if k not in draft.guests]
        participants += [ParticipantRecord(person=k) for k in draft.others if k not in draft.guests + draft.hosts]
        participants += [ParticipantRecord(person=None, office=o, country=c) for o, c in draft.offices]
        records.append(
            EventRecord(
                kind=draft.kind,
                participants=participants,
                evidence=sorted(draft.evidence, key=lambda e: e.start),
                date=draft.date,
                place=draft.place,
                host_country=draft.host_country,
                planned=draft.planned,
                confidence=confidence.of_draft(
                    draft.confidence, dated=draft.date is not None, placed=bool(draft.place)
                ),
                parent=index.get(id(draft.parent)) if draft.parent is not None else None,
            )
        )
    return records


DEFINITE = frozenset({"the", "this", "that"})


def date_told_before(
    token: Token, kind: str, published: date | None, *, ahead: bool, context: ArticleContext
) -> DateSpan | None:
    """'On Monday the leaders met for a summit. The meeting was attended by X and Y': an undated definite event
    noun ('the meeting', 'the talks') points back at the event of the sentence before, and takes its date."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return None
    if token.sent.start == 0:
        return None
    gatherings = {EventKind.MEETING, EventKind.MULTILATERAL}
    for word in token.doc[token.sent.start - 1].sent:
        other = trigger_kind(word)
        if other is None or not (other == kind or {other, kind} <= gatherings):
            continue
        found = date_of(
            word, anchor_of(word), published, ahead=ahead, weekday_anchor=context.weekday_anchor, own_clause=True
        )
        if found is not None:
            return found
    return None


def only_in_captions(draft: Draft) -> bool:
    """An event told only under a photo, never in the body, is an archive picture's, not the news: the news
    photographed is also reported in the text, and that report merges with the caption."""
    return all(is_caption(e.sentence) for e in draft.evidence)


def sums_up(news_day: tuple[DateSpan, set[int]], draft: Draft, published: date) -> bool:
    """Whether the lead sums up this event of the body: dated as the news, and about the lead's people."""
    in_body = draft.sentence.start != first_sentence(draft.sentence.doc)
    return in_body and draft.date == news_peg(published) and bool(set(draft.people) & news_day[1])


def lead_day(context: ArticleContext, published: date | None) -> tuple[DateSpan, set[int]] | None:
    """'Yesterday, President X turned down ...': the one day the article's first sentence gives its news, and the
    people it names. An undated event the article reports as news about them took place that day, as the body
    tells what the lead sums up."""
    day = lead_date(context.doc, published)
    if day is None:
        return None
    lead = context.doc[first_sentence(context.doc)].sent
    people = {context.person_at[t.i] for t in lead if t.i in context.person_at}
    return (DateSpan(day, day, "day"), people) if people else None


def lead_date(doc: Doc, published: date | None) -> date | None:
    """The one day the first sentence gives, up to publication and in its month: the day of the article's news."""
    if published is None:
        return None
    lead = doc[first_sentence(doc)].sent
    days = {resolve_date(text, published=published) for text in day_expressions(lead, lead.end_char)}
    if len(days) != 1:
        return None
    [day] = days
    if day is None or day.start != day.end or day.end > published:
        return None
    return day.start if (day.start.year, day.start.month) == (published.year, published.month) else None


def among_officials(context: ArticleContext, draft: Draft) -> bool:
    """A meeting or call where nobody has an office in the article and no office word tells it ('X spoke to the
    victim's father') is a private one: officials are known by a title the article gives them at least once."""
    if draft.kind not in {EventKind.MEETING, EventKind.PHONE_CALL} or draft.offices:
        return True
    if any(context.people[k].roles or ranked(context.people[k]) for k in draft.people if k in context.people):
        return True
    told = (context.doc.char_span(e.start, e.end, alignment_mode="expand") for e in draft.evidence)
    return any(is_office_noun(t) for span in told if span for t in span)


def ranked(person: PersonRecord) -> bool:
    """'General X', 'Col. X': a rank written before the name makes an officer, and officers are officials, though a
    rank names no office of its own (so it is no role)."""
    return any(
        m.text != m.name and m.text.split()[0].lower().rstrip(".") in RANK_WORDS for m in person.mentions if m.text
    )


def is_office_noun(token: Token) -> bool:
    """An office word, generic ones ('the two leaders', 'officials') included."""
    word = bare_word(token)
    return word in OFFICE_HEADS or word[:-1] in OFFICE_HEADS


def recounted_weekday(
    text: str, resolved: DateSpan | None, anchor: date | None, *, published: date | None, ahead: bool
) -> DateSpan | None:
    """A past weekday counted from the day the text itself anchors on: without a publication date, its own latest
    date; with one, the day its lead gives the news ('On Wednesday, the search ended. ... The quake struck on
    Friday' is the Friday before that Wednesday, since the body tells what led to the lead)."""
    if anchor is None or (ahead and published is not None):
        return resolved
    recounted = resolve_weekday(text, anchor)
    if recounted is None or (published is not None and resolved is not None and resolved.start <= anchor):
        return resolved
    return recounted


def filed_today(doc: Doc, published: date) -> bool:
    """A wire dateline of the publication day ('PARIS, March 4 -'): the story tells that day's news."""
    end = dateline_end(doc)
    days = [resolve_date(text, published=published) for _, _, text in find_date_expressions(opening(doc)[:end])]
    return any(d is not None and d.start == d.end == published for d in days)


def leads_as_news(draft: Draft, published: date) -> bool:
    """An undated event of a wire story's lead, dated only by the news peg: the lead is the day's news."""
    return draft.sentence.start == first_sentence(draft.sentence.doc) and draft.date == news_peg(published)

"""Trigger words: which words announce a visit, a meeting, a call or a conference, and whether it happened.

Word tables and small predicates over one token and its parse; no knowledge of the article's people.
"""

import re
from itertools import pairwise

from spacy.tokens import Token

from extraction import geo
from extraction.dates import WRITTEN_IN_THE_PAST, find_date_expressions
from extraction.lexicon import (
    ARRIVAL_PLACES,
    ATTENDANCE_VERBS,
    ATTENDING_VERBS,
    BACKGROUND_ADVERBS,
    BACKGROUND_MODIFIERS,
    BE_FORMS,
    CALL_NOUNS,
    CARRY_VERBS,
    CONDITION_MARKS,
    DISCUSS_VERBS,
    EVENT_PREDICATES,
    FUTURE_AUX,
    FUTURE_TIME_WORDS,
    GATHERED_OFFICES,
    GATHERING_NOUNS,
    HANDSHAKE_VERBS,
    HOLD_VERBS,
    MEET_NOUNS,
    MEET_VERBS,
    MET_NON_PERSONS,
    MOTION_VERBS,
    MULTI_MODIFIERS,
    MULTI_NOUNS,
    MULTI_VERBS,
    MULTILATERAL_BODIES,
    NEGATION_WORDS,
    NON_GOVERNMENT_BODIES,
    ONGOING_ADVERBS,
    PAST_PERFECT_AUX,
    PHONE_NOUNS,
    PHONE_WORDS,
    PHOTO_POSITIONS,
    PLAN_MODIFIERS,
    PLAN_VERBS,
    PREPARATION_PHRASES,
    PREPARATION_WORDS,
    PRESENCE_VERBS,
    PRESENT_AUX,
    PRESENT_PERFECT_AUX,
    PRIVATE_GROUPS,
    RECEPTION_WORDS,
    REFUSAL_VERBS,
    ROUND_NOUNS,
    SCHEDULE_WORDS,
    SPEAK_VERBS,
    SPECULATIVE_AUX,
    SPECULATIVE_WORDS,
    SPEECH_VERBS,
    STATEMENT_MODIFIERS,
    VISIT_NOUNS,
    VISIT_VERBS,
    WILLINGNESS_WORDS,
)
from extraction.records import EventKind
from extraction.spans import entities_in


def counted_as_two(token: Token) -> bool:
    """'the two leaders', 'both countries': a plural noun counted as a pair."""
    return any(c.lower_ in {"two", "both"} for c in token.children)


def trigger_kind(token: Token) -> str | None:
    """The kind of event a word announces, or None."""
    word = token.lower_
    children = {c.lower_ for c in token.children}
    if word in PHONE_WORDS and token.pos_ == "VERB":
        return EventKind.PHONE_CALL
    if word in PHONE_NOUNS and token.pos_ == "NOUN" and children & PHONE_WORDS:
        return EventKind.PHONE_CALL
    if word in SPEAK_VERBS and any(
        c.lower_ in {"by", "on", "over"} and {g.lower_ for g in c.subtree} & PHONE_WORDS for c in token.children
    ):
        return EventKind.PHONE_CALL
    if word in CALL_NOUNS and token.pos_ == "NOUN":
        return call_kind(token)
    if word in DISCUSS_VERBS and token.pos_ == "VERB" and discussed_with(token):
        return EventKind.PHONE_CALL if by_phone(token) else EventKind.MEETING
    if word in HANDSHAKE_VERBS and token.pos_ == "VERB" and any(c.lower_ == "hands" for c in token.children):
        return EventKind.MEETING  # "shook hands with X"
    if children & STATEMENT_MODIFIERS:
        return None  # "a press conference", "a news conference": a statement, not a gathering
    if word in {"conference", "conferences"} and any(own_conference(c) for c in token.children):
        return None  # "during his conference", "X's conference": one person's press conference
    if word in MULTI_NOUNS | MEET_NOUNS and token.pos_ in {"NOUN", "PROPN"} and of_private_people(token):
        return None  # "told a meeting of businessmen", "a businessmen's conference": no gathering of officials
    if token.pos_ in {"NOUN", "PROPN"} and (word in MULTI_NOUNS or (word in MEET_NOUNS and several_nations(token))):
        return EventKind.MULTILATERAL
    if word == "assembly" and any(c.lower_ == "general" for c in token.children):
        return EventKind.MULTILATERAL  # "the (United Nations) General Assembly"
    if word in MEET_NOUNS and token.pos_ in {"NOUN", "PROPN"}:
        if any(c.lower_ == "of" and plural_group(c) for c in token.children) or of_a_body(token):
            return EventKind.MULTILATERAL
        if token.dep_ == "dobj" and token.head.lower_ in HOLD_VERBS and ministers_meeting(token.head, held=True):
            return EventKind.MULTILATERAL  # "EU leaders are holding talks in Brussels": a summit
        return EventKind.MEETING
    if word in MEET_VERBS and token.pos_ == "VERB" and met_a_response(token):
        return None  # "the plan met a cool reception", "met with criticism": no one was met
    if word in MEET_VERBS and token.pos_ == "VERB":
        return EventKind.MULTILATERAL if ministers_meeting(token) else EventKind.MEETING
    if word in MULTI_VERBS and token.pos_ == "VERB" and gathering_subject(token):
        return EventKind.MULTILATERAL
    if word in VISIT_NOUNS and token.pos_ in {"NOUN", "PROPN"}:
        return EventKind.VISIT
    if word in VISIT_VERBS and token.pos_ == "VERB" and not transport_or_return(token):
        if travelled_to_attend(token):
            return None  # "flew to Lima to attend the summit": attending is the gathering, which covers the journey
        return EventKind.MULTILATERAL if travelled_for_a_gathering(token) else EventKind.VISIT
    if word in CARRY_VERBS and token.pos_ == "VERB" and carried_by_trip(token):
        return EventKind.VISIT
    if word == "in" and present_for_talks(token):
        return EventKind.VISIT
    # "called on X" is a courtesy visit; "called on X to do Y" is an appeal
    called_on = word in {"called", "calls", "call"} and any(c.lower_ in {"on", "upon"} for c in token.children)
    if called_on and not appeal(token):
        return EventKind.MEETING
    return None


def own_conference(child: Token) -> bool:
    """A conference one person owns ('his conference', "the senator's conference") is a press conference; a
    party's ('the party conference', "the movement's conference") gathers its members, not officials."""
    if child.dep_ in {"poss", "compound"} and child.lower_ in NON_GOVERNMENT_BODIES:
        return True
    if child.dep_ != "poss":
        return False
    return child.lower_ in {"his", "her"} or child.ent_type_ == "PERSON"


def met_a_response(verb: Token) -> bool:
    """'met a cool reception', 'met with resistance', 'the targets were met': 'meet' of a response, a demand or a
    goal, not of a person."""
    if verb.lower_ not in {"meet", "meets", "met", "meeting"}:
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
    ]
    return any(o.lemma_.lower() in MET_NON_PERSONS or o.lower_ in MET_NON_PERSONS for o in objects)


def call_kind(token: Token) -> str | None:
    """'paid a courtesy call on X' is a meeting; 'received a call from X', 'a call with X' a telephone call."""
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if preps & {"on", "upon"} and not appeal(token):
        return EventKind.MEETING
    if preps & {"from", "with"}:
        return EventKind.PHONE_CALL
    return None


def discussed_with(verb: Token) -> bool:
    """'discussed trade with X', 'conferred with X': talking with someone; 'discussed the budget' alone is not."""
    return any(
        c.dep_ == "prep" and c.lower_ == "with"
        for t in (verb, *(o for o in verb.children if o.dep_ == "dobj"))
        for c in t.children
    )


def by_phone(verb: Token) -> bool:
    """'discussed it with X by telephone', 'in a telephone conversation': the medium the verb's phrases name."""
    return any(
        c.dep_ in {"prep", "agent"}
        and c.lower_ in {"by", "on", "over", "in", "during"}
        and {g.lower_ for g in c.subtree} & PHONE_WORDS
        for c in verb.children
    )


def appeal(token: Token) -> bool:
    """'called on X to resign', 'a call on X to step down': an appeal, not a visit."""
    return any(t.tag_ == "TO" or t.lower_ == "to" for t in token.subtree if t.i > token.i)


def spoke_with(token: Token) -> list[Token]:
    """'X spoke with Y', 'talked to Y': whom someone spoke with, when the sentence gives no medium.

    Only the past tense: 'talks with X from time to time' is a habit, not an event."""
    if token.lower_ not in SPEAK_VERBS or token.tag_ not in {"VBD", "VBN"}:
        return []
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"with", "to"}]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def noun_tagged_verb(token: Token) -> bool:
    """'held talks', 'after talks with X' with 'talks' tagged a verb: the tagger's slip, read as the noun."""
    return token.lower_ in MEET_NOUNS and token.pos_ == "VERB" and token.dep_ in {"dobj", "pobj", "nsubj", "attr"}


def gathering_subject(verb: Token) -> bool:
    """'Leaders gathered', 'X and Y convened': several parties; a lone subject that 'assembled' is no summit."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(s.tag_ in {"NNS", "NNPS"} or s.conjuncts or s.lower_ in {"they", "we"} for s in subjects)


def travelled_for_a_gathering(verb: Token) -> bool:
    """'arrived in Jakarta for a summit meeting': the journey is to the gathering, which covers it (there is no
    separate visit for each attendee)."""
    nouns = [t for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for t in p.subtree]
    return any(n.lower_ in GATHERING_NOUNS and trigger_kind(n) == EventKind.MULTILATERAL for n in nouns)


def travelled_to_attend(verb: Token) -> bool:
    """'flew to Lima to attend the conference': the traveller's attending is told as the gathering itself."""
    attending = [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.lower_ in ATTENDING_VERBS]
    nouns = [t for a in attending for o in a.children if o.dep_ == "dobj" for t in o.subtree]
    return any(n.lower_ in GATHERING_NOUNS and trigger_kind(n) == EventKind.MULTILATERAL for n in nouns)


def transport_or_return(verb: Token) -> bool:
    """'flies cargo to Syria' moves things; 'went back to Iran' goes home: neither is a visit."""
    if verb.lower_ in MOTION_VERBS and any(c.dep_ == "dobj" and not is_place(c) for c in verb.children):
        return True  # but "went Chile", "reached Kabul" name where the traveller went
    return any(c.dep_ == "advmod" and c.lower_ in {"back", "home"} for c in verb.children) or verb.lower_.startswith(
        "return"
    )


def present_for_talks(token: Token) -> bool:
    """'X is in Kenya to discuss trade', 'X, in Paris for talks, said': presence somewhere with a purpose is a visit;
    'X was in hospital', 'X is in Rome to attend the summit' are not (attending is the gathering)."""
    head = token.head
    if token.dep_ != "prep" or not (head.lower_ in PRESENCE_VERBS or (head.pos_ == "PROPN" and head.dep_ == "nsubj")):
        return False
    if not any(c.dep_ == "pobj" and is_place(c) for c in token.children):
        return False
    for purpose in (c for t in (head, token) for c in t.children if c is not token):
        to_do = purpose.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in purpose.children)
        talks = purpose.dep_ == "prep" and purpose.lower_ == "for"
        talks = talks and any(o.lower_ in MEET_NOUNS | VISIT_NOUNS for o in purpose.children if o.dep_ == "pobj")
        gathering = purpose.lower_ in ATTENDANCE_VERBS or any(
            w.lower_ in MULTI_NOUNS | MEET_NOUNS and trigger_kind(w) == "multilateral" for w in purpose.subtree
        )
        if (to_do or talks) and not gathering:
            return True
    return False


def carried_by_trip(verb: Token) -> bool:
    """'a tour that has taken him to Chile', 'the trip took her to Peru': a trip carries someone somewhere."""
    trip = verb.head if verb.dep_ == "relcl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if trip is None or trip.lower_ not in VISIT_NOUNS:
        return False
    children = list(verb.children)
    return any(c.dep_ == "dobj" for c in children) and any(c.dep_ == "prep" and c.lower_ == "to" for c in children)


def is_place(token: Token) -> bool:
    return token.ent_type_ in {"GPE", "LOC"} or bool(geo.country_of(token.text))


def plural_group(of_token: Token) -> bool:
    """'meeting of heads of central banks', 'meeting of the Group of Three': several parties."""
    return any(
        c.dep_ == "pobj" and (c.tag_ in {"NNS", "NNPS"} or c.lower_ in MULTILATERAL_BODIES) for c in of_token.children
    )


def of_private_people(token: Token) -> bool:
    """'a meeting of Kenyan and Danish bankers', 'a meeting with students'."""
    groups = [g for c in token.children if c.lower_ in {"of", "with"} for g in c.children if g.dep_ == "pobj"]
    groups += [c for c in token.children if c.dep_ == "poss"]  # "a businessmen's conference"
    return bool(groups) and all(g.lower_ in PRIVATE_GROUPS for g in groups)


def of_a_body(token: Token) -> bool:
    """'the OPEC ministerial meeting', 'EC farm ministers' talks', 'the G7 meeting': a gathering of its members."""
    modifiers = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod", "poss"}]
    words = {t.lower_ for m in modifiers for t in m.subtree}
    return (
        bool(words & MULTILATERAL_BODIES) or "ministerial" in words or any(m.lower_ == "ministers" for m in modifiers)
    )


def ministers_meeting(verb: Token, *, held: bool = False) -> bool:
    """'trade ministers meeting in Quito', 'leaders met in Brussels': office holders gathered; `held` when the
    verb holds the meeting named as its object ('leaders are holding talks')."""
    subject = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in GATHERED_OFFICES:
        return False
    if not held and any(c.dep_ == "dobj" for c in verb.children):
        return False
    return not counted_as_two(subject)  # "the two leaders met": a meeting


def several_nations(token: Token) -> bool:
    """'four-nation meeting', 'trilateral talks'; but 'bilateral talks on regional security' are two sides'."""
    modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod", "nummod"}]
    words = [t.lower_ for m in modifiers for t in m.subtree]
    if "bilateral" in words:
        return False
    text = " ".join(words)
    return bool(re.search(r"\b(three|four|five|six|seven|eight|\d+) ?- ?nations?\b", text)) or bool(
        set(words) & MULTI_MODIFIERS
    )


def attended(token: Token, anchor: Token) -> bool:
    """'X attended the summit', 'X told the conference', 'at the summit, X said', 'X flew in for the summit': X was
    there."""
    if token.pos_ == "VERB" and token.lower_ in VISIT_VERBS:
        return True  # a journey to the gathering (travelled_to_a_gathering)
    if anchor is not token and anchor.lower_ in ATTENDANCE_VERBS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in {"at", "during", "to", "for"} and anchor is not token


def negated(token: Token) -> bool:
    """A trigger that did not happen: 'did not meet', 'the visit was cancelled', 'did not materialise'; but 'the
    meeting did not produce an agreement' says what a meeting that happened did not achieve."""
    anchor = anchor_of(token)
    canceller = next((t for t in (anchor, anchor.head, token.head) if t.lower_ in NEGATION_WORDS), None)
    if canceller is not None and any(c.dep_ == "neg" for c in canceller.children):
        return False  # "the visit was not cancelled": it went ahead
    outcome = anchor is token and token.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in token.head.children)
    for t in (token, anchor) if outcome else (token, anchor, anchor.head):
        if any(c.dep_ == "neg" for c in t.children):
            return True
    clause = {t.lower_ for t in anchor.head.subtree} if token.pos_ != "VERB" else {t.lower_ for t in token.children}
    return bool(clause & NEGATION_WORDS) or (token.head.lower_ in NEGATION_WORDS)


def anchor_of(token: Token) -> Token:
    """The verb whose clause holds a noun trigger: 'held [meetings]', 'attended the [meeting]', 'went for a [talk]'."""
    if token.pos_ == "VERB":
        return token
    t = token
    steps = 0
    while steps < 3:
        head = t.head
        if head is t:
            break
        steps += 0 if t.dep_ == "pobj" and head.head.lower_ in ROUND_NOUNS else 1  # "a round of [talks]"
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
    if before_a_plan(token) or prepared_for(token):
        return True
    for t in governing_chain(token, anchor):
        auxiliaries = {c.lower_ for c in t.children if c.dep_ == "aux"}
        if auxiliaries & FUTURE_AUX and not auxiliaries & PRESENT_PERFECT_AUX:
            return True  # "will meet", "would visit"; but "might have met" is a hedge about the past
        if t.dep_ in {"xcomp", "ccomp"} and t.head.lower_ in PLAN_VERBS:
            return True
        if any(c.lower_ in PLAN_MODIFIERS for c in t.children if c.dep_ in {"amod", "compound", "advmod", "acl"}):
            return True  # "the planned visit", "talks, scheduled for Friday,"
        if scheduled(t, token):
            return True
        if t.dep_ == "xcomp" and t.head.lower_ in BE_FORMS and any(c.lower_ == "to" for c in t.children):
            return True  # "is to visit", "was to meet": a schedule
    return scheduled_in_present(token, anchor)


def scheduled_in_present(token: Token, anchor: Token) -> bool:
    """'flies to Chile tonight', 'begins a visit on Tuesday', 'sets off on June 2 for': the simple
    present with a time that is not behind publication (no year, no 'last') tells a schedule, not a report."""
    for t in governing_chain(token, anchor):
        if t.tag_ not in {"VBZ", "VBP"} or t.pos_ != "VERB" or t.lower_ in SPEECH_VERBS:
            continue
        if any(c.dep_ in {"aux", "auxpass"} for c in t.children):
            continue
        for child in t.children:
            if child.dep_ in {"npadvmod", "prep", "advmod", "tmod"}:
                text = child.doc[child.left_edge.i : child.right_edge.i + 1].text
                if any(not WRITTEN_IN_THE_PAST.search(e) for _, _, e in find_date_expressions(text)):
                    return True
    return False


def prepared_for(token: Token) -> bool:
    """'ahead of X's visit', 'in preparation for the summit', 'to prepare for the talks', 'in the run-up to the
    summit': an event others get ready for is still ahead."""
    if token.pos_ == "VERB" or token.dep_ != "pobj":
        return False
    preposition, ready = token.head.lower_, token.head.head.lower_
    return (preposition, ready) in PREPARATION_PHRASES or (preposition == "for" and ready in PREPARATION_WORDS)


def before_a_plan(token: Token) -> bool:
    """'After visiting Kenya, X will fly to Japan', 'after travelling to France, X hopes to visit Japan': a gerund
    after 'after' or 'before' is as planned as the clause it leads to."""
    if token.dep_ != "pcomp" or token.head.lower_ not in {"after", "before"}:
        return False
    main = token.head.head
    auxiliaries = {c.lower_ for c in main.children if c.dep_ == "aux"}
    return bool(auxiliaries & FUTURE_AUX) or (main.lower_ in PLAN_VERBS and main.tag_ in {"VBZ", "VBP"})


def told_as_background(token: Token, anchor: Token) -> bool:
    """Context rather than the news, so not dated by it: 'once visited', 'had met', 'his previous visit',
    'a trip that has brought him to'; 'had just attended' is still news."""
    for t in dict.fromkeys((token, anchor)):
        auxiliaries = {c.lower_ for c in t.children if c.dep_ == "aux"}
        adverbs = {c.lower_ for c in t.children if c.dep_ in {"advmod", "npadvmod"}}
        if auxiliaries & PAST_PERFECT_AUX and "just" not in adverbs:
            return True
        if auxiliaries & PRESENT_PERFECT_AUX and t.dep_ == "relcl":
            return True
        if adverbs & BACKGROUND_ADVERBS:
            return True
        if any(c.lower_ in BACKGROUND_MODIFIERS for c in t.children if c.dep_ in {"amod", "compound"}):
            return True
    return False


def told_as_ongoing(token: Token, anchor: Token) -> bool:
    """Going on as the article appears, so on its publication day: 'is meeting', 'are holding talks',
    'currently visiting'."""
    for t in dict.fromkeys((token, anchor)):
        if any(c.dep_ == "advmod" and c.lower_ in ONGOING_ADVERBS for c in t.children):
            return True
        if t.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in PRESENT_AUX for c in t.children):
            return True
    return False


def scheduled(t: Token, trigger: Token) -> bool:
    """'the meeting, scheduled for June 2', 'the summit is expected to ...', 'was invited to X for talks',
    'next week's meeting': words of a schedule around the trigger or the verbs above it (but 'had set targets
    during talks' and 'planned the meeting' were no plans for it)."""
    if t is not trigger and t.pos_ == "VERB" and t.lower_ in SCHEDULE_WORDS - {"set", "expected", "planned"}:
        return True
    if t.dep_ in {"nsubj", "nsubjpass"} and t.head.lower_ in SCHEDULE_WORDS:
        return True
    for child in t.children:
        if child.dep_ == "acl" and child.lower_ in SCHEDULE_WORDS:
            return True
        if child.dep_ == "poss" and any(w.lower_ in FUTURE_TIME_WORDS for w in child.subtree):
            return True
    return False


def reception(token: Token) -> bool:
    """'greeted on arrival by X', 'received at the airport': a welcome on arrival, not a meeting. A passive
    'was met by X' right after a sentence that puts the visitor at an airport is one too."""
    if token.lower_ not in RECEPTION_WORDS or (token.pos_ != "VERB" and token.lower_ != "welcome"):
        return False  # "went on from the airport to talks with X": the meeting is no welcome
    sentence = token.sent
    if any(t.lower_ in ARRIVAL_PLACES for t in sentence):
        return True
    words = [t.lower_ for t in token.subtree]
    on_arrival = {"on", "upon", "his", "her", "their"}
    if any(w in on_arrival and nxt in {"arrival", "arriving", "landing"} for w, nxt in pairwise(words)):
        return True
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)
    named_place = any(e.label_ in {"GPE", "FAC", "LOC"} for e in entities_in(sentence))
    if not passive or named_place or sentence.start == 0:
        return False
    before = token.doc[sentence.start - 1].sent
    return any(t.lower_ in ARRIVAL_PLACES for t in before)


def governing_chain(token: Token, anchor: Token) -> list[Token]:
    """The trigger, its anchor and the clauses above them: 'will visit Rome ... to attend the summit'."""
    chain = [token, anchor]
    for _ in range(3):  # the plan (or the hedge) covers the clauses it governs
        if chain[-1].head is chain[-1] or chain[-1].dep_ not in {"xcomp", "advcl", "conj", "prep", "pobj", "dobj"}:
            break
        chain.append(chain[-1].head)
    return chain


def speculative(token: Token, anchor: Token) -> bool:
    """Hedged, proposed or conditional, not announced: 'might meet', 'is likely to visit', 'considered visiting',
    'will propose a summit', 'a possible visit', 'if the talks go well ...'. Such events are not reported."""
    if token.dep_ == "xcomp" and token.head.lower_ in WILLINGNESS_WORDS:
        return True  # "would be happy to meet X", "is ready to visit": a willingness, not an announcement
    for t in governing_chain(token, anchor):
        auxiliaries = {c.lower_ for c in t.children if c.dep_ == "aux"}
        if auxiliaries & SPECULATIVE_AUX and not auxiliaries & PRESENT_PERFECT_AUX:
            return True  # but "might have met" is a hedge about the past
        if t is not token and t.lower_ in SPECULATIVE_WORDS:
            return True
        for child in t.children:
            hedge = child.dep_ in {"acomp", "amod", "advmod"} and child.lower_ in SPECULATIVE_WORDS
            if hedge and not any(c.dep_ == "xcomp" for c in child.children):
                return True  # "is likely to visit"; not "arrived for talks likely to focus on trade"
            if child.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in child.children if m.dep_ == "mark"):
                return True
    return False


def refused(token: Token, anchor: Token) -> bool:
    """'declined to attend the meeting', 'refused to meet X': no event, though nothing earlier is undone; but
    'during a trip to X, Y refused to ...' was a trip."""
    return any(t.dep_ == "xcomp" and t.head.lower_ in REFUSAL_VERBS for t in governing_chain(token, anchor))


def cancels_earlier(token: Token) -> bool:
    """'The visit was later cancelled': a definite event noun, negated, naming no one: it undoes an earlier report."""
    definite = any(c.lower_ in {"the", "this", "that"} for c in token.children)
    return token.pos_ in {"NOUN", "PROPN"} and definite


TRIGGER_WORDS = (
    VISIT_VERBS
    | VISIT_NOUNS
    | MEET_VERBS
    | MEET_NOUNS
    | PHONE_WORDS
    | MULTI_VERBS
    | MULTI_NOUNS
    | CALL_NOUNS
    | HANDSHAKE_VERBS
    | SPEAK_VERBS
    | DISCUSS_VERBS
    | {"called", "assembly"}
)


def may_hold_event(sentence) -> bool:
    """Whether a sentence can hold an event, and so needs a parse: a trigger word and someone or somewhere
    named (or a pronoun for someone named before, or a word that cancels an event reported before)."""
    words = {token.lower_ for token in sentence}
    if not words & TRIGGER_WORDS:
        return False
    if words & (NEGATION_WORDS | {"he", "she", "they", "not", "never"}):
        return True
    return any(ent.label_ in {"PERSON", "GPE", "NORP", "ORG", "FAC", "LOC"} for ent in entities_in(sentence))


_PHOTO_POSITION = re.compile(
    r"\(\s*((?:far|second|third|front|back|top|bottom)(?: from)?[ -])?(?P<at>\w+)\s*\)", re.IGNORECASE
)


def is_caption(sentence: str) -> bool:
    """A photo caption ('X (left) shakes hands with Y'): it describes the picture, which may be years old."""
    return any(m["at"].lower() in PHOTO_POSITIONS for m in _PHOTO_POSITION.finditer(sentence))

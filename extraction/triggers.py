"""Trigger words: which words announce a visit, a meeting, a call or a conference, and whether it happened.

Word tables and small predicates over one token and its parse; no knowledge of the article's people.
"""

import re

from spacy.tokens import Token

from extraction import geo
from extraction.lexicon import (
    BACKGROUND_ADVERBS,
    BACKGROUND_MODIFIERS,
    CARRY_VERBS,
    EVENT_PREDICATES,
    FUTURE_AUX,
    MEET_NOUNS,
    MEET_VERBS,
    MOTION_VERBS,
    MULTI_MODIFIERS,
    MULTI_NOUNS,
    MULTI_VERBS,
    NEGATION_WORDS,
    ONGOING_ADVERBS,
    PAST_PERFECT_AUX,
    PHONE_NOUNS,
    PHONE_WORDS,
    PLAN_MODIFIERS,
    PLAN_VERBS,
    PRESENT_AUX,
    PRESENT_PERFECT_AUX,
    SPEECH_VERBS,
    STATEMENT_MODIFIERS,
    VISIT_NOUNS,
    VISIT_VERBS,
)

CANCELLED = "cancelled:"  # the kind of a marker draft: "cancelled:visit" undoes the latest visit before it


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
    if children & STATEMENT_MODIFIERS:
        return None  # "a press conference", "a news conference": a statement, not a gathering
    if token.pos_ in {"NOUN", "PROPN"} and (word in MULTI_NOUNS or (word in MEET_NOUNS and several_nations(token))):
        return "multilateral"
    if word in MEET_NOUNS and token.pos_ in {"NOUN", "PROPN"}:
        if any(c.lower_ == "of" and plural_group(c) for c in token.children):
            return "multilateral"
        return "meeting"
    if word in MEET_VERBS and token.pos_ == "VERB":
        return "meeting"
    if word in MULTI_VERBS and token.pos_ == "VERB" and gathering_subject(token):
        return "multilateral"
    if word in VISIT_NOUNS and token.pos_ in {"NOUN", "PROPN"}:
        return "visit"
    if word in VISIT_VERBS and token.pos_ == "VERB" and not transport_or_return(token):
        return "visit"
    if word in CARRY_VERBS and token.pos_ == "VERB" and carried_by_trip(token):
        return "visit"
    # "called on X" is a courtesy visit; "called on X to do Y" is an appeal
    called_on = word == "called" and any(c.lower_ in {"on", "upon"} for c in token.children)
    if called_on and not any(t.tag_ == "TO" or t.lower_ == "to" for t in token.subtree if t.i > token.i):
        return "meeting"
    return None


def gathering_subject(verb: Token) -> bool:
    """'Leaders gathered', 'X and Y convened': several parties; a lone subject that 'assembled' is no summit."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(s.tag_ in {"NNS", "NNPS"} or s.conjuncts or s.lower_ in {"they", "we"} for s in subjects)


def transport_or_return(verb: Token) -> bool:
    """'flies cargo to Syria' moves things; 'went back to Iran' goes home: neither is a visit."""
    if verb.lower_ in MOTION_VERBS and any(c.dep_ == "dobj" and not is_place(c) for c in verb.children):
        return True  # but "went Chile", "reached Kabul" name where the traveller went
    return any(c.dep_ == "advmod" and c.lower_ in {"back", "home"} for c in verb.children) or verb.lower_.startswith(
        "return"
    )


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
    """'meeting of heads of intelligence agencies': a meeting of several parties."""
    return any(c.dep_ == "pobj" and c.tag_ in {"NNS", "NNPS"} for c in of_token.children)


def several_nations(token: Token) -> bool:
    """'four-nation meeting', 'trilateral talks'."""
    text = " ".join(t.lower_ for t in token.subtree)
    return bool(re.search(r"\b(three|four|five|six|seven|eight|\d+) ?- ?nations?\b", text)) or bool(
        {t.lower_ for t in token.subtree} & MULTI_MODIFIERS
    )


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
        auxiliaries = {c.lower_ for c in t.children if c.dep_ == "aux"}
        if auxiliaries & FUTURE_AUX and not auxiliaries & {"have", "'ve"}:
            return True  # "will meet", "would visit"; but "might have met" is a hedge about the past
        if t.dep_ in {"xcomp", "ccomp"} and t.head.lower_ in PLAN_VERBS:
            return True
        if any(c.lower_ in PLAN_MODIFIERS for c in t.children if c.dep_ in {"amod", "compound", "advmod", "acl"}):
            return True  # "the planned visit", "talks, scheduled for Friday,"
    return False


def told_as_background(token: Token, anchor: Token) -> bool:
    """Context rather than the news, so not dated by it: 'once visited', 'had met', 'his previous visit',
    'a tour that has taken him to'; 'had just attended' is still news."""
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


def cancels_earlier(token: Token) -> bool:
    """'The visit was later cancelled': a definite event noun, negated, naming no one: it undoes an earlier report."""
    definite = any(c.lower_ in {"the", "this", "that"} for c in token.children)
    return token.pos_ in {"NOUN", "PROPN"} and definite


TRIGGER_WORDS = (
    VISIT_VERBS | VISIT_NOUNS | MEET_VERBS | MEET_NOUNS | PHONE_WORDS | MULTI_VERBS | MULTI_NOUNS | {"called"}
)


def may_hold_event(sentence) -> bool:
    """Whether a sentence can hold an event, and so needs a parse: a trigger word and someone or somewhere
    named (or a pronoun for someone named before, or a word that cancels an event reported before)."""
    words = {token.lower_ for token in sentence}
    if not words & TRIGGER_WORDS:
        return False
    if words & (NEGATION_WORDS | {"he", "she", "they", "not", "never"}):
        return True
    return any(ent.label_ in {"PERSON", "GPE", "NORP", "ORG", "FAC", "LOC"} for ent in sentence.ents)

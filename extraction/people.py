"""People in an article: NER spans cleaned of titles, non-people rejected, short forms resolved.

The statistical NER keeps titles inside names, cuts names short, tags organisations and common words
as PERSON and misses people behind long titles. Each rule below repairs one of those habits with
general evidence (part-of-speech tags, title words, apposition), never with a list of names.
"""

from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extraction import geo
from extraction.lexicon import (
    ARTICLES,
    BODY_HEADS,
    BUSINESS_NAME_WORDS,
    BUSINESS_TITLES,
    CALENDAR_WORDS,
    DIGNITY_TITLES,
    GOVERNMENT_TITLES,
    GROUP_NOUNS,
    HONORIFICS,
    NAME_OFFICE_TITLES,
    NAME_PARTICLES,
    NON_GOVERNMENT_BODIES,
    NOT_NAME_WORDS,
    OFFICE_HEADS,
    OFFICE_SYNONYMS,
    OFFICE_WORDS,
    OPTIONAL_NAME_WORDS,
    ORG_HEADS,
    PAST_WORDS,
    PLACE_PREPOSITIONS,
    POSTED_OFFICES,
    PUBLIC_BODY_WORDS,
    QUOTES,
    RANK_WORDS,
    ROYAL_TITLES,
    RULING_PARTY_WORDS,
    SPOUSE_TITLE,
    SPOUSE_WORDS,
    TITLE_SUFFIXES,
    TITLE_WORDS,
)
from extraction.names import core_words, name_match_score, word_skeleton
from extraction.records import MentionRecord, PersonRecord, RoleRecord


def bare(token: Token) -> str:
    """A token's text lower-cased without dots: 'Gen.' -> 'gen'."""
    return token.text.lower().strip(".")


def is_title_token(token: Token) -> bool:
    return bare(token) in TITLE_WORDS or token.text == "."  # TITLE_WORDS holds every rank and honorific


HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def title_suffix_at(doc: Doc, i: int) -> int:
    """How many tokens from i qualify the title before them ('-designate', '-in-Chief'), or 0."""
    if doc[i].text in HYPHENS and i + 1 < len(doc) and bare(doc[i + 1]) in TITLE_SUFFIXES:
        return 2
    if bare(doc[i]) in TITLE_SUFFIXES and doc[i].text.islower() and i > 0 and doc[i - 1].text in HYPHENS:
        return 1
    return 0


def is_plural_title(token: Token) -> bool:
    """'Presidents', 'Ministers': an office written in the plural before a list of its holders."""
    word = bare(token)
    return token.text[:1].isupper() and word.endswith("s") and word[:-1] in NAME_OFFICE_TITLES


def is_rank_token(token: Token) -> bool:
    """A rank or honorific, or the dot of an abbreviated one ('Lt. Gen.')."""
    if token.text == ".":
        return token.i > 0 and bare(token.doc[token.i - 1]) in RANK_WORDS | HONORIFICS
    return bare(token) in RANK_WORDS or bare(token) in HONORIFICS


def is_name_token(token: Token) -> bool:
    """Could this token be part of a person's name?"""
    text = token.text
    if text in HYPHENS:
        return True
    if text.lower() in NAME_PARTICLES:
        return True
    if not text[:1].isupper():
        return False
    if bare(token) in TITLE_WORDS:
        return False
    if text in CALENDAR_WORDS or text in NOT_NAME_WORDS or text in ORG_HEADS:
        return False
    if geo.is_country_word(text) or geo.country_of(text):
        return False
    if bare(token) in OFFICE_WORDS:
        return False
    return token.tag_ in {"NNP", "NNPS", "NN", "JJ", "VBN", "VBD", "NNS", "FW"} or token.is_alpha


def extendable(token: Token) -> bool:
    """A neighbour the NER left out of a name: a capitalised proper noun, not a title, place or date."""
    return (
        token.tag_ == "NNP"
        and token.text[:1].isupper()
        and not token.text.isupper()
        and is_name_token(token)
        and token.ent_type_ not in {"GPE", "NORP", "DATE", "TIME", "LOC", "FAC", "CARDINAL", "ORDINAL"}
    )


@dataclass
class Candidate:
    """A name found in the text: token bounds of the name proper, and the title tokens before it."""

    start: int  # first token of the name
    end: int  # one past the last token of the name
    span_start: int  # first token of the surface form, titles included


def person_candidates(doc: Doc) -> list[Candidate]:
    """Every plausible person name in the document, in order, without overlaps."""
    found: dict[int, Candidate] = {}
    taken: set[int] = set()

    def add(candidate: Candidate | None) -> None:
        if candidate is None:
            return
        tokens = set(range(candidate.start, candidate.end))
        if tokens & taken:
            return
        taken.update(tokens)
        found[candidate.start] = candidate

    for ent in doc.ents:
        if ent.label_ == "PERSON":
            add(clean_person_span(ent))
    for ent in doc.ents:
        if ent.label_ in {"ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "LAW"}:
            add(person_inside_other_entity(ent))
    for token in doc:
        if token.i not in taken:
            add(person_after_title(doc, token))
    for token in doc:
        if token.lower_ == "of":
            add(person_of_country(doc, token))
    return [found[k] for k in sorted(found)]


def clean_person_span(span: Span) -> Candidate | None:
    """Strip titles and possessives, extend a name the NER cut short, and reject what is not a person."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end:
        _, country_words = country_words_at(doc, start)
        if country_words:
            start += country_words  # "Sri Lankan", "Somali"
        elif is_title_token(doc[start]) or bare(doc[start]) in OFFICE_WORDS:
            start += 1
        elif title_suffix_at(doc, start):
            start += title_suffix_at(doc, start)  # "Prime Minister[-designate] X"
        else:
            break
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in QUOTES or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None  # a title or a nationality alone: "Grand Ayatollah", "Sri Lankan"
    # extend over name words the NER left outside, but never across a title: "Gen. [Moses] Kato Okello"
    if start == span.start:
        while start > 0 and extendable(doc[start - 1]):
            start -= 1
    end = extend_right(doc, end)
    span_start = start
    while span_start > 0 and is_rank_token(doc[span_start - 1]):
        span_start -= 1
    candidate = Candidate(start, end, min(span_start, span.start))
    return candidate if looks_like_person(doc, candidate) else None


def extend_right(doc: Doc, end: int) -> int:
    """Take in the rest of a name: 'Omar [bin Khalid al-Amani]', 'Lee Min[-ho]', 'Rosa [de la Vega]'."""
    while end < len(doc):
        particles = particles_before_name(doc, end)
        if extendable(doc[end]) or (end > 0 and doc[end - 1].lower_ in NAME_PARTICLES and after_particle(doc[end])):
            end += 1
        elif particles:
            end += particles
        elif hyphen_joined(doc, end):
            end += 2
        else:
            break
    return end


def after_particle(token: Token) -> bool:
    """A capitalised word after a lower-case particle is a name's, even when it is also a place's ('de la Paz')."""
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and not token.text.isupper()
        and token.i > 0
        and (token.doc[token.i - 1].text.islower())
    )


def particles_before_name(doc: Doc, i: int) -> int:
    """How many name particles from i lead to a name word ('de la Vega', 'bin Khalid'), or 0."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].lower_ in NAME_PARTICLES:
        j += 1
    if j == i or j >= len(doc) or not (extendable(doc[j]) or after_particle(doc[j])):
        return 0
    return j - i


def country_words_at(doc: Doc, i: int) -> tuple[str, int]:
    """The country named by the tokens from i ('Sri Lankan', 'South African'), and how many tokens it takes."""
    return geo.country_at([t.text for t in doc[i : i + 3]], 0)


def hyphen_joined(doc: Doc, end: int) -> bool:
    """'Min-ho': a hyphen and a word written tight against the name."""
    return (
        end + 1 < len(doc)
        and doc[end].text in HYPHENS
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    )


def looks_like_person(doc: Doc, candidate: Candidate) -> bool:
    """Guard rails against what the NER tags PERSON but names nobody."""
    tokens = list(doc[candidate.start : candidate.end])
    words = [t for t in tokens if t.text not in HYPHENS]
    if not words or not core_words(doc[candidate.start : candidate.end].text):
        return False
    if geo.country_of(doc[candidate.start : candidate.end].text):
        return False  # "Sri Lankan"
    # an honorific may stand inside a name ("Abdi Sheikh Warsame"); a hyphenated part may be lower-case
    inside = {t.i for t in words[1:-1] if bare(t) in HONORIFICS and t.text[:1].isupper()}
    inside |= {t.i + 1 for t in tokens if t.text == "-" and not t.whitespace_}
    inside |= {t.i for t in words[1:] if doc[t.i - 1].lower_ in NAME_PARTICLES and after_particle(t)}
    if any(not is_name_token(t) for t in words if t.i not in inside):
        return False
    if words[-1].text in ORG_HEADS or words[-1].text.lower() in NAME_PARTICLES:
        return False
    if len(words) == 1 and words[0].tag_ != "NNP":
        return False  # "Armed" (JJ), "Challenges" (NNPS), "ayatollah" (NN)
    if all(w.text.isupper() and len(w.text) > 1 for w in words):
        return False  # an acronym, or a dateline in capitals ("ABU DHABI, March 11 -")
    before = neighbour(doc, candidate.span_start, -1)
    after = neighbour(doc, candidate.end - 1, +1)
    if before is not None and before.lower_ in PLACE_PREPOSITIONS and candidate.span_start == candidate.start:
        return False  # "in Samos", "near Barmouth": a place the NER took for a person
    if before is not None and before.lower_ in GROUP_NOUNS:
        return False  # 'the terrorist group "X"'
    if len(words) == 1 and candidate.span_start == candidate.start and listed_with_places(words[0]):
        return False  # "visits Leeds, York and Torbay", "in Bromsgrove, Worcestershire": a place
    if after is not None and heads_an_office_holder(after):
        return False  # "Lib Dem leader X", "Kestrel spokesman Y": the body whose office the next name holds
    if after is not None and (after.lower_ in GROUP_NOUNS or after.text in ORG_HEADS):
        return False  # 'the X group', 'the Sultan Hamid Brigade'
    return not (before is not None and before.lower_ in {"the", "a", "an"} and candidate.span_start == candidate.start)


def heads_an_office_holder(office: Token) -> bool:
    """A lower-case office word between two names: the first names the body the second holds the office in."""
    if not (office.text.islower() and office.lower_ in OFFICE_HEADS) or office.i + 1 >= len(office.doc):
        return False
    holder = office.doc[office.i + 1]
    return holder.pos_ == "PROPN" and holder.ent_type_ == "PERSON"


def listed_with_places(token: Token) -> bool:
    """A word coordinated with or set beside places the NER or the gazetteer knows, as many as the others it calls
    people ('Leeds, York, Harrogate and Torbay' with the last two tagged PERSON), is one."""
    root = token
    while root.dep_ in {"conj", "appos"} and root.head.i != root.i:
        root = root.head
    listed = [root] + [t for t in root.subtree if t.dep_ in {"conj", "appos"} and t.pos_ == "PROPN"]
    others = [t for t in listed if t.i != token.i]
    places = [t for t in others if t.ent_type_ in {"GPE", "LOC"} or geo.country_of(t.text) or geo.city_country(t.text)]
    people = [t for t in others if t.ent_type_ == "PERSON"]
    return bool(places) and len(places) >= len(people)


def neighbour(doc: Doc, index: int, step: int) -> Token | None:
    """The nearest token in a direction, skipping quotation marks."""
    i = index + step
    while 0 <= i < len(doc) and doc[i].text in QUOTES:
        i += step
    return doc[i] if 0 <= i < len(doc) else None


def person_inside_other_entity(ent: Span) -> Candidate | None:
    """A person the NER folded into another entity: '[Security Council] Okello', '[Seyyed X Y], Minister'."""
    doc = ent.doc
    # an organisation's name followed by a person's: the tail after the last organisation head word
    heads = [t.i for t in ent if t.text in ORG_HEADS or bare(t) in OFFICE_HEADS]
    if heads and heads[-1] < ent.end - 1 and doc[heads[-1]].text in BODY_HEADS | {t.title() for t in OFFICE_HEADS}:
        tail_start = heads[-1] + 1
        if all(extendable(doc[i]) or doc[i].text in OPTIONAL_NAME_WORDS for i in range(tail_start, ent.end)):
            candidate = Candidate(tail_start, ent.end, tail_start)
            if looks_like_person(doc, candidate):
                return candidate
        return None
    if heads or ent.label_ != "ORG":
        return None
    # a name-shaped "organisation" in apposition to an office, or led by a lineage honorific
    if not all(t.tag_ == "NNP" and is_name_token(t) for t in ent if t.text not in {"-"}):
        return None
    led_by_honorific = ent[0].text.lower() in OPTIONAL_NAME_WORDS
    if led_by_honorific or office_after(doc, ent.end - 1) is not None:
        candidate = Candidate(ent.start, ent.end, ent.start)
        return candidate if looks_like_person(doc, candidate) else None
    return None


def person_after_title(doc: Doc, token: Token) -> Candidate | None:
    """A name the NER missed right after a title or office: 'Army Commander Maj Gen [Okello]', 'Kenyan president
    [Otieno]', 'Presidents [Otieno] of Kenya and ...'."""
    if not (is_title_token(token) or bare(token) in OFFICE_HEADS or is_plural_title(token)) or token.text == ".":
        return None
    if not token.text[:1].isupper() and not lower_case_title(token):
        return None
    start = token.i + 1
    while start < len(doc) and (is_title_token(doc[start]) or title_suffix_at(doc, start)):
        start += title_suffix_at(doc, start) or 1
    end = start
    end = extend_right(doc, end)
    if end == start or (end < len(doc) and doc[end].lower_ == "of" and not country_after(doc, end - 1)):
        return None
    candidate = Candidate(start, end, token.i)
    return candidate if looks_like_person(doc, candidate) else None


def lower_case_title(token: Token) -> bool:
    """'the Kenyan president Otieno': an office written in lower case right before a capitalised name."""
    return bare(token) in NAME_OFFICE_TITLES and token.i + 1 < len(token.doc) and token.nbor().tag_ == "NNP"


def country_after(doc: Doc, last: int) -> str:
    """The country in 'X of Kenya', 'King X of the Gambia' right after a name, which the person speaks for."""
    if last + 2 >= len(doc) or doc[last + 1].lower_ != "of":
        return ""
    start = last + 3 if doc[last + 2].lower_ == "the" else last + 2
    country, _ = geo.country_at([t.text for t in doc[start : start + 3]], 0)
    return country


LIST_OPENERS = frozenset({",", "and", "namely", "including", ":", "with"})


def person_of_country(doc: Doc, of: Token) -> Candidate | None:
    """'..., namely Otieno Kamau of Kenya and Aiko Tanaka of Japan': a listed name the NER missed or typed ORG,
    told by the country it stands for and the list word or title before it."""
    if of.lower_ != "of" or of.i == 0 or not country_after(doc, of.i - 1):
        return None
    start = of.i
    while start > 0 and extendable(doc[start - 1]) and not geo.country_of(doc[start - 1].text):
        start -= 1
    if of.i - start < 2 or start == 0:
        return None  # one word ("Gulf of Mexico") says too little
    before = doc[start - 1]
    if not (before.lower_ in LIST_OPENERS or is_title_token(before) or is_plural_title(before)):
        return None
    candidate = Candidate(start, of.i, start)
    return candidate if looks_like_person(doc, candidate) else None


# --- offices and countries ---


def office_before(doc: Doc, candidate: Candidate, names: set[int]) -> tuple[list[Token], bool, str]:
    """The office words in front of a name ('the Kenyan chief of defence forces Gen.'), ranks dropped, whether
    the office is a past one, and the country the words before the name give ('Sudanese General X')."""
    sentence_start = doc[candidate.start].sent.start
    i = candidate.start - 1
    while i >= sentence_start and is_rank_token(doc[i]):
        i -= 1
    appositive = i > sentence_start and doc[i].text == ","
    i = i - 1 if appositive else candidate.start - 1  # "the head of the Kenyan intelligence service, X"
    phrase: list[Token] = []
    while i >= sentence_start and i not in names:
        token = doc[i]
        word = bare(token)
        if word == "to" and phrase and i > sentence_start and bare(doc[i - 1]) in POSTED_OFFICES:
            phrase.insert(0, token)  # "Turkish Ambassador [to] Athens X"
            i -= 1
            continue
        if word == "and" or token.text in {",", ";", ":", "(", ")"} or token.text in QUOTES:
            break
        if token.text in CALENDAR_WORDS:
            break  # "on Sunday President X": a date, not part of the office
        if title_suffix_at(doc, i):
            phrase.insert(0, token)  # "Prime Minister-designate"
            i -= 1
            continue
        country_words = country_ending_at(doc, i, sentence_start)
        if country_words:
            phrase[:0] = list(doc[i - country_words + 1 : i + 1])  # "Sri Lankan", "South African"
            i -= country_words
            continue
        if token.tag_ == "POS" and i > sentence_start and geo.country_of(doc[i - 1].text):
            phrase.insert(0, token)  # "Ghana's President"
        elif (
            is_rank_token(token)
            or word in OFFICE_WORDS
            or geo.country_of(token.text)
            or (token.text[:1].isupper() and token.tag_ in {"NNP", "NNPS"} and not token.is_sent_start)
        ):
            phrase.insert(0, token)
        else:
            break
        i -= 1
    if appositive and not (phrase and phrase[0].lower_ in {"the", "a", "an"}):
        return [], False, ""  # "Nairobi, X" or "..., X": a comma with no office phrase before it
    country = phrase_country(phrase)
    while phrase and bare(phrase[0]) in {"the", "of", "and", "for"}:
        phrase.pop(0)
    # ranks and honorifics right before the name are not the office ("Army Chief General X")
    while phrase and (phrase[-1].text == "." or bare(phrase[-1]) in RANK_WORDS or bare(phrase[-1]) in HONORIFICS):
        phrase.pop()
    return phrase, any(bare(t) in PAST_WORDS for t in phrase), country


def country_ending_at(doc: Doc, i: int, sentence_start: int) -> int:
    """How many tokens ending at i name a country ('Sri Lankan', 'South African'), or 0."""
    for length in (3, 2, 1):
        first = i - length + 1
        if first >= sentence_start and geo.country_at([t.text for t in doc[first : i + 1]], 0)[1] == length:
            return length
    return 0


def phrase_country(phrase: list[Token]) -> str:
    """The first country an office phrase names, by country name, demonym or organisation, in one or more words."""
    words = [t.text for t in phrase]
    for k in range(len(words)):
        country, _ = geo.country_at(words, k)
        if country and not posted_to(words, k):
            return country
    return ""


def posted_to(words: list[str], k: int) -> bool:
    """'Ambassador to Kenya': the place the word at k names is where an office is held, not its country."""
    return k > 1 and words[k - 1].lower() == "to" and words[k - 2].lower().strip(".") in POSTED_OFFICES


def office_after(doc: Doc, last: int, names: frozenset[int] | set[int] = frozenset()) -> list[Token] | None:
    """An office in apposition after a name: 'X, the former Pakistani Defense Minister,'."""
    if last + 2 >= len(doc) or doc[last + 1].text != ",":
        return None
    first = last + 2
    if doc[first].lower_ == "who" and first + 1 < len(doc) and doc[first + 1].lower_ in {"is", "was"}:
        first += 2  # "X, who is also Kenyan trade minister,": the same apposition in a relative clause
        first += first < len(doc) and doc[first].lower_ in {"also", "now", "currently"}
    phrase: list[Token] = []
    for token in doc[first : last + 16]:
        if token.i in names:
            return None  # "A, Foreign Minister B and C": a list of people, not an apposition
        stop = token.text in {",", ".", ";", ":", "(", ")"} or token.lower_ in {"who", "which", "and"}
        if token.pos_ in {"VERB", "AUX"} and not stop:
            return None  # "After meeting X, the Crown Prince paid ...": the next clause's subject, no apposition
        if stop:
            break
        phrase.append(token)
    if not phrase or not (
        phrase[0].lower_ in {"the", "a", "an"} or bare(phrase[0]) in OFFICE_WORDS or phrase[0].text[:1].isupper()
    ):
        return None  # ", apart from top military commanders" is no apposition
    while phrase and phrase[0].lower_ in {"the", "a", "an"}:
        phrase.pop(0)
    if not phrase or not any(bare(t) in OFFICE_HEADS for t in phrase):
        return None
    return phrase


def role_from_phrase(phrase: list[Token]) -> RoleRecord | None:
    """Title, organisation and country from an office phrase; places and organisations may take several words."""
    if not any(bare(t) in OFFICE_HEADS for t in phrase):
        return None
    words = [t.text for t in phrase]
    country = organization = ""
    title_words: list[str] = []
    k = 0
    while k < len(phrase):
        place, length = geo.country_at(words, k)
        if length and posted_to(words, k):
            title_words.extend(words[k : k + length])
            k += length
            continue
        if length:
            joined = " ".join(words[k : k + length])
            if joined in geo.ORGANIZATION_COUNTRY:
                organization = organization or joined
            country = country or place
            k += length
            continue
        token = phrase[k]
        k += 1
        if token.text.isupper() and len(token.text) >= 3:
            organization = organization or token.text
        elif (
            token.tag_ == "POS"
            or bare(token) in PAST_WORDS
            or token.lower_ in {"a", "an", "prominent", "top", "senior"}
        ):
            continue
        elif is_plural_title(token):
            title_words.append(token.text[:-1])  # "Presidents X of A and Y of B": each is a president
        else:
            title_words.append(token.text)
    text = " ".join(title_words).replace(" - ", "-").replace(" ,", ",").strip(" ,")
    while text.lower().startswith(("the ", "of ")):
        text = text.split(" ", 1)[1]
    while text.lower().endswith((" of", " the", " and", " of the")):
        text = text.rsplit(" ", 1)[0]
    if not text or text.lower() in {"of", "the"}:
        return None
    title = text[0].upper() + text[1:]
    return RoleRecord(title=title[:200], organization=organization, country=country)


# --- grouping mentions into people ---


@dataclass
class _Mention:
    record: MentionRecord
    words: list[str]
    roles: list[RoleRecord]
    past: bool
    country: str = ""


def find_people(doc: Doc) -> list[PersonRecord]:
    """The people of one article, each with every mention of them and the offices the text gives them."""
    candidates = person_candidates(doc)
    candidates += repeated_names(doc, candidates)
    candidates.sort(key=lambda c: c.start)
    names = {i for c in candidates for i in range(c.start, c.end)}
    people = group_mentions([describe(doc, c, names) for c in candidates])
    described_mentions(doc, people, names)
    return people


# --- people named by their office alone ---


def described_mentions(doc: Doc, people: list[PersonRecord], names: set[int]) -> None:
    """'the Chilean president', 'the Crown Prince': an office with its country (or an office of several words)
    names the one person of the article who holds it; the phrase becomes a mention of them."""
    for the in doc:
        if the.lower_ != "the" or the.i + 1 >= len(doc) or the.i + 1 in names:
            continue
        found = description_at(doc, the.i + 1)
        if found is None:
            continue
        end, title, country = found
        holders = [p for p in people if any(holds(p, role, title, country) for role in p.roles)]
        if len(holders) != 1:
            continue
        person, span = holders[0], doc[the.i + 1 : end]
        sentence = span.sent
        person.mentions.append(
            MentionRecord(
                span.text, person.name, span.start_char, span.end_char, sentence.start_char, sentence.end_char
            )
        )
        person.mentions.sort(key=lambda m: m.start)


DESCRIPTION_WORDS = (OFFICE_WORDS | NAME_OFFICE_TITLES | {"top", "visiting"}) - {
    "of",
    "the",
    "and",
    "for",
    "former",
    "then",
}


def description_at(doc: Doc, start: int) -> tuple[int, str, str] | None:
    """(end, office, country) of 'Kenyan president', 'top Brazilian diplomat', 'president of Peru' from start;
    None when a name follows (a title, not a description), or when a lone office word has no country."""
    i, country, words = start, "", []
    while i < len(doc) and i - start < 6:
        place, length = geo.country_at([t.text for t in doc[i : i + 3]], 0)
        if length and not country:
            country, i = place, i + length
            continue
        if bare(doc[i]) in DESCRIPTION_WORDS:
            words.append(bare(doc[i]))
            i += 1
            continue
        break
    if not words or words[-1] not in OFFICE_HEADS or doc[i - 1].tag_ in {"NNS", "NNPS"} or words[-1].endswith("s"):
        return None  # no office, or several holders ("the foreign ministers of A and B")
    if i < len(doc) and (doc[i].tag_ in {"NNP", "NNPS"} or doc[i].ent_type_ == "PERSON" or doc[i].text == "-"):
        return None  # "the Kenyan president William Otieno": a title
    if not country and i + 1 < len(doc) and doc[i].lower_ == "of":
        country = geo.country_at([t.text for t in doc[i + 1 : i + 4]], 0)[0]
        i += 1 + geo.country_at([t.text for t in doc[i + 1 : i + 4]], 0)[1] if country else 0
    title = " ".join(w for w in words if w not in {"top", "visiting"})
    if not country and len(title.split()) < 2:
        return None  # "the president": whose, the text does not say
    return i, title, country


def holds(person: PersonRecord, role: RoleRecord, title: str, country: str) -> bool:
    """Whether the role is the described office: the same title, or what a generic word stands for ('leader',
    'diplomat'), of the described country when one is given."""
    if country and (role.country or person.country) != country:
        return False
    held = office_words(role.title)
    wanted = office_words(title)
    if held == wanted:
        return True
    return len(wanted) == 1 and wanted[0] in OFFICE_SYNONYMS and " ".join(held) in OFFICE_SYNONYMS[wanted[0]]


def office_words(title: str) -> list[str]:
    """An office's words, lower-case, singular, without the words that do not tell offices apart."""
    words = [w.strip(".,") for w in title.lower().replace("-", " ").split()]
    words = [w for w in words if w not in {"the", "top", "visiting", "acting", "new", "then", "former"}]
    return [w[:-1] if w.endswith("s") and w[:-1] in OFFICE_HEADS else w for w in words]


def repeated_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Later mentions the NER missed of a name it found elsewhere in the article ('Okello was received')."""
    taken = {i for c in candidates for i in range(c.start, c.end)}
    surnames = {doc[c.end - 1].text for c in candidates if doc[c.end - 1].tag_ == "NNP" and len(doc[c.end - 1]) > 2}
    found = []
    for token in doc:
        if token.i in taken or token.text not in surnames or token.tag_ != "NNP":
            continue
        start = token.i
        while start > 0 and start - 1 not in taken and extendable(doc[start - 1]):
            start -= 1
        span_start = start
        while span_start > 0 and is_rank_token(doc[span_start - 1]):
            span_start -= 1
        candidate = Candidate(start, token.i + 1, span_start)
        if looks_like_person(doc, candidate):
            found.append(candidate)
            taken.update(range(start, token.i + 1))
    return found


def describe(doc: Doc, candidate: Candidate, names: set[int]) -> _Mention:
    name_span = doc[candidate.start : candidate.end]
    surface = doc[candidate.span_start : candidate.end]
    sentence = name_span.sent
    name = name_span.text.replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    record = MentionRecord(
        text=surface.text,
        name=name,
        start=surface.start_char,
        end=name_span.end_char,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
    )
    roles: list[RoleRecord] = []
    phrase, past, country = office_before(doc, candidate, names)
    represented = country_after(doc, candidate.end - 1)  # "King X of Jordan"
    for words in (phrase, office_after(doc, candidate.end - 1, names) or []):
        role = role_from_phrase(words)
        if role and represented and not role.country:
            role = RoleRecord(title=role.title, organization=role.organization, country=represented)
        if role:
            roles.append(role)
    country = country or represented
    if spouse_mention(doc, candidate):
        roles.append(RoleRecord(title=SPOUSE_TITLE))
    dignity = dignity_before(doc, candidate)
    if dignity:
        roles.append(RoleRecord(title=dignity))
    return _Mention(record=record, words=core_words(name), roles=roles, past=past, country=country)


def spouse_mention(doc: Doc, candidate: Candidate) -> bool:
    """'his wife Ana', 'the president's husband, Luis', 'First Lady Ana', 'Ana, the wife of ...': a spouse."""
    before = [t for t in doc[max(0, candidate.span_start - 3) : candidate.span_start] if t.text != ","]
    if before and bare(before[-1]) in SPOUSE_WORDS:
        return True
    titles = [bare(t) for t in doc[max(0, candidate.start - 2) : candidate.start]]
    if ["first", "lady"] in ([bare(t) for t in before[-2:]], titles):
        return True
    after = doc[candidate.end : candidate.end + 4]
    if (
        len(after) < 3
        or after[0].text != ","
        or not (after[1].lower_ in {"the", "his", "her"} or after[2].tag_ == "POS")
    ):
        return False  # "Otieno, whose wife ...": Otieno is not the spouse
    return any(bare(t) in SPOUSE_WORDS for t in after[1:])


def dignity_before(doc: Doc, candidate: Candidate) -> str:
    """'Princess Ana': a dignity written right before the name, kept as a role even where no office phrase is."""
    i = candidate.start - 1
    while i >= 0 and is_rank_token(doc[i]):
        i -= 1
    if i < 0 or bare(doc[i]) not in DIGNITY_TITLES or (i > 0 and bare(doc[i - 1]) == "crown"):
        return ""
    return doc[i].text.title()


def holds_no_office(person: PersonRecord) -> bool:
    """Never a participant: a spouse, a royal with a dignity and no office ('Prince X', 'Princess Y'), the leader
    of a party or movement ('opposition leader X'); only when every role the text gives is of that kind."""
    return bool(person.roles) and all(not_an_office(role) for role in person.roles)


def not_an_office(role: RoleRecord) -> bool:
    """A spouse, a dignity ('Prince', but not 'Crown Prince'), a leadership outside government, or a post in a
    business."""
    words = set(bare_words(f"{role.title} {role.organization}"))
    if role.title == SPOUSE_TITLE or in_business(role, words):
        return True
    if words & DIGNITY_TITLES and "crown" not in words:
        return not words & (OFFICE_HEADS - DIGNITY_TITLES)
    return bool(words & NON_GOVERNMENT_BODIES) and not words & RULING_PARTY_WORDS


def in_business(role: RoleRecord, words: set[str]) -> bool:
    """'Kestrel Bank chairman', 'the chief executive of Norvia Motors', 'CEO': a post in a business, whose holder
    meets others as no official; a central bank's governor, a state airline's head or 'the Bank of Kenya' are
    public bodies, and a minister stays a minister whatever else the phrase names."""
    if words & BUSINESS_TITLES:
        return True
    public = words & (PUBLIC_BODY_WORDS | GOVERNMENT_TITLES) or role.country
    return bool(words & BUSINESS_NAME_WORDS) and not public


class _People:
    """The people found so far, indexed so that a mention is compared with the few it could name, not with all
    (an article naming thousands of people would otherwise compare every mention with every person).

    `name_match_score` is above 0 only when the first two words of both names match (`words_match`: the same
    word, two articles such as 'al' and 'el', or words beginning with the same sound), or when the last words
    match strictly (the same skeleton, two articles, or one edit apart between words of five letters or more:
    then deleting one letter, or none, from each gives the same word). `match_keys` gives a name every key one
    of those could share, so people with no key in common with a mention cannot match it."""

    def __init__(self) -> None:
        self.all: list[PersonRecord] = []
        self.by_key_shared: dict[tuple, list[PersonRecord]] = defaultdict(list)
        self.by_first_word: dict[str, list[PersonRecord]] = defaultdict(list)
        self.starts: dict[int, list[int]] = {}  # each person's mention offsets, in order
        self.names: dict[int, set[str]] = {}  # the names each person's mentions give

    @staticmethod
    def match_keys(name: str) -> set[tuple]:
        words = core_words(name)
        if not words:
            return set()

        def sounds(word: str) -> set[str]:
            return {word_skeleton(word)[:1], "article"} if word in ARTICLES else {word_skeleton(word)[:1]}

        keys: set[tuple] = set()
        if len(words) >= 2:
            keys |= {("first two", a, b) for a in sounds(words[0]) for b in sounds(words[1])}
        last = words[-1]
        keys.add(("last", word_skeleton(last)))
        if last in ARTICLES:
            keys.add(("last", "article"))
        if len(last) >= 5:
            keys |= {("last less one letter", last[:i] + last[i + 1 :]) for i in range(len(last))}
            keys.add(("last less one letter", last))
        return keys

    def new(self, name: str) -> PersonRecord:
        person = PersonRecord(key=len(self.all), name=name)
        self.all.append(person)
        for key in self.match_keys(name):
            self.by_key_shared[key].append(person)
        if words := core_words(name):
            self.by_first_word[words[0]].append(person)
        self.starts[person.key], self.names[person.key] = [], set()
        return person

    def sounding_like(self, name: str) -> list[PersonRecord]:
        """Everyone whose name may match `name`, in the order they were found."""
        found = {p.key: p for key in self.match_keys(name) for p in self.by_key_shared.get(key, ())}
        return [found[key] for key in sorted(found)]

    def attach(self, person: PersonRecord, record: MentionRecord) -> None:
        person.mentions.append(record)
        insort(self.starts[person.key], record.start)
        self.names[person.key].add(record.name)

    def named_before(self, person: PersonRecord, start: int) -> int | None:
        """The offset of the person's latest mention before `start`, or None."""
        starts = self.starts[person.key]
        at = bisect_left(starts, start)
        return starts[at - 1] if at else None


def group_mentions(mentions: list[_Mention]) -> list[PersonRecord]:
    """Cluster mentions into people: full names first, then short forms to the one full name they fit."""
    index = _People()
    people = index.all
    by_key: dict[int, list[_Mention]] = {}
    full = [m for m in mentions if len(m.words) >= 2]
    short = [m for m in mentions if len(m.words) < 2]
    for mention, full_only in [(m, True) for m in full] + [(m, False) for m in short]:
        match = best_person(index, mention, full_only=full_only)
        if match is None:
            match = index.new(mention.record.name)
        index.attach(match, mention.record)
        by_key.setdefault(match.key, []).append(mention)
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
        person.name = max((m.name for m in person.mentions), key=lambda n: (len(core_words(n)), len(n)))
        person.roles = unique_roles(r for m in by_key[person.key] for r in m.roles)
        hints = [m.country for m in by_key[person.key] if m.country]
        person.country = next((r.country for r in person.roles if r.country), hints[0] if hints else "")
    return people


def best_person(index: _People, mention: _Mention, *, full_only: bool) -> PersonRecord | None:
    """The person a mention names: the only compatible one, or, among several, the one the mention's own words
    point to (its exact surname, its title, a short form already used for them), else the latest before it."""
    name = mention.record.name
    scored = [(name_match_score(name, p.name), p) for p in index.sounding_like(name)]
    compatible = [p for score, p in scored if score > 0]
    if not compatible and not full_only and len(mention.words) == 1:
        # surname-first names: "Xi" for "Xi Jinping", "Park" for "Park Min-ho" (a hyphenated given name is one
        # word); a ruler by the given name: "King Hamad" for "Hamad bin Isa Al Khalifa"; only when nothing else fits
        titles = [bare_words(r.title)[-1] for r in mention.roles] + bare_words(mention.record.text)[:1]
        royal = any(t in ROYAL_TITLES for t in titles)
        compatible = [p for p in index.by_first_word.get(mention.words[0], ()) if len(p.name.split()) == 2 or royal]
    if not full_only and len(mention.words) < 2:
        # a surname written before any full name that has it is someone the reader already knows, not that
        # person ("President Moreau ... Moreau and Claire Moreau"); unless the article never names anyone else
        earlier = [p for p in compatible if index.named_before(p, mention.record.start) is not None]
        if not earlier:
            return None
        compatible = earlier
    if len(compatible) <= 1:
        return compatible[0] if compatible else None
    if full_only:
        return max(compatible, key=lambda p: name_match_score(name, p.name))
    compatible = pointed_to(compatible, mention, index)
    latest = [(index.named_before(p, mention.record.start), p) for p in compatible]
    before = [(start, p) for start, p in latest if start is not None]
    return max(before, key=lambda pair: pair[0])[1] if before else None


def bare_words(text: str) -> list[str]:
    return [w.lower().strip(".") for w in text.split()]


def pointed_to(people: list[PersonRecord], mention: _Mention, index: _People) -> list[PersonRecord]:
    """Among people a short name fits, those its own words single out: the exact surname over a sound-alike
    ('Haddad' is not 'Hadid'), the title it carries ('President Moreau' is not Mrs Moreau), a short form the
    article already used for one of them."""
    tests = (
        lambda p: core_words(p.name)[-1:] == mention.words[-1:],
        lambda p: bool({r.title.lower() for r in mention.roles} & {r.title.lower() for r in p.roles}),
        lambda p: mention.record.name in index.names[p.key],
    )
    for test in tests:
        kept = [p for p in people if test(p)]
        if kept:
            people = kept
    return people


def unique_roles(roles) -> list[RoleRecord]:
    """One role per title: a role seen once with its country and once without is one role."""
    seen: dict[str, RoleRecord] = {}
    for role in roles:
        key = role.title.lower()
        known = seen.get(key)
        if known is None or (not known.country and role.country) or (not known.organization and role.organization):
            seen[key] = RoleRecord(
                title=role.title,
                organization=role.organization or (known.organization if known else ""),
                country=role.country or (known.country if known else ""),
            )
    return list(seen.values())

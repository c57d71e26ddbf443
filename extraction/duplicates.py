"""Whether two officials may be one person: the score behind the curators' list of suspected duplicates.

Resolution merges only what it is sure of; what it is not sure of becomes a suggestion, and a suggestion costs a
curator's minute, so it must be likely. Candidates meet by surname, spelled alike (the transliteration skeleton)
or one letter apart (edit distance: 'Dowlani'/'Doulani'); their given names must then agree, and the country and
the offices they were seen holding weigh for or against. Two people who share only a common surname ('Farid Malik'
and 'Nadia Rehana Malik') are not suggested.
"""

from dataclasses import dataclass, field

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from extraction.identity import countries_agree
from extraction.names import core_words, fold, word_skeleton, words_match

# A pair is suggested from this score up: full names that agree (0.8 and up) whatever the country; an official
# known by a surname alone and one of that surname unless their countries differ.
SUGGEST = 0.6
FULL_NAMES = 0.8
LONE_SURNAME = 0.6
SAME_COUNTRY = 0.05
OTHER_COUNTRY = -0.3
SHARED_OFFICE = 0.1
# The letters a skeleton can hold (word_skeleton folds c, q, w, y, z and the vowels e, o into others): a smaller
# neighbourhood to look up, the same skeletons found.
SKELETON_LETTERS = "abdfghijklmnprstuvx"
# Surnames one edit apart must be this long: between short ones a letter is a different name (Ali/Ari).
MIN_VARIANT_LENGTH = 5


@dataclass(frozen=True)
class Profile:
    """What is known of an official for telling duplicates: every name, the country, the offices seen."""

    names: tuple[str, ...]
    country: str = ""
    offices: frozenset[str] = field(default_factory=frozenset)


def office_key(title: str) -> str:
    """An office compared across spellings: 'Foreign Minister' and 'foreign minister' are one office."""
    return " ".join(fold(title).split())


def surnames_close(a: str, b: str) -> bool:
    """Surnames that may be one name: spelled alike (the skeleton), or one letter apart when long enough."""
    if words_match(a, b, strict=True):
        return True
    return min(len(a), len(b)) >= MIN_VARIANT_LENGTH and a[0] == b[0] and DamerauLevenshtein.distance(a, b) <= 1


def given_names_agree(x: list[str], y: list[str]) -> bool:
    """Every given name of the shorter list matches one of the longer's ('Hassan' / 'Hasan Feridun')."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return all(any(words_match(s, w) for w in long) for s in short)


def name_pair_score(a: str, b: str) -> float:
    """How well two names can be one person's: 0 when they cannot, LONE_SURNAME for a surname alone, FULL_NAMES
    and up (by similarity) for full names whose surnames are close and given names agree."""
    x, y = core_words(a), core_words(b)
    if not x or not y or not surnames_close(x[-1], y[-1]):
        return 0.0
    if len(x) == 1 or len(y) == 1:
        return LONE_SURNAME
    if not given_names_agree(x[:-1], y[:-1]):
        return 0.0
    return FULL_NAMES + (1 - FULL_NAMES) * JaroWinkler.similarity(" ".join(x), " ".join(y))


def full_names(profile: Profile) -> list[str]:
    return [name for name in profile.names if len(core_words(name)) >= 2]


def duplicate_score(a: Profile, b: Profile) -> float:
    """How likely two officials are one person (0 to 1); SUGGEST and up is worth a curator's look.

    When both have full names, only full names are compared: a lone 'Malik' known for one of them says nothing
    against the given names that differ."""
    names_a, names_b = (full_names(a), full_names(b)) if full_names(a) and full_names(b) else (a.names, b.names)
    score = max((name_pair_score(m, n) for m in names_a for n in names_b), default=0.0)
    if score == 0.0:
        return 0.0
    if a.country and b.country:
        score += SAME_COUNTRY if countries_agree(a.country, b.country) else OTHER_COUNTRY
    if a.offices & b.offices:
        score += SHARED_OFFICE
    return round(max(0.0, min(1.0, score)), 3)


def skeleton_neighbours(skeleton: str) -> set[str]:
    """The skeleton and every string one edit from it: the surname index is searched for all of them at once, so
    that 'Dowlani' finds 'Doulani' though their skeletons differ by a letter."""
    if not skeleton:
        return set()
    found = {skeleton}
    for i in range(len(skeleton) + 1):
        head, tail = skeleton[:i], skeleton[i:]
        found.update(head + letter + tail for letter in SKELETON_LETTERS)  # insertions
        if tail:
            found.add(head + tail[1:])  # deletions
            found.update(head + letter + tail[1:] for letter in SKELETON_LETTERS)  # substitutions
    return found


def surname_neighbours(names: tuple[str, ...]) -> set[str]:
    """The surname skeletons that duplicates of someone of these names may be filed under."""
    found: set[str] = set()
    for name in names:
        words = core_words(name)
        if words:
            found |= skeleton_neighbours(word_skeleton(words[-1]))
    return found

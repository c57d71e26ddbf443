"""Name normalisation shared by resolution and search: lookup keys and transliteration-tolerant skeletons.

Pure functions over strings; no model, no database.
"""

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler
from unidecode import unidecode

from extraction.lexicon import ARTICLES, OPTIONAL_NAME_WORDS, TITLE_WORDS

# Transliteration equivalences applied in order to build a skeleton: one spelling for sounds many spellings share.
_SKELETON_RULES = (
    (r"gh", "q"),
    (r"kh", "h"),
    (r"ph", "f"),
    (r"sh", "s"),
    (r"ch", "c"),
    (r"th", "t"),
    (r"dh", "d"),
    (r"zh", "j"),
    (r"q", "k"),
    (r"ck", "k"),
    (r"c", "k"),
    (r"w", "v"),
    (r"z", "s"),
    (r"y", "i"),
)
# Vowels that transliterations swap for one another: Hussein/Hossein, Ebrahim/Ibrahim; "a" stands apart
# (Hassan is not Hussein).
_VOWEL_CLASS = {"a": "a", "e": "i", "i": "i", "o": "u", "u": "u"}


def fold(text: str) -> str:
    """Lower-case ASCII: accents dropped, other scripts transliterated."""
    text = unicodedata.normalize("NFKC", text or "")
    return unidecode(text).lower()


def name_words(text: str) -> list[str]:
    """The words of a name, lower-case ASCII, possessive and punctuation removed; hyphens split words."""
    text = fold(text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return text.split()


def strip_titles(words: list[str]) -> list[str]:
    """Drop the title words in front of a name ('Maj Gen X' -> 'X', but 'John Major' stays); titles alone give []."""
    start = 0
    while start < len(words) and words[start] in TITLE_WORDS:
        start += 1
    return words[start:]


def name_key(text: str) -> str:
    """The lookup key of a name: 'Maj. Gen. Moses Okello\u2019s' -> 'moses okello'."""
    return " ".join(strip_titles(name_words(text)))


def core_words(text: str) -> list[str]:
    """The key's words less optional honorifics ('Seyyed Ali Karimi' -> ['ali', 'karimi'])."""
    return list(_core_words(text))


# Bounded like word_skeleton; a name is compared with many others, and its words are the slow part of a comparison.
@lru_cache(maxsize=65536)
def _core_words(text: str) -> tuple[str, ...]:
    words = strip_titles(name_words(text))
    core = [w for w in words if w not in OPTIONAL_NAME_WORDS]
    return tuple(core or words)


# Bounded: the words come from search queries too, and a worker lives for thousands of requests.
@lru_cache(maxsize=65536)
def word_skeleton(word: str) -> str:
    """A transliteration-tolerant form of one word: 'Bagheri'/'Baqeri' -> 'bakr', 'Javed'/'Jawid' -> 'javd'.

    The first letter and the class of the first vowel stay (Hassan is not Hussein, Qiang is not Keqiang);
    later vowels and a silent h go, as do doubled letters (Hassan/Hasan).
    """
    word = fold(word)
    word = re.sub(r"[^a-z]", "", word)
    if not word:
        return ""
    for pattern, replacement in _SKELETON_RULES:
        word = re.sub(pattern, replacement, word)
    head = _VOWEL_CLASS.get(word[0], word[0])
    rest = word[1:].lstrip("h")
    vowel = "" if word[0] in _VOWEL_CLASS else _VOWEL_CLASS.get(rest[:1], "")
    tail = re.sub(r"[aeiouh]", "", rest[1:] if vowel else rest)
    return re.sub(r"(.)\1+", r"\1", head + vowel + tail)


def name_skeleton(text: str) -> str:
    """The skeletons of a name's core words, in order."""
    return " ".join(word_skeleton(w) for w in core_words(text))


def words_match(a: str, b: str, *, strict: bool = False) -> bool:
    """Two name words are one spelling apart: Hasan/Hassan, Bagheri/Baqeri, Javed/Jawid, Ai/Ali (a dropped letter).

    strict is for surnames, where a dropped letter between short words says too little.
    """
    if a == b or (a in ARTICLES and b in ARTICLES):
        return True  # al-Amin, el-Amin
    if not a or not b or word_skeleton(a)[:1] != word_skeleton(b)[:1]:
        return False
    if word_skeleton(a) == word_skeleton(b) and min(len(a), len(b)) >= 3:
        return True
    distance = DamerauLevenshtein.distance(a, b)
    if strict:
        return min(len(a), len(b)) >= 5 and distance <= 1 and JaroWinkler.similarity(a, b) >= 0.9
    return distance <= 1 and min(len(a), len(b)) >= 2 and (min(len(a), len(b)) >= 4 or len(a) != len(b))


def name_match_score(a: str, b: str) -> float:
    """How surely two names can be one person, from the strings alone: 0 when they cannot.

    The surnames (last words) must agree and every word of the shorter name must match a distinct word
    of the longer, in any order; a lone surname matching a full name scores low (context must decide).
    """
    x, y = core_words(a), core_words(b)
    if not x or not y:
        return 0.0
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) >= 2 and all(words_match(s, w) for s, w in zip(short, long, strict=False)):
        # the same names in order, the longer adding a father's or grandfather's name: "Demeke Mekonnen (Hassen)"
        return 0.8 + 0.2 * sum(s == w for s, w in zip(short, long, strict=False)) / len(short)
    if not words_match(x[-1], y[-1], strict=True):
        return 0.0
    free = list(long)
    for word in short:
        partner = next((w for w in free if words_match(word, w)), None)
        if partner is None:
            return 0.0
        free.remove(partner)
    if len(short) == 1:
        return 0.5
    exact = sum(1 for w in short if w in long)
    return 0.8 + 0.2 * exact / len(short)


def surname_skeleton(text: str) -> str:
    """The skeleton of a name's last word: the index under which spelling variants meet."""
    words = core_words(text)
    return word_skeleton(words[-1]) if words else ""

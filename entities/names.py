"""Name normalisation shared by resolution and search: lookup keys and transliteration-tolerant skeletons.

Pure functions over strings; no model, no database.
"""

import re
import unicodedata

from unidecode import unidecode

# Ranks, honorifics and office words that precede a name; removed from names and kept as titles.
TITLE_WORDS = frozenset(
    """
    gen general maj major lt lieutenant col colonel brig brigadier adm admiral rear vice air chief field marshal
    capt captain cdr commander commodore sgt sergeant cpl corporal
    dr doctor prof professor mr mrs ms miss sir dame lord lady hon honourable honorable excellency
    president vice-president premier chancellor minister prime secretary deputy foreign defence defense
    ayatollah grand imam sheikh shaikh sheik allama maulana mullah hojatoleslam hojjatoleslam mufti cardinal
    pope rev reverend father bishop archbishop rabbi king queen prince princess emir sultan crown
    senator rep representative governor gov mayor ambassador envoy judge justice speaker
    coas cjcsc cgs
    """.split()
)

# Words that may or may not be written in front of a given name (lineage honorifics); optional when matching.
OPTIONAL_NAME_WORDS = frozenset("seyyed seyed sayyid sayed syed sayyed".split())

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
    (r"j", "j"),
)


def fold(text: str) -> str:
    """Lower-case ASCII: accents dropped, other scripts transliterated."""
    text = unicodedata.normalize("NFKC", text or "")
    return unidecode(text).lower()


def name_words(text: str) -> list[str]:
    """The words of a name, lower-case ASCII, possessive and punctuation removed; hyphens split words."""
    text = fold(text).replace("'", "'")
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
    """The lookup key of a name: 'Maj. Gen. Mohammad Bagheri\u2019s' -> 'mohammad bagheri'."""
    return " ".join(strip_titles(name_words(text)))


def core_words(text: str) -> list[str]:
    """The key's words less optional honorifics ('Seyyed Ali Khamenei' -> ['ali', 'khamenei'])."""
    words = strip_titles(name_words(text))
    core = [w for w in words if w not in OPTIONAL_NAME_WORDS]
    return core or words


def word_skeleton(word: str) -> str:
    """A transliteration-tolerant form of one word: 'Bagheri'/'Baqeri' -> 'bkr', 'Javed'/'Jawid' -> 'jvd'."""
    word = fold(word)
    word = re.sub(r"[^a-z]", "", word)
    if not word:
        return ""
    for pattern, replacement in _SKELETON_RULES:
        word = re.sub(pattern, replacement, word)
    head, tail = word[0], word[1:]
    tail = re.sub(r"[aeiouh]", "", tail)  # vowels and a silent h vary most between transliterations
    skeleton = head + tail
    return re.sub(r"(.)\1+", r"\1", skeleton)  # doubled letters: Hassan/Hasan


def name_skeleton(text: str) -> str:
    """The skeletons of a name's core words, in order."""
    return " ".join(word_skeleton(w) for w in core_words(text))

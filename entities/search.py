"""Officials search: a person under any alias, with or without titles, with typos and transliteration variants.

The backend is chosen here by connection.vendor. PostgreSQL finds candidate aliases by trigram similarity (pg_trgm,
indexed by entities/migrations/0002) and re-scores them with the same word matcher as the fallback; SQLite scores
every alias in Python (rapidfuzz and name skeletons). Both return actor ids with a score in [0, 1], best first.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import QuerySet
from rapidfuzz.distance import Indel

from entities.models import ActorAlias, ActorKind, Mention, ReviewStatus
from extraction.names import core_words, name_key, word_skeleton

# Longer queries are cut: no name is this long, and the cost of scoring grows with the query.
MAX_QUERY_CHARS = 200
# Word-matcher scores below this are noise (PostgreSQL's own trigram thresholds pick its candidates).
MIN_FUZZY_SCORE = 0.7
# A trigram score this high stands on its own even when the word matcher disagrees.
STRONG_TRIGRAM_SCORE = 0.5
# How many aliases PostgreSQL hands over for re-scoring.
TRIGRAM_CANDIDATES = 200
# What a word scores when only its transliteration skeleton or its beginning matches.
SKELETON_SCORE = 0.9
PREFIX_SCORE = 0.85


# An article query reads as a person's name when it is one to five words of letters and nothing else: no quotes,
# minus, prefix star or digit (then it is a text search and nothing more).
PLAIN_NAME = re.compile(r"[^\W\d_]+(?:(?:\.? +|['’-])[^\W\d_]+){0,4}\.?")


@dataclass(frozen=True)
class OfficialMatch:
    actor_id: int
    score: float


def query_key(query: str) -> str:
    """The normalised form of what was typed: titles, case, accents and punctuation removed."""
    return name_key((query or "")[:MAX_QUERY_CHARS])


def match_officials(query: str, *, limit: int = 50) -> list[OfficialMatch]:
    """People (not rejected) whose aliases resemble the query, best first; one query on either backend."""
    key = query_key(query)
    if not key:
        return []
    if connection.vendor == "postgresql":
        return _match_trigram(key, limit)
    return _match_fuzzy(key, limit)


def _candidate_aliases() -> QuerySet[ActorAlias]:
    return ActorAlias.objects.of_officials()


# The best-scoring aliases are picked before they are joined to their actors, so that only those few are joined
# (a short word matches thousands of aliases), and each alias is scored once: the ORM would score the few again in
# the query that joins them (a fifth of the statement's time).
_TRIGRAM_SQL = """
WITH best AS (
    SELECT id, actor_id, key, GREATEST(similarity(key, %(key)s), word_similarity(%(key)s, key)) AS score
    FROM entities_actoralias
    WHERE key %%> %(key)s OR surname = ANY(%(skeletons)s) {whole_string}
    ORDER BY score DESC, id
    LIMIT %(best)s
)
SELECT best.actor_id, best.key, best.score
FROM best JOIN entities_actor actor ON actor.id = best.actor_id
WHERE actor.kind = %(person)s AND actor.status <> %(rejected)s
ORDER BY best.score DESC, best.id
LIMIT %(candidates)s
"""


def _match_trigram(key: str, limit: int) -> list[OfficialMatch]:
    """Candidates by the indexed operators (word similarity, surname skeleton, and for several words whole-string
    similarity), re-scored here with the word matcher.

    A one-word query leaves out whole-string similarity: for a short word its threshold lets through a large share
    of all names (each then rechecked), and word similarity finds the same ones.
    """
    words = core_words(key)
    skeletons = [skeleton for skeleton in map(word_skeleton, words) if skeleton]
    statement = _TRIGRAM_SQL.format(whole_string="OR key %% %(key)s" if len(words) > 1 else "")
    params = {
        "key": key,
        "skeletons": skeletons,
        "best": TRIGRAM_CANDIDATES * 2,
        "candidates": TRIGRAM_CANDIDATES,
        "person": ActorKind.PERSON.value,
        "rejected": ReviewStatus.REJECTED.value,
    }
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    best: dict[int, float] = {}
    for actor_id, alias_key, trigram in rows:
        fuzzy = alias_score(words, alias_key)
        if trigram >= STRONG_TRIGRAM_SCORE or fuzzy >= MIN_FUZZY_SCORE:
            best[actor_id] = max(best.get(actor_id, 0.0), trigram, fuzzy)
    return _ranked(best, limit)


def _match_fuzzy(key: str, limit: int) -> list[OfficialMatch]:
    words = core_words(key)
    best: dict[int, float] = {}
    for actor_id, alias_key in _candidate_aliases().values_list("actor_id", "key").iterator(chunk_size=5000):
        score = alias_score(words, alias_key)
        if score >= MIN_FUZZY_SCORE and score > best.get(actor_id, 0.0):
            best[actor_id] = score
    return _ranked(best, limit)


def _ranked(best: dict[int, float], limit: int) -> list[OfficialMatch]:
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [OfficialMatch(actor_id, min(score, 1.0)) for actor_id, score in ranked]


@lru_cache(maxsize=65536)
def _alias_words(alias_key: str) -> tuple[tuple[str, str], ...]:
    """An alias key's core words with their skeletons, cached: the same keys are scored on every search."""
    return tuple((word, word_skeleton(word)) for word in core_words(alias_key))


def word_score(word: str, alias_word: str, alias_skeleton: str) -> float:
    """How well one typed word matches one word of an alias: spelling, transliteration or a typed beginning."""
    score = Indel.normalized_similarity(word, alias_word)
    if len(word) >= 3 and alias_word.startswith(word):
        score = max(score, PREFIX_SCORE)
    skeleton = word_skeleton(word)
    if len(skeleton) >= 2 and skeleton == alias_skeleton:
        score = max(score, SKELETON_SCORE)
    return score


def alias_score(words: list[str], alias_key: str) -> float:
    """Every typed word must find its match in the alias; aliases with fewer unmatched words rank higher."""
    alias = _alias_words(alias_key)
    if not words or not alias:
        return 0.0
    per_word = [max(word_score(w, aw, sk) for aw, sk in alias) for w in words]
    coverage = min(len(words), len(alias)) / len(alias)
    return sum(per_word) / len(per_word) * (0.9 + 0.1 * coverage)


def articles_naming(query: str) -> QuerySet | None:
    """The articles that name a person the query names, under any of their aliases ("Otiena" finds the articles on
    Amani Otieno), as a subquery of article ids for articles.search; None when the query is no plain name.

    No query of its own (a subquery of the search's): an alias whose surname skeleton is the query's last word's,
    and for several words whose key begins with the query's first initial ("Amani Otiena", not "Kamau Otieno").
    """
    query = (query or "")[:MAX_QUERY_CHARS].strip()
    if not PLAIN_NAME.fullmatch(query) or " or " in f" {query.lower()} ":
        return None
    words = core_words(query_key(query))
    surname = word_skeleton(words[-1]) if words else ""
    if len(surname) < 2:
        return None
    aliases = _candidate_aliases().filter(surname=surname)
    if len(words) > 1:
        aliases = aliases.filter(key__startswith=words[0][0])
    return Mention.objects.filter(actor__in=aliases.values("actor_id")).values("article_id")

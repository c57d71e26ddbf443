"""How sure extraction is of an event: one scale from 0 to 1, set and raised only here.

A sentence with a trigger and its participants starts a draft at FOUND; what the text adds (a date, a
place) and every further report of the same event raise it, up to a cap below certainty that only a
curator's confirmation goes past. Curators sort the review desk by it, least certain first.
"""

# An event record made by hand, or by a caller that says nothing about it.
UNSCORED = 0.5
# A trigger with its participants in one sentence.
FOUND = 0.6
# A visit that no sentence reports, implied by a meeting abroad.
IMPLIED = 0.5
# What the text adds to a draft.
DATED_BONUS = 0.1
PLACED_BONUS = 0.05
# The same event reported again in the article, or by another article.
REPEATED_IN_ARTICLE_BONUS = 0.1
REPORTED_AGAIN_BONUS = 0.05
# Caps: one article never makes an event certain; many articles come close.
ARTICLE_CAP = 0.95
KNOWLEDGE_BASE_CAP = 0.99


def of_draft(base: float, *, dated: bool, placed: bool) -> float:
    """A draft's confidence once its date and place are known."""
    score = base + (DATED_BONUS if dated else 0) + (PLACED_BONUS if placed else 0)
    return round(min(score, ARTICLE_CAP), 2)


def repeated_in_article(a: float, b: float) -> float:
    """Two reports of one event in one article."""
    return min(ARTICLE_CAP, max(a, b) + REPEATED_IN_ARTICLE_BONUS)


def reported_again(stored: float, new: float) -> float:
    """A stored event that another article reports too."""
    return round(min(KNOWLEDGE_BASE_CAP, max(stored, new) + REPORTED_AGAIN_BONUS), 2)

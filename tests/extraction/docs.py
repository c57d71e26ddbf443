"""Parsed Docs built by hand, as spaCy's own tests build them: rule tests say exactly what the rule sees.

A table has one row per token: the word, its fine tag (optionally `/COARSE` when the coarse tag is not
the usual one), its dependency label, the index of its head (its own index for a sentence's root) and,
optionally, its entity in IOB form. For example::

    parsed('''
        General  NNP      compound 1 B-PERSON
        Otieno   NNP      nsubj    2 I-PERSON
        met      VBD      ROOT     2
        Minister NNP      compound 4
        Tanaka   NNP      dobj     2 B-PERSON
        .        .        punct    2
    ''')

No trained model is loaded: the Doc has a blank English vocabulary, and sentences come from the trees.
A sentence that ingest does not parse has a flat tree (every token's head its first token, label `dep`)
and, when it was not tagged either, `_` for its tags. To start a table from what the trained model makes of an
invented sentence, as ingest parses it::

    .venv/bin/python -m tests.extraction.docs "General Otieno met Minister Tanaka on Tuesday."
"""

from functools import cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Penn Treebank tags to universal parts of speech, as the English pipeline's attribute ruler maps them.
COARSE = {
    "NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON",
    "WP$": "PRON", "EX": "PRON", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB",
    "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
    "WRB": "ADV", "IN": "ADP", "RP": "ADP", "DT": "DET", "PDT": "DET", "WDT": "DET", "CC": "CCONJ", "CD": "NUM",
    "TO": "PART", "POS": "PART", "UH": "INTJ", "HYPH": "PUNCT", ".": "PUNCT", ",": "PUNCT", ":": "PUNCT",
    "``": "PUNCT", "''": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", "NFP": "PUNCT", "$": "SYM", "SYM": "SYM",
    "_SP": "SPACE", "XX": "X", "FW": "X", "LS": "X", "ADD": "X", "AFX": "ADJ",
}  # fmt: skip
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "'s", "'", "n't", "%"}


@cache
def vocab() -> Vocab:
    """One blank English vocabulary for every hand-built Doc (its lexical attributes are English's)."""
    return spacy.blank("en").vocab


def parsed(table: str, text: str | None = None) -> Doc:
    """A Doc with the tags, tree and entities of `table` (see the module's docstring).

    Words are separated by a space, except before punctuation; when a rule reads the spacing (a hyphen
    inside a name, quotes), `text` gives it: the table's words must then spell exactly that text."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words = [row[0] for row in rows]
    tags, pos = zip(*(_tags(row[1]) for row in rows), strict=True)
    if text is None:
        spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))]
    else:
        spaces = _spaces(words, text)
    return Doc(
        vocab(),
        words=words,
        spaces=spaces,
        tags=list(tags),
        pos=list(pos),
        deps=[row[2] for row in rows],
        heads=[int(row[3]) for row in rows],
        ents=[row[4] if len(row) > 4 else "O" for row in rows],
    )


def _spaces(words: list[str], text: str) -> list[bool]:
    """Whether each word is followed by a space in `text`, which the words must spell in order."""
    spaces, at = [], 0
    for word in words:
        if not text.startswith(word, at):
            raise ValueError(f"the table's {word!r} is not next in the text at {text[at : at + 20]!r}")
        at += len(word)
        spaces.append(text.startswith(" ", at))
        at += spaces[-1]
    if at != len(text):
        raise ValueError(f"the text goes on after the table's words: {text[at:]!r}")
    return spaces


def _tags(cell: str) -> tuple[str, str]:
    if cell == "_":  # not tagged
        return "", ""
    tag, _, coarse = cell.partition("/") if cell not in {"/", "//"} else (cell, "", "")
    return tag, coarse or COARSE.get(tag, "X")


def table(doc: Doc) -> str:
    """The table `parsed` reads back into the same words, tags, tree and entities."""
    width = max((len(t.text) for t in doc), default=1)
    rows = []
    for token in doc:
        tag = token.tag_ or "_"
        if token.tag_ and COARSE.get(token.tag_, "X") != token.pos_:
            tag += f"/{token.pos_}"
        entity = f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else ""
        rows.append(f"{token.text:<{width}} {tag:<8} {token.dep_ or 'dep':<9} {token.head.i:<3} {entity}".rstrip())
    return "\n".join(rows)


if __name__ == "__main__":  # print the table of a sentence as ingest parses it (loads the trained model)
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    django.setup()
    from entities.nlp import configured_nlp
    from extraction.runtime.nlp import parse_selectively

    [parsed_doc] = parse_selectively(configured_nlp(), [" ".join(sys.argv[1:])], batch_size=1)
    print(table(parsed_doc))

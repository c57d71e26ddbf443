"""Coarse part-of-speech tags from fine ones, without the attribute ruler's Matcher.

English pipelines set `pos_` with an attribute ruler: some 180 Matcher patterns, nearly all of them
"this fine tag (and maybe this word) means this coarse tag". Run over every token, that Matcher costs
about a tenth of the whole pipeline, while the answer depends on four token attributes only (tag,
lowercase form, dependency label, whether it is whitespace). `TagMapper` compiles the ruler's own
patterns into a memo keyed by those four values, so it gives the ruler's POS and TAG for a fraction of
the cost and follows whatever model is loaded. The lemmas and morphology the ruler also sets are not
read by extraction and are left unset; patterns it cannot compile keep the ruler in the pipeline.
"""

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

# What a one-token pattern may test, and what the mapper sets; LEMMA and MORPH are dropped.
TESTED = {"TAG", "LOWER", "DEP", "IS_SPACE"}
SET = {"POS", "TAG", "DEP"}
DROPPED = {"LEMMA", "MORPH"}


class UnsupportedPattern(ValueError):
    """A ruler pattern the mapper cannot reproduce exactly: the ruler stays."""


@dataclass
class Rule:
    order: int  # the pattern's position in the ruler: later patterns win, as in the ruler
    tests: dict  # attribute -> predicate on its string (or bool) value
    attrs: dict  # attribute -> value to set


@dataclass
class TagMapper:
    """The ruler's POS/TAG/DEP rules as a memo over (tag, lower, dep, is_space), plus its few multi-token ones."""

    rules: list[Rule]
    multi: list[tuple[int, list, dict, int]] = field(default_factory=list)  # (order, pattern, attrs, index)
    matcher: Matcher | None = None
    multi_ids: dict[int, int] = field(default_factory=dict)  # the Matcher's match id -> index in `multi`
    memo: dict = field(default_factory=dict)

    @classmethod
    def from_ruler(cls, ruler) -> "TagMapper":
        rules, multi = [], []
        for order, entry in enumerate(ruler.patterns):
            attrs = {k.upper(): v for k, v in entry["attrs"].items()}
            unknown = set(attrs) - SET - DROPPED
            if unknown:
                raise UnsupportedPattern(f"sets {sorted(unknown)}")
            kept = {k: v for k, v in attrs.items() if k in SET}
            if not kept:
                continue
            for pattern in entry["patterns"]:
                if len(pattern) == 1 and entry.get("index", 0) in (0, -1):
                    rules.append(Rule(order, {k.upper(): predicate(v) for k, v in checked(pattern[0]).items()}, kept))
                else:
                    multi.append((order, pattern, kept, entry.get("index", 0)))
        matcher, multi_ids = None, {}
        if multi:
            matcher = Matcher(ruler.vocab)
            for n, (_, pattern, _, _) in enumerate(multi):
                matcher.add(f"parley_multi_{n}", [pattern])
                multi_ids[ruler.vocab.strings[f"parley_multi_{n}"]] = n
        return cls(rules, multi, matcher, multi_ids)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        tags = numpy.empty(len(doc), dtype="uint64")
        poses = numpy.empty(len(doc), dtype="uint64")
        won: list[dict] = []
        deps: dict[int, str] = {}
        for i, row in enumerate(rows):
            key = tuple(row)
            found = self.memo.get(key)
            if found is None:
                found = self.memo[key] = self.resolve(
                    strings[row[0]] if row[0] else "", strings[row[1]], strings[row[2]] if row[2] else "", bool(row[3])
                )
            values, orders = found
            tags[i] = strings.add(values["TAG"]) if "TAG" in values else row[0]
            poses[i] = strings.add(values["POS"]) if "POS" in values else 0
            if "DEP" in values:
                deps[i] = values["DEP"]
            won.append(orders)
        keep_pos = poses == 0
        if keep_pos.any():
            poses[keep_pos] = doc.to_array([POS])[keep_pos]
        doc.from_array([TAG, POS], numpy.stack([tags, poses], axis=1))
        for i, dep in deps.items():
            doc[i].dep_ = dep
        if self.matcher is not None:
            self.apply_multi(doc, won)
        return doc

    def resolve(self, tag: str, lower: str, dep: str, is_space: bool) -> tuple[dict, dict]:
        """What the ruler would set on a token with these values, and which pattern set each attribute."""
        token = {"TAG": tag, "LOWER": lower, "DEP": dep, "IS_SPACE": is_space}
        values: dict = {}
        orders: dict = {}
        for rule in self.rules:
            if all(test(token[name]) for name, test in rule.tests.items()):
                values.update(rule.attrs)
                orders.update(dict.fromkeys(rule.attrs, rule.order))
        return values, orders

    def apply_multi(self, doc: Doc, won: list[dict]) -> None:
        """The few multi-token patterns, by a Matcher of their own; a later one-token rule still wins."""
        assert self.matcher is not None, "called only when there are multi-token patterns"
        found = [(self.multi_ids[m], start, end) for m, start, end in self.matcher(doc, allow_missing=True)]
        for n, start, end in sorted(found):
            order, _, attrs, index = self.multi[n]
            token = doc[start:end][index]
            for name, value in attrs.items():
                if won[token.i].get(name, -1) < order:
                    setattr(token, f"{name.lower()}_", value)


def checked(token_pattern: dict) -> dict:
    unknown = {k.upper() for k in token_pattern} - TESTED
    if unknown:
        raise UnsupportedPattern(f"tests {sorted(unknown)}")
    return token_pattern


def predicate(spec):
    """A Matcher token condition (a value, or IN / NOT_IN / REGEX) as a function of the attribute's value."""
    if not isinstance(spec, dict):
        return lambda value: value == spec
    if len(spec) != 1:
        raise UnsupportedPattern(f"condition {spec}")
    [(op, arg)] = spec.items()
    if op == "IN":
        members = set(arg)
        return lambda value: value in members
    if op == "NOT_IN":
        members = set(arg)
        return lambda value: value not in members
    if op == "REGEX":
        regex = re.compile(arg)
        return lambda value: bool(regex.search(value))
    raise UnsupportedPattern(f"operator {op}")


@Language.factory("parley_tag_mapper", default_config={})
def make_tag_mapper(nlp: Language, name: str) -> TagMapper:
    return TagMapper.from_ruler(nlp.get_pipe("attribute_ruler"))


def replace_attribute_ruler(nlp: Language) -> bool:
    """Put a TagMapper where the attribute ruler was; whether it could (the ruler stays otherwise)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe("parley_tag_mapper", after="attribute_ruler")
    except UnsupportedPattern:
        return False
    nlp.remove_pipe("attribute_ruler")
    return True

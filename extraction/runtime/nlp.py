"""Loading the spaCy pipeline once per process, and running each component only where it is read.

NLP is nearly all of ingest's cost. Events are the only readers of dependency trees, and names,
entities and tags only matter in sentences that could name someone or report an event. So ingest
splits texts into sentences with the small statistical `senter`, tags and recognises entities in the
runs of sentences with a capitalised word or an event word, and parses only the sentences that can
hold an event; every other sentence keeps its boundaries and gets a flat tree. A pipeline without
`senter` falls back to running every component on whole documents.
"""

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial

import numpy
import spacy
from spacy.attrs import DEP, HEAD, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from spacy.vocab import Vocab

from extraction.lexicon import ABBREVIATED_TITLES
from extraction.runtime.tagmap import replace_attribute_ruler
from extraction.triggers import TRIGGER_WORDS, may_hold_event

# The lemmatizer is not read by extraction; the rest are (tagger for name checks, parser for events).
UNUSED_COMPONENTS = ("lemmatizer",)
# spaCy's own default; ingest passes its file-size limit instead.
DEFAULT_MAX_CHARACTERS = 1_000_000
# The longest sentence read as one (news sentences stay under 90 tokens). Every sentence-level rule reads its
# whole sentence once for each trigger word in it, and the parser's cost grows with sentence length, so a text with
# no sentence ends (a 4,000-word run-on, a page of words) would cost the square of its length; cut, it costs its
# length. Runs of tagged sentences are bounded too: tagger and NER hold a whole piece in memory at once.
MAX_SENTENCE_TOKENS = 120
MAX_PIECE_TOKENS = 5_000
# A long sentence is cut after the last of these in its final half when there is one, else at the limit.
CLAUSE_ENDS = frozenset({",", ";", ":", "-", "\u2013", "\u2014", "(", ")"})


@Language.component("parley_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: web pages put headings on lines of their own, without a full stop."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@Language.component("parley_sentence_ends")
def sentence_ends(doc: Doc) -> Doc:
    """Line breaks, and a full stop before a capitalised word, end sentences: the small `senter` misses
    some of the latter ("... on November 6-7. Kenyan President ..."), which the parser would not.
    A stop after a short capitalised word ("Gen. Otieno", "Lt. Col.") is taken for an abbreviation."""
    line_breaks(doc)
    for token in doc[2:]:
        stop, before = doc[token.i - 1], doc[token.i - 2]
        if (
            stop.text in {".", "!", "?"}
            and stop.whitespace_
            and token.is_title
            and not (before.is_alpha and before.is_title and len(before) <= 3)
        ):
            token.is_sent_start = True
    return cap_sentences(doc)


def cap_sentences(doc: Doc, limit: int = MAX_SENTENCE_TOKENS) -> Doc:
    """Cut every sentence longer than `limit` tokens, after a clause mark where it can be; shorter ones are untouched.

    Needs every sentence boundary set (after `senter`): the cuts are made between known sentence starts."""
    if len(doc) <= limit:
        return doc
    starts = [0, *numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist(), len(doc)]
    for start, end in itertools.pairwise(starts):
        while end - start > limit:
            window = range(start + limit, start + limit // 2, -1)
            cut = next((i for i in window if doc[i - 1].text in CLAUSE_ENDS), start + limit)
            doc[cut].is_sent_start = True
            start = cut
    return doc


@cache
def load_nlp(model: str, *, max_characters: int = DEFAULT_MAX_CHARACTERS) -> Language:
    """The pipeline `model`, loaded once per process and able to take texts of `max_characters`.

    The caller says which model and how long a text may be (ingest passes its settings): this layer
    reads no configuration of its own, so it runs the same in a web worker, a pool process or a script.
    """
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed (set SPACY_MODEL or pip install the package): {exc}"
        ) from exc
    replace_attribute_ruler(nlp)
    norm_abbreviated_titles(nlp.vocab)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("parley_line_breaks", before="parser")
    if "senter" in nlp.component_names and "parser" in nlp.pipe_names:
        # sentence boundaries without the parser, for parse_selectively
        nlp.add_pipe("parley_sentence_ends", after="senter")
        nlp.disable_pipe("parley_sentence_ends")
    # whatever the caller accepts, spaCy must take
    nlp.max_length = max(nlp.max_length, max_characters)
    return nlp


# The recogniser of the names curators vouch for: first in the pipeline, so that the statistical NER respects its
# spans (as it does an entity_ruler's placed before it).
CURATED_NAMES_PIPE = "parley_curated_names"
FIRST_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class CuratedNames:
    """Names the knowledge base vouches for (confirmed or curated people and their full aliases), recognised as
    people before the statistical NER. `version` says which state of the register they come from: an unchanged
    version costs nothing, a new one rebuilds the lookup."""

    version: str = ""
    people: tuple[str, ...] = ()


class CuratedNamesRecognizer:
    """Marks the known names of a text as PERSON entities, longest first.

    Not spaCy's PhraseMatcher: that needs every name tokenized into a Doc, and making the vocabulary entries for
    100,000 new names takes minutes on a busy machine. Here the names are a set of strings: at a token that may
    start one (the first word of a name, or its leading letters for 'Jean-Yves' however the tokenizer splits it),
    the text of the next few tokens, longest first, is looked up in the set. Building is a set of strings; matching
    costs one lookup per word, and at most MAX_NAME_TOKENS more where a name may start, however many names share
    that first word.
    """

    MAX_NAME_TOKENS = 8

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.first_words: set[str] = set()

    def set_names(self, names: Iterable[str]) -> None:
        self.names, self.first_words = set(), set()
        for name in names:
            words = name.split()
            if len(words) < 2:
                continue  # a lone word ('Malik') would claim every other person of that name
            self.names.add(" ".join(words))
            self.first_words.add(words[0])
            if letters := FIRST_LETTERS.match(words[0]):
                self.first_words.add(letters.group())

    def __call__(self, doc: Doc) -> Doc:
        if not self.names:
            return doc
        spans, next_free = [], 0
        for token in doc:
            if token.i >= next_free and token.text in self.first_words:
                end = self.name_end(doc, token.i)
                if end:
                    spans.append(Span(doc, token.i, end, label="PERSON"))
                    next_free = end
        if spans:
            doc.set_ents(spans, default="unmodified")
        return doc

    def name_end(self, doc: Doc, start: int) -> int:
        """The end of the longest known name starting at this token (two tokens at least), or 0."""
        begin = doc[start].idx
        for end in range(min(len(doc), start + self.MAX_NAME_TOKENS), start + 1, -1):
            last = doc[end - 1]
            if " ".join(doc.text[begin : last.idx + len(last)].split()) in self.names:
                return end
        return 0


@Language.factory(CURATED_NAMES_PIPE)
def curated_names_recognizer(nlp: Language, name: str) -> CuratedNamesRecognizer:
    return CuratedNamesRecognizer()


def use_curated_names(nlp: Language, names: CuratedNames) -> None:
    """Make the pipeline recognise these names as people; without names the component is left out."""
    if nlp.meta.get(CURATED_NAMES_PIPE) == names.version:
        return
    if CURATED_NAMES_PIPE in nlp.pipe_names:
        nlp.remove_pipe(CURATED_NAMES_PIPE)
    nlp.meta[CURATED_NAMES_PIPE] = names.version
    if names.people:
        recognizer = nlp.add_pipe(CURATED_NAMES_PIPE, first=True)
        assert isinstance(recognizer, CuratedNamesRecognizer)
        recognizer.set_names(names.people)


def norm_abbreviated_titles(vocab: Vocab) -> None:
    """'PM', 'FM' get a title's norm, which the tagger and NER read: 'PM Otieno' then tags a title and a name
    (the model alone reads a common noun and misses the name). Set once on the vocabulary, so it costs nothing."""
    for abbreviation, title in ABBREVIATED_TITLES.items():
        vocab[abbreviation].norm_ = title


def parse_selectively(nlp: Language, texts: Iterable, *, batch_size: int, as_tuples: bool = False) -> Iterator:
    """Like nlp.pipe, but each component reads only the sentences it matters for.

    Every text is split into sentences by `senter`. Sentences with no capitalised word (other than a
    common first word) and no event word cannot name anyone or report a meeting: they keep their
    boundaries and get nothing else. Runs of the other sentences go through the tagger and the entity
    recogniser, and the parser reads just those that `may_hold_event`; every unparsed sentence gets a
    flat tree.
    """
    if "senter" not in nlp.component_names or "parser" not in nlp.pipe_names:
        yield from nlp.pipe(texts, as_tuples=as_tuples, batch_size=batch_size)
        return
    segmenters = [nlp.get_pipe("senter"), nlp.get_pipe("parley_sentence_ends")]
    analysers = [proc for name, proc in nlp.pipeline if name not in {"parser", "parley_line_breaks"}]
    wanted = partial(worth_analysing, stop_words=nlp.Defaults.stop_words)
    for batch in minibatch(texts, batch_size):
        batch_texts, contexts = zip(*batch, strict=True) if as_tuples else (batch, ())
        docs = [nlp.make_doc(text) for text in batch_texts]
        for segmenter in segmenters:
            docs = list(pipe_bounded(segmenter, docs))
        analyse(docs, analysers, nlp.get_pipe("parser"), wanted=wanted)
        yield from zip(docs, contexts, strict=True) if as_tuples else docs


def pipe_component(proc, docs: list[Doc], batch_size: int) -> Iterator[Doc]:
    if hasattr(proc, "pipe"):
        return proc.pipe(docs, batch_size=batch_size)
    return (proc(doc) for doc in docs)


def pipe_bounded(proc, docs: list[Doc]) -> Iterator[Doc]:
    """pipe_component over batches of at most TOKENS_PER_BATCH tokens (or PIECES_PER_BATCH docs): a model's
    working arrays grow with the tokens of its batch, and a batch of 128 long pieces took gigabytes."""
    for group in token_batches(docs):
        yield from pipe_component(proc, group, len(group))


def token_batches(docs: Iterable[Doc]) -> Iterator[list[Doc]]:
    group: list[Doc] = []
    tokens = 0
    for doc in docs:
        if group and (tokens + len(doc) > TOKENS_PER_BATCH or len(group) >= PIECES_PER_BATCH):
            yield group
            group, tokens = [], 0
        group.append(doc)
        tokens += len(doc)
    if group:
        yield group


WORD = re.compile(r"\w+")
# Runs of sentences and single sentences are short: components take more of them at a time than articles.
PIECES_PER_BATCH = 128
TOKENS_PER_BATCH = 10_000


def worth_analysing(sentence: Span, *, stop_words: set[str]) -> bool:
    """Whether a sentence may name someone or something (a capitalised word, a common first word aside)
    or report an event (one of the trigger words): the others are never read by extraction."""
    words = WORD.findall(sentence.text)
    if not words:
        return False
    if any(word[0].isupper() for word in words[1:]):
        return True
    first = words[0]
    if first[0].isupper() and first.lower() not in stop_words:
        return True
    return not TRIGGER_WORDS.isdisjoint(word.lower() for word in words)


def analyse(docs: list[Doc], analysers: list, parser, *, wanted) -> None:
    """Tag and recognise entities in the runs of sentences worth it, parse those that can hold an event."""
    runs = [(doc, start, end) for doc in docs for start, end in sentence_runs(doc, wanted)]
    pieces = pieces_of(runs)
    for proc in analysers:
        pieces = list(pipe_bounded(proc, pieces))
    annotations: dict[int, list] = {id(doc): [] for doc in docs}
    for (doc, start, _), piece in zip(runs, pieces, strict=True):
        if piece is not doc:
            annotations[id(doc)].append((start, piece))
    chosen = [
        (doc, start + sentence.start, sentence)
        for (doc, start, _), piece in zip(runs, pieces, strict=True)
        for sentence in piece.sents
        if may_hold_event(sentence)
    ]
    parsed = list(pipe_bounded(parser, list(sentence_copies([sentence for _, _, sentence in chosen]))))
    trees: dict[int, list] = {id(doc): [] for doc in docs}
    for (doc, start, _), sentence_doc in zip(chosen, parsed, strict=True):
        trees[id(doc)].append((start, sentence_doc))
    for doc in docs:
        write_annotations(doc, annotations[id(doc)])
        write_trees(doc, trees[id(doc)])


def sentence_runs(doc: Doc, wanted) -> list[tuple[int, int]]:
    """(start, end) token offsets of the runs of consecutive sentences that `wanted` accepts, each of at most
    MAX_PIECE_TOKENS unless one sentence is longer."""
    runs: list[list[int]] = []
    for sentence in doc.sents:
        if not wanted(sentence):
            continue
        if runs and runs[-1][1] == sentence.start and sentence.end - runs[-1][0] <= MAX_PIECE_TOKENS:
            runs[-1][1] = sentence.end
        else:
            runs.append([sentence.start, sentence.end])
    return [(start, end) for start, end in runs]


def pieces_of(runs: list[tuple[Doc, int, int]]) -> list[Doc]:
    """A Doc for each run of sentences: the document itself when the run is all of it, else a copy of its
    words and sentence starts (Span.as_doc would copy every annotation and average vectors, for nothing)."""
    pieces = []
    arrays: dict[int, numpy.ndarray] = {}
    for doc, start, end in runs:
        if (start, end) == (0, len(doc)):
            pieces.append(doc)
            continue
        if id(doc) not in arrays:
            arrays[id(doc)] = doc.to_array([ORTH, SPACY, SENT_START])
        rows = arrays[id(doc)][start:end]
        words = [doc.vocab.strings[orth] for orth in rows[:, 0].tolist()]
        piece = Doc(doc.vocab, words=words, spaces=rows[:, 1].astype(bool).tolist())
        piece.from_array([SENT_START], rows[:, 2:3])
        pieces.append(piece)
    return pieces


# What the parser reads of a sentence besides its words: tags, and the boundaries `senter` ruled out.
SENTENCE_COPY_ATTRS = [ORTH, SPACY, TAG, POS, SENT_START]


def sentence_copies(sentences: list[Span]) -> Iterator[Doc]:
    """Each sentence as a Doc of its own for the parser, with its slice of the shared tok2vec tensor.

    Span.as_doc reads the whole document for each sentence (its arrays, and every entity), which made a
    document of many sentences cost the square of its length; here each document's array is read once."""
    arrays: dict[int, numpy.ndarray] = {}
    for sentence in sentences:
        doc = sentence.doc
        if id(doc) not in arrays:
            arrays[id(doc)] = doc.to_array(SENTENCE_COPY_ATTRS)
        rows = arrays[id(doc)][sentence.start : sentence.end]
        words = [doc.vocab.strings[orth] for orth in rows[:, 0].tolist()]
        copy = Doc(doc.vocab, words=words, spaces=rows[:, 1].astype(bool).tolist())
        copy.from_array(SENTENCE_COPY_ATTRS[2:], rows[:, 2:])
        copy.tensor = doc.tensor[sentence.start : sentence.end]
        yield copy


def write_annotations(doc: Doc, pieces: list[tuple[int, Doc]]) -> None:
    """Copy the tags and entities of analysed pieces (copies of runs of sentences) into their document."""
    if not pieces:
        return
    tags = numpy.zeros((len(doc), 2), dtype="uint64")
    entities = []
    for start, piece in pieces:
        tags[start : start + len(piece)] = piece.to_array([TAG, POS])
        entities += [Span(doc, start + e.start, start + e.end, label=e.label) for e in piece.ents]
    doc.from_array([TAG, POS], tags)
    doc.set_ents(entities, default="outside")


def write_trees(doc: Doc, parsed: list[tuple[int, Doc]]) -> None:
    """Parsed sentences get their trees; every other sentence a flat one rooted at its first token."""
    heads = numpy.zeros(len(doc), dtype="int64")
    deps = numpy.full(len(doc), doc.vocab.strings.add("dep"), dtype="uint64")
    root = doc.vocab.strings.add("ROOT")
    for sentence in doc.sents:
        heads[sentence.start : sentence.end] = numpy.arange(sentence.start, sentence.end) * -1 + sentence.start
        deps[sentence.start] = root
    for start, sentence_doc in parsed:
        for token in sentence_doc:
            heads[start + token.i] = token.head.i - token.i
            deps[start + token.i] = doc.vocab.strings.add(token.dep_)
    array = numpy.stack([heads.astype("uint64"), deps], axis=1)
    doc.from_array([HEAD, DEP], array)

"""Syndicated near-copies: the same wire story under other headers and footers, found by MinHash (datasketch).

A content hash catches the same text; a wire story republished by three sites differs by a standfirst, a
"Read more" footer, an editor's line. The Jaccard similarity of the texts' word shingles stays high, and MinHash
estimates it from a short signature; an LSH index finds the candidates without comparing against every page.
"""

import re
from collections.abc import Callable, Iterable

NUM_PERM = 128
SHINGLE_WORDS = 5
# Jaccard similarity of shingles above which two texts are one story: a 300-word wire story with 50 words of
# other chrome on each side still scores about 0.75; two reports of one meeting written apart score far lower.
NEAR_COPY_THRESHOLD = 0.7
_WORD = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str) -> set[bytes]:
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def text_signature(text: str) -> bytes:
    """The MinHash of the text's word 5-grams, in datasketch's own byte format (seed and scheme included)."""
    from datasketch import LeanMinHash, MinHash

    sketch = MinHash(num_perm=NUM_PERM)
    sketch.update_batch(sorted(_shingles(text)))
    lean = LeanMinHash(sketch)
    buffer = bytearray(lean.bytesize())
    lean.serialize(buffer)
    return bytes(buffer)


def _sketch(signature: bytes):
    from datasketch import LeanMinHash

    return LeanMinHash.deserialize(bytes(signature))


class NearCopies:
    """An index of stored articles' signatures, asked for the article a new text nearly copies.

    `known` gives the stored signatures; it is read at the first question, so a poll with nothing new (an
    unchanged feed answering 304) neither reads them nor imports datasketch.
    """

    def __init__(self, known: Callable[[], Iterable[tuple[int, bytes]]], *, threshold: float = NEAR_COPY_THRESHOLD):
        self.known = known
        self.threshold = threshold
        self.index = None
        self.sketches: dict[int, object] = {}

    def _loaded(self):
        if self.index is None:
            from datasketch import MinHashLSH

            self.index = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
            for article_id, signature in self.known():
                self._insert(self.index, article_id, signature)
        return self.index

    def add(self, article_id: int, signature: bytes) -> None:
        self._insert(self._loaded(), article_id, signature)

    def _insert(self, index, article_id: int, signature: bytes) -> None:
        if article_id not in self.sketches:
            sketch = _sketch(signature)
            self.sketches[article_id] = sketch
            index.insert(article_id, sketch)

    def original_of(self, signature: bytes) -> int | None:
        """The stored article most similar to the text, when similar enough to be the same story; else None."""
        sketch = _sketch(signature)
        scored = [(sketch.jaccard(self.sketches[key]), key) for key in self._loaded().query(sketch)]
        best = max((pair for pair in scored if pair[0] >= self.threshold), default=None)
        return best[1] if best else None

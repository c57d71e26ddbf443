"""Finding article files under the paths given and reading each safely: text, or one line saying why not.

Files are found and read one at a time, so a corpus of any size never sits in memory at once.
"""

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
# Legacy encodings of English-language pages, when the bytes are not UTF-8 (see _decode_legacy).
WESTERN_ENCODINGS = ("cp1252", "latin_1")
MAX_NON_ASCII_LETTER_SHARE = 0.2
MAX_CONTROL_SHARE = 0.05  # above this share of control characters, "text" is binary data
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class SourceFile:
    """One path's outcome: its text, or the reason it has none. `is_file` is False for a path-level problem."""

    path: Path
    text: str | None = None
    reason: str = ""
    is_file: bool = True

    @property
    def ok(self) -> bool:
        return self.text is not None


class Unreadable(Exception):
    """A file that cannot become article text; the message is the one-line reason."""


def read_sources(paths: Iterable[str | Path], *, max_bytes: int) -> Iterator[SourceFile]:
    """Every article file under `paths` (files and folders, recursively), read one at a time, in name order."""
    for path in map(Path, paths):
        yield from _sources_at(path, max_bytes=max_bytes)


def count_article_files(paths: Iterable[str | Path]) -> int:
    """How many files read_sources would yield, without reading them (for a progress bar)."""
    return sum(1 for path in map(Path, paths) for _ in _discover(path))


def _sources_at(path: Path, *, max_bytes: int) -> Iterator[SourceFile]:
    if not os.path.lexists(path):
        yield SourceFile(path, reason="no such file or folder", is_file=False)
        return
    found = False
    for file_path, problem in _discover(path):
        found = True
        if problem:
            yield SourceFile(file_path, reason=problem)
            continue
        try:
            yield SourceFile(file_path, text=read_article_file(file_path, max_bytes=max_bytes))
        except Unreadable as exc:
            yield SourceFile(file_path, reason=str(exc))
    if not found:
        yield SourceFile(path, reason="no article files (.txt, .html, .htm) in this folder", is_file=False)


def _discover(path: Path) -> Iterator[tuple[Path, str]]:
    """(file, problem) pairs under `path`; problem is "" for a file worth reading."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield path, _os_reason(exc)
        return
    if stat.S_ISDIR(mode):
        yield from _walk(path, ancestors=frozenset())
    elif path.suffix.lower() in ARTICLE_SUFFIXES:
        yield path, _kind_problem(mode)
    else:
        yield path, f"not an article file (expected {', '.join(sorted(ARTICLE_SUFFIXES))})"


def _walk(folder: Path, *, ancestors: frozenset[tuple[int, int]]) -> Iterator[tuple[Path, str]]:
    """Depth-first, sorted; a folder link pointing back up the tree is reported, not followed forever."""
    info = folder.stat()
    identity = (info.st_dev, info.st_ino)
    if identity in ancestors:
        yield folder, "symbolic link loop (a folder link points back to a folder that contains it)"
        return
    ancestors = ancestors | {identity}
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield folder, _os_reason(exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield child, _os_reason(exc)
            continue
        if is_dir:
            yield from _walk(child, ancestors=ancestors)
        elif child.suffix.lower() in ARTICLE_SUFFIXES:
            yield child, _stat_problem(child)


def _stat_problem(path: Path) -> str:
    """Why a listed file cannot even be looked at (a dangling or looping link) or read (a FIFO, a device), or ""."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return _os_reason(exc)
    return _kind_problem(mode)


# Opening a FIFO waits for a writer and a device or socket never ends: only regular files are read.
SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind_problem(mode: int) -> str:
    """Nothing for a regular file; otherwise the one-line reason it is skipped."""
    if stat.S_ISREG(mode):
        return ""
    kind = next((name for test, name in SPECIAL_KINDS if test(mode)), "a special file")
    return f"not a regular file ({kind}): skipped"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT and exc.filename and os.path.islink(exc.filename):
        return "broken symbolic link (its target does not exist)"
    if exc.errno == errno.ENOENT:
        return "the file disappeared before it was read"
    if isinstance(exc, PermissionError):
        return "cannot be read: permission denied"
    return f"cannot be read: {exc.strerror or exc}"


def read_article_file(path: Path, *, max_bytes: int) -> str:
    """The article text of one file; raises Unreadable with a one-line reason."""
    data = _read_bytes(path, max_bytes=max_bytes)
    if not data.strip():
        raise Unreadable("empty file")
    text = html_to_text(data) if path.suffix.lower() in HTML_SUFFIXES else decode_text(data)
    # A NUL character (UTF-16 text may hold one): PostgreSQL refuses it in any text column, SQLite keeps it.
    return text.replace("\x00", "")


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes, refusing a file over the limit (or not a regular file) before opening it."""
    try:
        info = path.stat()
        _check_regular_and_size(info, max_bytes)
        with _open_regular(path) as handle:
            _check_regular_and_size(os.fstat(handle.fileno()), max_bytes)  # the path may have been swapped since
            data = handle.read(max_bytes + 1)  # a file growing under us still stops at the limit
    except OSError as exc:
        raise Unreadable(_os_reason(exc)) from exc
    if len(data) > max_bytes:
        raise Unreadable(f"file too large: over {max_bytes:,} bytes")
    return data


def _check_regular_and_size(info: os.stat_result, max_bytes: int) -> None:
    if problem := _kind_problem(info.st_mode):
        raise Unreadable(problem)
    if info.st_size > max_bytes:
        raise Unreadable(f"file too large: {info.st_size:,} bytes (the limit is {max_bytes:,})")


def _open_regular(path: Path) -> BinaryIO:
    """Opened without blocking: opening a FIFO put in a listed file's place must not wait for a writer."""
    return os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb")


def decode_text(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else the detected encoding."""
    if data.startswith(UTF16_BOMS):
        text = _try_decode(data, "utf-16")
    elif b"\x00" in data:
        raise Unreadable("binary data, not text (contains NUL bytes)")
    else:
        text = _try_decode(data, "utf-8-sig") or _decode_legacy(data)
    if text is None:
        raise Unreadable("not text: the encoding could not be recognised")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise Unreadable("binary data, not text (mostly control characters)")
    if not text.strip():
        raise Unreadable("empty file")
    return text


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes) -> str | None:
    """A non-UTF-8 file: the detector's choice, unless the text is mostly ASCII and reads as Western.

    On mostly-ASCII text the detector has a few bytes to go on and often names a DOS or Baltic code page;
    English-language pages with a stray "£" or curly quote were almost always saved as Windows-1252.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding in WESTERN_ENCODINGS:
        return str(best)
    for encoding in WESTERN_ENCODINGS:
        text = _try_decode(data, encoding)
        if text is not None and _mostly_ascii_letters(text):
            return text
    return str(best) if best is not None else None


def _mostly_ascii_letters(text: str) -> bool:
    """Western text has accents here and there; Cyrillic or Greek read as Western is all accents."""
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(1 for ch in letters if not ch.isascii())
    return bool(letters) and foreign / len(letters) <= MAX_NON_ASCII_LETTER_SHARE


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v") + text.count("\ufffd")
    return controls / max(1, len(text))


def html_to_text(data: bytes) -> str:
    """The main text of an HTML page, headed by the title, date and byline lines that cleaning understands."""
    import trafilatura

    document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False)
    body = (document.text or "").strip() if document else ""
    if not body:
        raise Unreadable("no article text found in the HTML page")
    header = [document.title or ""]
    if document.url and document.url.startswith(("http://", "https://")):
        header.append(f"URL: {document.url}")  # the page's canonical link (or og:url), as trafilatura found it
    if document.date:
        header.append(f"Date: {document.date}")
    if document.author:
        header.append(" | ".join(filter(None, [f"By {document.author}", document.sitename])))
    elif document.sitename:
        header.append(f"Source: {document.sitename}")
    return "\n\n".join([*filter(None, header), body]) + "\n"

"""From a saved page's text to an article: page chrome removed, title, outlet, author and date found.

Pure functions, no database. Every rule is about the shape of a line (a glued label run, a byline,
a dateline, a known widget phrase), never about one outlet, so the same rules serve any site.
The body is a function of the input alone: extraction stores character offsets into it.
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache

PARAGRAPH_SEPARATOR = "\n\n"
MAX_TITLE_WORDS = 30
MAX_META_WORDS = 16  # bylines, datelines and signatures are short
DATE_PERIODS = {"day", "month", "year"}
SCRIPT_SAMPLE_LETTERS = 5_000


@dataclass
class CleanedArticle:
    title: str
    outlet: str = ""
    author: str = ""
    published_on: date | None = None
    published_precision: str = "unknown"  # day | month | year | unknown (articles.models.DatePrecision)
    sections: list[str] = field(default_factory=list)
    body: str = ""
    url: str = ""  # where the article was published, when the page or a header line says


@dataclass
class _Metadata:
    """What the page says about the article, filled as lines are read; the first value found wins."""

    outlet: str = ""
    author: str = ""
    url: str = ""
    published_on: date | None = None
    precision: str = "unknown"
    updated: tuple[date, str] | None = None  # an "Updated ..." date: the publication date only when none is given
    sections: list[str] = field(default_factory=list)
    captions: set[str] = field(default_factory=set)  # lines marked as photo captions: text, never the title

    def set_date(self, found: tuple[date, str] | None, *, updated: bool = False) -> bool:
        if found is None:
            return False
        if updated:
            self.updated = self.updated or found
        elif self.published_on is None:
            self.published_on, self.precision = found
        return True

    def set_author(self, names: list[str]) -> None:
        if names and not self.author:
            self.author = ", ".join(names)

    def set_outlet(self, label: str) -> None:
        self.outlet = self.outlet or label.strip()

    def merge(self, other: "_Metadata") -> None:
        """Takes what a trial reading of one line found, without overriding what earlier lines gave."""
        self.set_author([other.author] if other.author else [])
        self.set_outlet(other.outlet)
        if other.published_on is not None:
            self.set_date((other.published_on, other.precision))
        self.set_date(other.updated, updated=True)

    def publication(self) -> tuple[date | None, str]:
        """The publication date and its precision, falling back on the last-update date."""
        if self.published_on is not None:
            return self.published_on, self.precision
        return self.updated or (None, "unknown")

    def add_sections(self, labels: list[str]) -> None:
        for label in labels:
            if label and label not in self.sections:
                self.sections.append(label)


# --- lines that web pages leave around an article -------------------------------------------------

_BOILERPLATE = re.compile(
    r"""^(?:
        related\s+(?:articles|posts|stories|news|content|coverage)
      | you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|more\s+from\s+.{1,40}
      | recommended(?:\s+for\s+you)?|read\s+(?:more|also|next)|see\s+also|also\s+read
      | trending(?:\s+now)?|most\s+(?:read|popular|viewed)
      | leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?
      | (?:no|\d+)\s+comments?(?:\s+yet)?
      | comments?(?:\s+\(\d+\))?
      | (?:add|post|write|show|view|load|hide)\s+(?:a\s+|your\s+|all\s+|more\s+)?comments?
      | your\s+email\s+address\s+will\s+not\s+be\s+published.*
      | required\s+fields\s+are\s+marked.*
      | this\s+site\s+uses\s+akismet.*
      | (?:save\s+my\s+name|notify\s+me\s+of)\b.*
      | back\s+to\s+top(?:\s+button)?
      | scroll\s+to\s+top
      | ad\s*-?\s*block(?:er)?\s+detected
      | .{0,80}\b(?:disabl\w+|turn\w*\s+off|whitelist\w*|allow\w*)\s+(?:your\s+|the\s+)?ad\s*-?\s*block\w*.*
      | advertisements?|sponsored(?:\s+content)?|skip\s+to\s+(?:main\s+)?content
      | share(?:\s+this(?:\s+(?:article|story|post))?)?\s*:?
      | (?:share|post)\s+on\s+\w+
      | (?:sign\s+up|subscribe)\b.{0,80}
      | follow\s+us\b.{0,60}
      | (?:click|tap)\s+here\b.{0,80}
      | (?:tags?|filed\s+under|categories|category|topics?)\s*:.{0,200}
      | posted\s+(?:by|in|on)\s*:?
      | (?:story|article|news|post)\s+(?:code|id|no\.?|number)\s*:?\s*\d+
      | (?:copyright\s*)?(?:©|\(c\)|copyright\s+\d{4})\s*.{0,120}
      | all\s+rights\s+reserved\.?
      | loading(?:\.\.\.|…)?
      | print(?:\s+this\s+(?:article|page))?|e-?mail(?:\s+this\s+(?:article|story))?
      | ok(?:ay)?|got\s+it|i\s+agree|accept(?:\s+all)?|dismiss|close
    )[.!:]?$""",
    re.IGNORECASE | re.VERBOSE,
)
_COOKIE_NOTICE = re.compile(
    r"\b(?:we|this\s+(?:web\s*)?site|our\s+(?:web\s*)?site)\s+uses?\s+cookies\b"
    r"|\b(?:accept|allow|reject|manage)\s+(?:all\s+)?cookies\b|\buse\s+of\s+cookies\b"
    r"|\bcookie\s+(?:settings|preferences|consent)\b",
    re.IGNORECASE,
)
# Teaser lists follow these short headers; their headlines go too, until a real paragraph comes back.
_TEASER_HEADER = re.compile(
    r"^(?:related\s+\w+|you\s+(?:may|might)\s+also\s+\w+|more\s+from\s+.{1,40}|recommended(?:\s+for\s+you)?"
    r"|read\s+(?:more|also|next)|see\s+also|also\s+read|trending(?:\s+now)?|most\s+(?:read|popular|viewed))\s*:?$",
    re.IGNORECASE,
)
_SOCIAL_WORDS = {
    "facebook", "twitter", "x", "whatsapp", "linkedin", "pinterest", "telegram", "reddit", "tumblr",
    "email", "e-mail", "print", "share", "tweet", "copy", "link", "messenger", "vk", "viber",
}  # fmt: skip
_ISSUE_MARK = re.compile(r"\b(?:vol(?:ume)?\.?|issue|no\.)\s*#?\s*\d+", re.IGNORECASE)
# A lowercase letter glued to a capital: where a menu's labels ran together when the page was saved.
_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bros|No)\.)$")
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?", re.UNICODE)


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_boilerplate(line: str) -> bool:
    if _BOILERPLATE.match(line):
        return True
    if len(line) < 300 and _COOKIE_NOTICE.search(line):
        return True
    words = [w.lower().strip(".") for w in line.replace("|", " ").split()]
    return bool(words) and all(w in _SOCIAL_WORDS for w in words)


def _is_stray(line: str) -> bool:
    """Counters, page numbers, bullets and lone symbols; a figure such as "9,796" may be data, so it stays."""
    if not any(ch.isalpha() for ch in line):
        return len(line) <= 3 or not any(ch.isdigit() for ch in line)
    return len(line) <= 2 and not line.isalpha()


def _is_foreign_ornament(line: str, script: str) -> bool:
    """A one- or two-word line in another script than the article's: a logo or a motto, not text."""
    letters = [ch for ch in line if ch.isalpha()]
    if not letters or len(line.split()) > 2:
        return False
    return sum(_script(ch) == script for ch in letters) / len(letters) < 0.5


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else ""


def _main_script(lines: list[str]) -> str:
    """The script most letters are in, judged on the first few thousand letters."""
    counts: dict[str, int] = {}
    letters = (ch for line in lines for ch in line if ch.isalpha())
    for ch in itertools.islice(letters, SCRIPT_SAMPLE_LETTERS):
        counts[_script(ch)] = counts.get(_script(ch), 0) + 1
    return max(counts, key=counts.get) if counts else "LATIN"


def _label_run(line: str) -> list[str] | None:
    """The labels of a glued navigation line ("NewsWorldOpinion"), or None when the line is not one."""
    if len(line) > 120 or _SENTENCE_END.search(line):
        return None
    pieces = _GLUE.split(line)
    if len(pieces) < 3 and not (len(pieces) == 2 and len(line.split()) <= 2):
        return None
    labels = [" ".join(p.split()) for p in pieces]
    if not all(label[:1].isupper() or label[:1].isdigit() for label in labels):
        return None
    return [label for label in labels if not _ISSUE_MARK.search(label)]


# --- dates, bylines and signatures --------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_TEXT = re.compile(
    rf"""\b(?:
        \d{{4}}-\d{{2}}-\d{{2}}
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}
      | {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
      | {_MONTH},?\s+\d{{4}}
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# What may stand around a date on a line that is only a date: weekdays, times, zones, "updated".
_DATE_FILLER = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"|\b(?:gmt|utc|[a-z]st|[a-z]dt|ist)\b|[+-]\d{2}:?\d{2}"
    r"|\b(?:published|posted|updated|last|modified|on|at|date|dated|first)\b",
    re.IGNORECASE,
)
_UPDATE_WORD = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"^(?:date|dated|published(?:\s+on)?|publication\s+date|posted(?:\s+on)?)\s*[:\-–]\s*(.+)$", re.IGNORECASE
)
# "Updated 3 hours ago", "Published yesterday", "4 min read": stamps whose date depends on when the page was saved.
_RELATIVE_STAMP = re.compile(
    r"""^(?:(?:last\s+)?(?:updated|published|posted|modified|edited)\s*:?\s*)?
        (?:(?:\d+|an?|one|a\s+few)\s+(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?\s+ago)\.?$
      | ^(?:last\s+)?(?:updated|published|posted|modified|edited)\s*:?\s*(?:just\s+now|today|yesterday)\.?$
      | ^\d+\s*(?:-\s*)?min(?:ute)?s?\s+read$""",
    re.IGNORECASE | re.VERBOSE,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_SOURCE_LABEL = re.compile(r"^(?:source|outlet|publisher|publication)\s*:\s*(.+)$", re.IGNORECASE)
# "URL: https://...", or "Source: https://..." (a source line that is an address, not an outlet's name).
_URL_LABEL = re.compile(r"^(?:url|link|source|canonical)\s*:\s*(?P<url>https?://\S+)$", re.IGNORECASE)
MAX_URL_CHARS = 2000
_AUTHOR_LABEL = re.compile(r"^(?:author|written\s+by|reported\s+by|by)\s*:?\s+(.+)$", re.IGNORECASE)
# "Staff Reporter Published March 9, 2021": a byline with no "By", then the date stamp.
_STAMPED_BYLINE = re.compile(
    r"^(?:by\s+)?(?P<who>.{3,80}?)\s*[|•·,]?\s+(?P<stamp>(?:published|posted|updated|last\s+updated)\b.*)$",
    re.IGNORECASE,
)
# Bylines that name a desk, not a person: "By Staff Reporter", "By Our Correspondent", "Agencies".
_DESK = re.compile(
    r"""^(?:(?:our|a|the)\s+)?
        (?:(?:staff|special|senior|chief|news|web|online|digital|political|diplomatic|foreign|city|local)\s+)*
        (?:reporters?|correspondents?|writers?|desk|editors?|staff|bureau|team|contributors?)
      $|^(?:(?:news\s+)?agencies|wire\s+services?|agency\s+reports?|wires)$""",
    re.IGNORECASE | re.VERBOSE,
)
# "(Reporting by Jane Doe in Paris; Editing by John Roe)": wire credits, one "<role> by <names>" per segment.
_CREDIT_SEGMENT = re.compile(
    r"^(?:additional\s+|further\s+)?(?P<role>reporting|writing|editing|edited|written|compiled|reported|translated"
    r"|translation|research|graphics?|production|photos?|video)(?:\s+and\s+\w+)?\s+by\s+(?P<names>.+?)\.?$",
    re.IGNORECASE,
)
_CREDIT_SEGMENT_SEPARATOR = re.compile(r"\s*;\s*|\s*\.\s+(?=[A-Z])")
_TRAILING_CREDIT = re.compile(r"\s*\((?P<credit>[^()]{10,200})\)$")
_AUTHOR_ROLES = {"reporting", "writing", "written", "reported", "compiled"}
_NAME_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:and|&)\s+")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’ -]*$")  # "Jane Doe in Paris"
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")  # "By AFP": an agency, not a person
_TRAILING_AGENCY = re.compile(r"\s*\((?P<agency>[A-Z][^()]{1,40})\)$")  # "Monday, 8 May 2023 (Agency)"
_POSTED_FOOTER = re.compile(r"\bposted\s+(?:by|in|on)\b", re.IGNORECASE)
_FIELD_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[–—-]\s+")
_STRONG_SEPARATOR = re.compile(r"\s*[|•·]\s*")  # a dash may join a date and a time, or begin a sentence
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’-]*\.?|(?:[A-Z]\.){1,3}|al-|bin|de|van|von|der|da|del|le|la)$")
_SIGNATURE = re.compile(r"^(?:by\s+)?(?P<name>[^|,;:]{3,60}?)\s+(?:for|exclusively\s+for)\s+(?P<outlet>[^|,;:]{2,80})$")
MAX_FIELD_LABEL_WORDS = 5  # "Outlet | 14 March 2021": an outlet's name, not a headline with a date


@cache
def _date_parser():
    from dateparser.date import DateDataParser

    # Absolute dates only: "yesterday" or a bare number would make the result depend on the clock.
    settings = {"PARSERS": ["custom-formats", "absolute-time"], "PREFER_DAY_OF_MONTH": "first"}
    return DateDataParser(languages=["en"], settings=settings)


def parse_date(text: str) -> tuple[date, str] | None:
    """A calendar date and how precise it is ("day", "month", "year"), or None when `text` is not a date."""
    try:
        data = _date_parser().get_date_data(text.strip())
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    period = data.period if data.period in DATE_PERIODS else "day"
    found = data.date_obj.date()
    if period == "month":
        found = found.replace(day=1)
    elif period == "year":
        found = found.replace(month=1, day=1)
    return found, period


def _date_of(part: str) -> tuple[date, str] | None:
    """The date that `part` consists of (give or take weekdays, times and "updated"), or None."""
    match = _DATE_TEXT.search(part)
    if match is None:
        return None
    rest = _DATE_FILLER.sub(" ", part[: match.start()] + " " + part[match.end() :])
    if any(ch.isalnum() for ch in rest):
        return None
    return parse_date(match.group(0))


def _set_stamp_date(text: str, meta: _Metadata) -> bool:
    """A date stamp ("Published: Wed 14 Apr 2021", "Updated 3 hours ago"); an update date is only a fallback."""
    if _RELATIVE_STAMP.match(text):
        return True
    if match := _DATE_LABEL.match(text):
        value = match.group(1)
        found = _date_of(value) or (parse_date(value) if _YEAR.search(value) else None)
    else:
        found = _date_of(text)
    return meta.set_date(found, updated=bool(_UPDATE_WORD.search(text)))


def _is_name(text: str) -> bool:
    """Looks like a person's name: two to six capitalised tokens or initials."""
    tokens = text.replace("\u00a0", " ").split()
    return 1 <= len(tokens) <= 6 and all(_NAME_TOKEN.match(t) for t in tokens) and len(text) <= 80


def _names(text: str) -> list[str] | None:
    """The people a credit names ("Jane Doe and John Roe in Paris"), or None when it is not a list of names."""
    names = []
    for piece in _NAME_LIST_SEPARATOR.split(text.strip()):
        piece = _IN_PLACE.sub("", piece).strip()
        if not piece:
            continue
        if len(piece.split()) < 2 or not _is_name(piece):
            return None
        names.append(piece)
    return names or None


def _is_label(text: str) -> bool:
    """Looks like an outlet's name: a few words, capitalised, no sentence punctuation."""
    words = text.split()
    return 1 <= len(words) <= 8 and text[:1].isupper() and not _SENTENCE_END.search(text)


def _read_field(part: str, meta: _Metadata, *, max_label_words: int = 8) -> bool:
    """One field of a metadata line: a date, a stamp, a desk, or the outlet's name; False for anything else."""
    if _set_stamp_date(part, meta) or _DESK.match(part):
        return True
    if _is_label(part) and len(part.split()) <= max_label_words:
        meta.set_outlet(part)
        return True
    return False


def _read_who(who: str, meta: _Metadata) -> bool:
    """The name part of a byline: people become the author, a desk or an agency does not."""
    if _DESK.match(who):
        return True
    if _ACRONYM.match(who):
        meta.set_outlet(who)
        return True
    names = _names(who)
    meta.set_author(names or [])
    return names is not None


def _read_byline(line: str, meta: _Metadata) -> bool:
    """A byline, "By Name | Outlet | Date" and its variants; True when the line was metadata."""
    match = _AUTHOR_LABEL.match(line)
    if match is None or len(line.split()) > MAX_META_WORDS:
        return False
    parts = [p for p in _FIELD_SEPARATOR.split(match.group(1)) if p]
    if not parts:
        return False
    who, *rest = parts
    if "," in who and not re.search(r"\s(?:and|&)\s", who):  # "Jane Doe, Example Agency"
        who, *more = who.split(",")
        rest = [p.strip() for p in more if p.strip()] + rest
    trial = _Metadata()
    if not _read_who(who.strip(), trial):
        return False
    for part in rest:
        _read_field(part, trial)
    meta.merge(trial)
    return True


def _read_stamped_byline(line: str, meta: _Metadata) -> bool:
    """A byline followed by its date stamp with no "By": "Staff Reporter Published March 9, 2021"."""
    match = _STAMPED_BYLINE.match(line)
    if match is None or len(line.split()) > MAX_META_WORDS:
        return False
    trial = _Metadata()
    stamps = [p for p in _FIELD_SEPARATOR.split(match.group("stamp")) if p]
    if not (all(_set_stamp_date(stamp, trial) for stamp in stamps) and _read_who(match.group("who"), trial)):
        return False
    meta.merge(trial)
    return True


def _read_credits(text: str, meta: _Metadata) -> bool:
    """Wire credits, "Reporting by Jane Doe; Editing by John Roe": the reporters are the author."""
    text = text.strip().lstrip("-–—").strip().strip("()[]").strip()
    if len(text.split()) > MAX_META_WORDS * 2:
        return False
    authors: list[str] = []
    for segment in filter(None, _CREDIT_SEGMENT_SEPARATOR.split(text)):
        match = _CREDIT_SEGMENT.match(segment)
        names = _names(match.group("names")) if match else None
        if names is None:
            return False
        if match.group("role").lower() in _AUTHOR_ROLES:
            authors.extend(names)
    meta.set_author(authors)
    return True


def _without_trailing_credit(line: str, meta: _Metadata) -> str:
    """A paragraph that ends with "(Reporting by ...; Editing by ...)" loses the credit."""
    match = _TRAILING_CREDIT.search(line)
    if match and match.start() > 0 and _read_credits(match.group("credit"), meta):
        return line[: match.start()]
    return line


def _read_posted_footer(line: str, meta: _Metadata) -> bool:
    """Blog footers: "March 3, 2020 - Posted by Name | Category, Category | tags"."""
    if not _POSTED_FOOTER.search(line) or len(line) > 300:
        return False
    head, tail = _POSTED_FOOTER.split(line, maxsplit=1)
    head = head.strip(" -–—|")
    fields = [f.strip() for f in tail.split("|")]
    by_name = len(fields[0].split()) >= 2 and _is_name(fields[0])
    if head and not meta.set_date(_date_of(head)):
        return False
    if not head and not by_name:
        return False  # "Posted by the ministry, ..." is a sentence, not a footer
    if by_name and not meta.author:
        meta.author = fields[0]
    for item in fields[1:]:
        meta.add_sections([label.strip() for label in item.split(",") if _is_label(label.strip())])
    return True


def _read_labelled(line: str, meta: _Metadata) -> bool:
    """Explicit metadata lines: "Date: 2020-01-05", "Source: Example Wire"."""
    if _DATE_LABEL.match(line):
        return _set_stamp_date(line, meta)
    if match := _URL_LABEL.match(line):
        if len(match.group("url")) <= MAX_URL_CHARS:
            meta.url = meta.url or match.group("url")
        return True
    if (match := _SOURCE_LABEL.match(line)) and _is_label(match.group(1)):
        meta.set_outlet(match.group(1))
        return True
    return False


def _read_date_line(line: str, meta: _Metadata) -> bool:
    """A short line of date fields: "Tuesday 9 March 2021", "Outlet | 14 March 2021", "8 May 2023 (Agency)"."""
    if len(line.split()) > MAX_META_WORDS:
        return False
    if _set_stamp_date(line, meta):
        return True
    agency = _TRAILING_AGENCY.search(line)
    fields = [f for f in _STRONG_SEPARATOR.split(line[: agency.start()] if agency else line) if f]
    trial = _Metadata()
    dated = [f for f in fields if _set_stamp_date(f, trial)]
    others = [f for f in fields if f not in dated and _DATE_FILLER.sub("", f).strip(" ,")]  # not a bare time
    if not dated or not all(_read_field(f, trial, max_label_words=MAX_FIELD_LABEL_WORDS) for f in others):
        return False
    if agency:
        trial.set_outlet(agency.group("agency"))
    meta.merge(trial)
    return True


def _read_signature(line: str, meta: _Metadata) -> bool:
    """A closing or opening credit: "Name for Outlet"."""
    match = _SIGNATURE.match(line)
    if match is None or _SENTENCE_END.search(line):
        return False
    name, outlet = match.group("name").strip(), match.group("outlet").strip()
    if not (_is_name(name) and len(name.split()) >= 2 and _is_label(outlet)):
        return False
    meta.author = meta.author or name
    meta.outlet = meta.outlet or outlet
    return True


def _read_metadata(line: str, meta: _Metadata) -> bool:
    """True when the line carries metadata (and so does not belong in the body)."""
    if len(line.split()) > MAX_META_WORDS * 2:
        return False
    return (
        _read_labelled(line, meta)
        or _read_byline(line, meta)
        or _read_stamped_byline(line, meta)
        or _read_credits(line, meta)
        or _read_posted_footer(line, meta)
        or _read_date_line(line, meta)
    )


# --- photo captions and datelines ---------------------------------------------------------------

_CREDIT_LABELS = ("Photo", "Photograph", "Image", "Picture", "Pic", "Credit", "Photo credit", "Image source",
                  "Image credit", "Courtesy", "File photo")  # fmt: skip
_CREDIT_LABEL = "|".join(sorted({v for label in _CREDIT_LABELS for v in (label, label.upper())}, key=len, reverse=True))
_AGENCY = r"[A-Z]{2,}(?:\s[A-Z]{2,})?"  # "AFP", "REUTERS"
_CREDIT_NAME = r"[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){0,3}"  # "Jane Doe", in mixed case, unlike an upper-case "HIV/AIDS"
# "… at the palace. Image: Jane Doe.", "Photo by Jane Doe", "(Photo: Example Agency)", "… on Monday. AGENCY/Jane Doe".
_PHOTO_CREDIT = re.compile(
    rf"""(?:^|(?<=[\s\w.)]))[(\[]?
        (?:(?:{_CREDIT_LABEL})\s*[:,]|(?:Photos?|Photograph|Image|Picture)\s+by)\s*
        (?P<credit>[^\W_a-z][^\[\]:;]{{1,80}}?)[)\]]?\.?$
      | (?<=[.!?]\s)(?P<wire>{_AGENCY}/{_CREDIT_NAME}|{_CREDIT_NAME}/{_AGENCY})\.?$""",
    re.VERBOSE,
)
_CAPTION_MARK = re.compile(r"^(?:FILE PHOTO|File photo|Image caption|Photo caption|Caption|Pictured)\s*[:,]\s*")
MAX_CREDIT_WORDS = 6  # "Photo: President A greets B at the palace" is a caption, not a credit
# "CITY, March 3 (Agency) -", "CITY, Region, 3 March 2021 -", "CITY March 3, Wire -": the first words of a wire story.
_DATELINE = re.compile(
    rf"""^(?P<place>[A-Z][\w.'’-]*(?:[\s-][A-Z][\w.'’-]*){{0,3}}(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,2}})?)
        ,?\s+(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?
        (?P<date>(?i:{_MONTH})\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?i:{_MONTH})(?:,?\s+\d{{4}})?)
        (?:\s*\((?P<agency>[A-Z][^()]{{1,40}})\)|,\s*(?P<wire>[A-Z]\w*(?:\s[A-Z]\w*){{0,2}}))?
        \s*(?:[-–—]+\s|[-–—]*$)""",
    re.VERBOSE,
)
DATELINE_SCAN_LINES = 3  # a dateline opens the story, at most after a standfirst or a caption
DATELINE_MAX_DRIFT_DAYS = 7  # a wire story is filed within days of the page's date


def _caption_text(line: str) -> str | None:
    """A photo caption's text without its credit ("" for a credit alone), or None when the line is no caption."""
    marked = _CAPTION_MARK.match(line)
    text = line[marked.end() :] if marked else line
    credit = _PHOTO_CREDIT.search(text)
    if credit is None:
        return text if marked else None
    head = text[: credit.start()].strip()
    if not head and len((credit.group("credit") or "").split()) > MAX_CREDIT_WORDS:
        return credit.group("credit")  # a labelled caption, not a credit
    if not head and credit.group("wire") and not marked:
        return None  # a line that is only "AAA/Bbb" is something else
    return head


def _is_dateline_only(line: str) -> bool:
    match = _DATELINE.match(line)
    return match is not None and match.end() >= len(line.rstrip(" -–—"))


def _dateline_day(text: str, header: tuple[date | None, str]) -> tuple[date, str] | None:
    """The day of a dateline; without its own year, the year that puts it nearest the header's date, if any."""
    if _YEAR.search(text):
        return parse_date(text)
    anchor, precision = header
    if anchor is None:
        return None  # a month and a day, and no year to complete them: none is invented
    found = [parse_date(f"{text} {year}") for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    days = [day for day, _ in filter(None, found)]
    if precision == "year":
        days = [day for day in days if day.year == anchor.year]
    elif precision == "month":
        days = [day for day in days if (day.year, day.month) == (anchor.year, anchor.month)]
    else:
        days = [day for day in days if abs((day - anchor).days) <= DATELINE_MAX_DRIFT_DAYS]
    return (min(days, key=lambda day: abs(day - anchor)), "day") if days else None


def _publication(lines: list[str], meta: _Metadata) -> tuple[date | None, str]:
    """The page's date, unless the story's own dateline gives its day (it anchors "on Tuesday" in the text)."""
    header = meta.publication()
    opening = [line for line in lines if line not in meta.captions][:DATELINE_SCAN_LINES]
    for match in filter(None, map(_DATELINE.match, opening)):
        meta.set_outlet(match.group("agency") or match.group("wire") or "")
        return _dateline_day(match.group("date"), header) or header
    return header


# --- titles and paragraphs ----------------------------------------------------------------------


def _ends_with_full_stop(line: str) -> bool:
    """Ends like a sentence in prose; "U.S." or "Inc." at the end of a headline does not count."""
    line = line.rstrip("\"'”’)")
    return line.endswith(".") and not _ABBREVIATION_END.search(line)


def _is_paragraph(line: str) -> bool:
    """Running text rather than a heading: long, or a sentence that ends like one."""
    words = len(line.split())
    return words > MAX_TITLE_WORDS or (words >= 8 and _ends_with_full_stop(line))


def _is_headline(line: str) -> bool:
    """A few words that do not end like a sentence in prose ("?" and "!" do end headlines)."""
    return 3 <= len(line.split()) <= MAX_TITLE_WORDS and not _ends_with_full_stop(line)


def _normalise(text: str) -> list[str]:
    """The text's lines with spaces collapsed: NFC, no BOM, no zero-width or non-breaking spaces, and no bidi
    embeddings, overrides or isolates (which make a name display reversed)."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    text = re.sub(r"[\u200b-\u200d\u2060\u202a-\u202e\u2066-\u2069]", "", text)
    return [" ".join(line.split()) for line in text.splitlines()]


def _key(line: str) -> str:
    return " ".join(_words(line.casefold()))


def _content_lines(lines: list[str], meta: _Metadata) -> list[str]:
    """Drop page chrome, record metadata; what is left is headings and paragraphs in order."""
    script = _main_script(lines)
    kept: list[str] = []
    in_teasers = False
    for line in lines:
        if not line:
            continue
        if _TEASER_HEADER.match(line):
            in_teasers = True
            continue
        if in_teasers and not _is_paragraph(line):
            continue
        in_teasers = False
        if _is_boilerplate(line) or _is_stray(line) or _is_foreign_ornament(line, script):
            continue
        if (labels := _label_run(line)) is not None:
            meta.add_sections(labels)
            continue
        if _ISSUE_MARK.fullmatch(line) or _read_metadata(line, meta):
            continue
        line = _without_trailing_credit(line, meta)
        if (caption := _caption_text(line)) is not None:
            if caption:
                meta.captions.add(caption)
                kept.append(caption)
            continue
        kept.append(line)
    return kept


def _split_title(lines: list[str], meta: _Metadata) -> tuple[str, list[str]]:
    """The first headline before running text begins; lines above it are a masthead, not the article.

    A photo caption or a dateline is never the title, and stays in the text even above the headline.
    """
    outlet = _key(meta.outlet)
    for index, line in enumerate(lines):
        if line in meta.captions or _is_dateline_only(line):
            continue
        if _is_paragraph(line):
            break
        if _is_headline(line) and _key(line) != outlet:
            if index and not meta.outlet and _is_label(lines[index - 1]) and len(lines[index - 1].split()) <= 4:
                meta.outlet = lines[index - 1]
            above = [above for above in lines[:index] if above in meta.captions or _is_dateline_only(above)]
            return line, above + lines[index + 1 :]
    if lines and not (_is_paragraph(lines[0]) or lines[0] in meta.captions or _is_dateline_only(lines[0])):
        return lines[0], lines[1:]
    return "", lines


def _drop_repeats(title: str, lines: list[str]) -> list[str]:
    """Pages often print the headline twice; a line that only repeats it goes."""
    key = _key(title)
    return [line for line in lines if not key or _key(line) != key]


def _take_closing_credit(lines: list[str], meta: _Metadata) -> list[str]:
    """A "Name for Outlet" credit as the last line is metadata, not text."""
    return lines[:-1] if len(lines) > 1 and _read_signature(lines[-1], meta) else lines


def _take_opening_credit(lines: list[str], meta: _Metadata) -> list[str]:
    """The same credit right under the headline."""
    return lines[1:] if lines and _read_signature(lines[0], meta) else lines


def clean_article(text: str) -> CleanedArticle:
    """The article in a saved page's text: its metadata, and its paragraphs separated by blank lines."""
    meta = _Metadata()
    lines = _take_closing_credit(_content_lines(_normalise(text), meta), meta)
    title, rest = _split_title(lines, meta)
    rest = _take_opening_credit(_drop_repeats(title, rest), meta)
    published_on, precision = _publication(rest, meta)
    sections = [label for label in meta.sections if label != meta.outlet]
    return CleanedArticle(
        title=title,
        outlet=meta.outlet,
        author=meta.author,
        published_on=published_on,
        published_precision=precision if published_on else "unknown",
        sections=sections,
        body=PARAGRAPH_SEPARATOR.join(rest),
        url=meta.url,
    )

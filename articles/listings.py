"""What a feed lists: RSS and Atom read by feedparser, a sitemap's <url> entries read by lxml; never fetched here."""

import datetime
import time
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin

from articles.models import FeedKind

# feedparser reads about a thousand entries a second; a feed's first thousand are its news, the rest an archive.
MAX_LISTED = 1_000
ENTRY_TAGS = frozenset({"item", "entry"})
MAX_LINK_CHARS = 2000  # FetchedPage.url
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


class NotAFeed(Exception):
    """The document lists nothing Parley can follow; the message is the reason recorded for the feed."""


@dataclass(frozen=True)
class Entry:
    link: str
    title: str = ""
    published_on: datetime.date | None = None


@dataclass
class Listing:
    kind: str
    entries: list[Entry] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (entry, why): no link, or one too long to keep
    unread: int = 0  # entries beyond MAX_LISTED, left out

    @property
    def listed(self) -> int:
        return len(self.entries) + len(self.skipped) + self.unread

    def add(self, link: str, title: str, published_on: datetime.date | None) -> None:
        """An entry with a link Parley can keep; any other is skipped with the reason."""
        if not link:
            self.skipped.append((f"entry {title or '(untitled)'!r}", "the entry has no link"))
        elif len(link) > MAX_LINK_CHARS:
            self.skipped.append((f"entry {title or '(untitled)'!r}", f"its link is over {MAX_LINK_CHARS:,} characters"))
        else:
            self.entries.append(Entry(link, title, published_on))


def listing_parse(data: bytes, *, url: str, content_type: str = "") -> Listing:
    """The entries of an RSS or Atom feed or a sitemap, links made absolute and without #fragments."""
    import feedparser

    root = _xml_root(data)
    data, unread = _first_entries(root, data)
    parsed = feedparser.parse(data, response_headers={"content-location": url, "content-type": content_type})
    if parsed.version or parsed.entries:
        kind = FeedKind.ATOM if parsed.version.startswith("atom") else FeedKind.RSS
        listing = _feed_listing(kind, parsed.entries, url)
        listing.unread = unread
        return listing
    if root is not None and root.tag in (f"{{{SITEMAP_NS}}}urlset", "urlset"):
        return _sitemap_listing(root, url)
    if root is not None and root.tag.endswith("sitemapindex"):
        raise NotAFeed("a sitemap index, which lists sitemaps rather than pages: follow one of its sitemaps")
    raise NotAFeed(_not_a_feed_reason(parsed, content_type, root))


def _feed_listing(kind: str, entries, url: str) -> Listing:
    listing = Listing(kind)
    for entry in entries:
        title = " ".join(str(entry.get("title", "")).split())
        link = _absolute(entry.get("link") or _guid_link(entry), url)
        listing.add(link, title, _day(entry.get("published_parsed") or entry.get("updated_parsed")))
    return listing


def _guid_link(entry) -> str:
    """An RSS guid marked as a permalink is the entry's link when it gives no other."""
    guid = str(entry.get("id", ""))
    return guid if entry.get("guidislink") and guid.startswith(("http://", "https://")) else ""


def _day(stamp: time.struct_time | None) -> datetime.date | None:
    try:
        return datetime.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    except ValueError:
        return None


def _absolute(link: str, base: str) -> str:
    link = (link or "").strip()
    return urldefrag(urljoin(base, link))[0] if link else ""


def _xml_root(data: bytes):
    """The root element of well-formed XML, read without entities or the network (no XML bomb, no XXE)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        return etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _first_entries(root, data: bytes) -> tuple[bytes, int]:
    """A well-formed feed cut to its first MAX_LISTED entries (feedparser reads the rest slowly, for nothing)."""
    if root is None:
        return data, 0
    from lxml import etree

    entries = [node for node in root.iter() if isinstance(node.tag, str) and etree.QName(node).localname in ENTRY_TAGS]
    for node in entries[MAX_LISTED:]:
        node.getparent().remove(node)
    return (etree.tostring(root), len(entries) - MAX_LISTED) if len(entries) > MAX_LISTED else (data, 0)


def _sitemap_listing(root, url: str) -> Listing:
    listing = Listing(FeedKind.SITEMAP)
    for node in root.iter(f"{{{SITEMAP_NS}}}url", "url"):
        stamp = _text(node, "publication_date", NEWS_NS) or _text(node, "lastmod")
        listing.add(_absolute(_text(node, "loc"), url), _text(node, "title", NEWS_NS), _iso_day(stamp))
    return listing


def _text(node, name: str, namespace: str = SITEMAP_NS) -> str:
    found = node.find(f".//{{{namespace}}}{name}")
    if found is None:
        found = node.find(name)
    return (found.text or "").strip() if found is not None else ""


def _iso_day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _not_a_feed_reason(parsed, content_type: str, root) -> str:
    sent = f" (the server sent {content_type})" if content_type else ""
    if root is None:
        return f"not a feed: the document is not XML{sent}"
    if str(root.tag).lower().endswith("html") or content_type == "text/html":
        return f"not a feed: a web page{sent}, not RSS, Atom or a sitemap"
    problem = parsed.get("bozo_exception")
    return f"not a feed: XML, but neither RSS, Atom nor a sitemap{sent}" + (f"; {problem}" if problem else "")

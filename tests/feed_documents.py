"""Invented feeds and article pages for the feed tests: officials, places and sentences made up for them."""

from html import escape

# A wire story: the same paragraphs run on several sites, under each site's own chrome.
WIRE_STORY = [
    "Foreign Minister Ilse Vandermeer of Belgium met Prime Minister Tomas Varga of Hungary in Brussels on Tuesday "
    "to discuss the price of electricity across the region.",
    "The two officials spoke for three hours at the foreign ministry and agreed to set up a joint working group on "
    "cross-border power lines before the winter.",
    "Vandermeer told reporters after the meeting that both governments wanted lower bills for households and "
    "factories, and that the working group would report by the end of the year.",
    "Varga said the talks had been frank and useful, and that his government would send its energy experts to "
    "Brussels next month to draft the first plans.",
    "Officials from both delegations said that the question of gas storage had also been raised, although no "
    "decision was taken on it during the visit.",
    "The meeting was the first between the two officials since the spring, when a dispute over grid fees had "
    "delayed a planned agreement on shared reserves.",
]
OTHER_STORY = [
    "Defence Minister Aurelio Castellanos of Peru visited Montevideo on Friday and held talks with President "
    "Marisol Ferreira of Uruguay on naval cooperation in the South Atlantic.",
    "Castellanos and Ferreira signed a memorandum on joint coast guard patrols and on training for young officers "
    "at the naval school of each country.",
    "The Peruvian minister also laid a wreath at the monument to the independence heroes before flying home on "
    "Saturday morning.",
]


def article_page(
    title: str,
    paragraphs: list[str],
    *,
    date: str = "2026-11-24",
    author: str = "Nadia Okafor",
    canonical: str = "",
    standfirst: str = "",
    footer: str = "",
) -> str:
    """An outlet's article page: head metadata, a site menu, the story, a footer of links."""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    story = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    lead = f"<p><strong>{escape(standfirst)}</strong></p>" if standfirst else ""
    tail = f"<p>{escape(footer)}</p>" if footer else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="author" content="{escape(author)}"><meta property="article:published_time" content="{date}T09:00:00Z">
{link}</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{escape(title)}</h1><p class="byline">By {escape(author)}</p>{lead}{story}{tail}</article>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer></body></html>"""


def rss(items: list[dict], *, title: str = "Example Herald: world news") -> str:
    """RSS 2.0; an item is a dict of title, link (optional) and pubDate (optional)."""
    rows = "".join(
        "<item>"
        + f"<title>{escape(item.get('title', 'Untitled'))}</title>"
        + (f"<link>{escape(item['link'])}</link>" if item.get("link") else "")
        + f"<pubDate>{item.get('date', 'Tue, 24 Nov 2026 09:00:00 GMT')}</pubDate>"
        + "</item>"
        for item in items
    )
    channel = f"<channel><title>{escape(title)}</title>{rows}</channel>"
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">{channel}</rss>'


def atom(entries: list[dict], *, title: str = "The Daily Courier") -> str:
    rows = "".join(
        f'<entry><title>{escape(entry["title"])}</title><link href="{escape(entry["link"])}"/>'
        f"<id>{escape(entry['link'])}</id><updated>2026-11-24T09:00:00Z</updated></entry>"
        for entry in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:example:courier</id><updated>2026-11-24T09:00:00Z</updated>{rows}</feed>"
    )


def sitemap(links: list[str]) -> str:
    rows = "".join(f"<url><loc>{escape(link)}</loc><lastmod>2026-11-24</lastmod></url>" for link in links)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'

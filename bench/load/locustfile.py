"""Load profile of Parley's public side: readers browsing, filtering events and searching officials and articles.

Run by bench/load/run.sh against gunicorn on loopback. Detail pages, countries and names to search for are
discovered once from the listing pages when the test starts, so the profile follows whatever data is loaded.
Any 4xx/5xx counts as a failure, except a 429 on a download (the quota or the site's download slots doing their
job). Tags: `smoke` (home and
health check only), `pages`, `search`, `exports` (the timeline's CSV and JSON downloads, filtered or not, a page at a
time). Each simulated reader comes from an address of its own (X-Forwarded-For, believed from the loopback proxy).
"""

import random
import re
from datetime import date, timedelta
from html import unescape
from urllib.parse import urljoin

import requests
from locust import HttpUser, between, events, tag, task

# The TLS proxy in front of gunicorn says the request came over HTTPS; production settings redirect plain HTTP.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
EVENT_KINDS = ["visit", "meeting", "phone_call", "multilateral"]
FALLBACK_TERMS = ["minister", "president", "talks", "visit", "Accra", "Kwame", "Silva", "security", "trade"]

EVENT_LINK = re.compile(r'href="(/events/\d+/)"')
OFFICIAL_LINK = re.compile(r'href="(/officials/\d+/)"[^>]*>\s*([^<]+?)\s*<')
COUNTRY_SELECT = re.compile(r'<select[^>]*name="country"[^>]*>(.*?)</select>', re.S)
OPTION_VALUE = re.compile(r'<option value="([^"]+)"')


class Site:
    """What the running site has to offer; filled once by `discover` when the test starts."""

    event_paths: list[str] = []
    official_paths: list[str] = []
    countries: list[str] = []
    terms: list[str] = list(FALLBACK_TERMS)


def fetch(host: str, path: str) -> str:
    """A page's HTML, outside the measured traffic; an empty string when the page is not there yet."""
    try:
        response = requests.get(urljoin(host, path), headers=PROXY_HEADERS, timeout=10)
    except requests.RequestException:
        return ""
    return response.text if response.ok else ""


@events.test_start.add_listener
def discover(environment, **_kwargs):
    host = environment.host or ""
    events_page, officials_page = fetch(host, "/events/"), fetch(host, "/officials/")
    Site.event_paths = sorted(set(EVENT_LINK.findall(events_page)))
    officials = OFFICIAL_LINK.findall(officials_page)
    Site.official_paths = sorted({path for path, _name in officials})
    surnames = {unescape(name).split()[-1] for _path, name in officials if name.split()}
    Site.terms = sorted(surnames | set(FALLBACK_TERMS))
    select = COUNTRY_SELECT.search(events_page)
    Site.countries = OPTION_VALUE.findall(select.group(1)) if select else []
    print(
        f"discovered {len(Site.event_paths)} events, {len(Site.official_paths)} officials, "
        f"{len(Site.countries)} countries, {len(Site.terms)} search terms"
    )


def event_filters() -> dict[str, str]:
    """One to three of the filters a reader combines on /events/."""
    start = date(2015, 1, 1) + timedelta(days=random.randrange(3650))
    choices = {
        "kind": random.choice(EVENT_KINDS),
        "q": random.choice(Site.terms),
        "official": random.choice(Site.terms),
        "date_from": start.isoformat(),
        "date_to": (start + timedelta(days=random.choice([30, 365, 1500]))).isoformat(),
    }
    if Site.countries:
        choices["country"] = random.choice(Site.countries)
    keys = random.sample(sorted(choices), k=random.randint(1, 3))
    return {key: choices[key] for key in keys}


class Reader(HttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self):
        self.client.headers.update(PROXY_HEADERS)
        address = f"198.51.100.{random.randrange(1, 255)}"  # TEST-NET-2: documentation addresses, never routed
        self.client.headers["X-Forwarded-For"] = address

    @tag("smoke", "pages")
    @task(3)
    def home(self):
        self.client.get("/", name="/")

    @tag("smoke")
    @task(1)
    def healthz(self):
        self.client.get("/healthz", name="/healthz")

    @tag("pages")
    @task(5)
    def filter_events(self):
        self.client.get("/events/", params=event_filters(), name="/events/?filters")

    @tag("pages")
    @task(1)
    def browse_events(self):
        self.client.get("/events/", name="/events/")

    @tag("search")
    @task(3)
    def search_officials(self):
        self.client.get("/officials/", params={"q": random.choice(Site.terms)}, name="/officials/?q")

    @tag("search")
    @task(3)
    def search_articles(self):
        self.client.get("/articles/", params={"q": random.choice(Site.terms)}, name="/articles/?q")

    @tag("pages")
    @task(3)
    def event_page(self):
        if Site.event_paths:
            self.client.get(random.choice(Site.event_paths), name="/events/[id]/")

    @tag("pages")
    @task(2)
    def official_page(self):
        if Site.official_paths:
            self.client.get(random.choice(Site.official_paths), name="/officials/[id]/")

    @tag("exports")
    @task(1)
    def export_csv(self):
        self._download("/events/export.csv", "/events/export.csv?filters")

    @tag("exports")
    @task(1)
    def export_json(self):
        self._download("/events/export.json", "/events/export.json?filters")

    def _download(self, path: str, name: str) -> None:
        """A download read to its end; half filtered, half the first page of everything."""
        params = event_filters() if random.random() < 0.5 else {}
        with self.client.get(path, params=params, name=name, stream=True, catch_response=True) as response:
            for _chunk in response.iter_content(64 * 1024):
                pass
            if response.status_code in (200, 429):
                response.success()

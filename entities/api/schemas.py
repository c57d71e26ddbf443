"""What the read API answers with: the OpenAPI schema is generated from these, so they are its contract."""

import datetime

from ninja import Schema


class Participant(Schema):
    actor_id: int | None
    name: str
    office: str
    country: str
    role: str


class ArticleRef(Schema):
    """An article as a source: enough to cite it without another request."""

    id: int
    title: str
    outlet: str
    published_on: datetime.date | None
    url: str
    page: str


class EvidenceOut(Schema):
    sentence: str
    start: int
    end: int
    article: ArticleRef


class EventOut(Schema):
    id: int
    kind: str
    status: str
    planned: bool
    confidence: float
    date: str
    date_start: datetime.date | None
    date_end: datetime.date | None
    date_precision: str
    place: str
    host_country: str
    parent_id: int | None
    participants: list[Participant]
    page: str


class EventDetailOut(EventOut):
    evidence: list[EvidenceOut]
    children: list[int]


class OfficeOut(Schema):
    title: str
    organization: str
    country: str
    first_seen: datetime.date | None
    last_seen: datetime.date | None


class OfficialOut(Schema):
    id: int
    name: str
    country: str
    description: str
    external_id: str
    aliases: list[str]
    offices: list[OfficeOut]
    page: str


class ArticleOut(Schema):
    id: int
    title: str
    outlet: str
    author: str
    published_on: datetime.date | None
    published_precision: str
    url: str
    source_name: str
    page: str


class PageOut(Schema):
    """One page of a list, in a stable order: `next` and `previous` are the neighbouring pages' addresses."""

    count: int
    page: int
    pages: int
    page_size: int
    next: str | None
    previous: str | None


class EventPage(PageOut):
    items: list[EventOut]


class OfficialPage(PageOut):
    items: list[OfficialOut]


class ArticlePage(PageOut):
    items: list[ArticleOut]


class YearKindCount(Schema):
    year: int | None
    kind: str
    events: int


class RelationsOut(Schema):
    """Two countries' events together: how many per year and kind, and a page of the events themselves."""

    countries: list[str]
    counts: list[YearKindCount]
    events: EventPage


class ErrorOut(Schema):
    detail: str | dict | list

"""Every shape an event leaves the site in: the knowledge base document the scorer reads (shared/gold/README.md),
and the public timeline's JSON and CSV downloads.

Kept together so that a field added to one is seen next to the others.
"""

from typing import Any

from django.db.models import Prefetch

from entities.formatting import event_date, participant_country
from entities.models import Actor, Event, Evidence, Participation, ReviewStatus

# --- the knowledge base (export_kb) ------------------------------------------------------------------------------


def actor_export(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.pk,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "status": actor.status,
        "aliases": sorted({a.name for a in actor.aliases.all()}),
        "roles": [
            {
                "title": r.title,
                "organization": r.organization,
                "country": r.country,
                "first_seen": r.first_seen.isoformat() if r.first_seen else None,
                "last_seen": r.last_seen.isoformat() if r.last_seen else None,
            }
            for r in actor.roles.all()
        ],
    }


def event_export(event: Event) -> dict[str, Any]:
    """An event as the scorer reads it; `planned` says a plan whatever its review status."""
    # Older readers know a plan only by its status: a pending plan keeps saying so there.
    status = "planned" if event.planned and event.status == ReviewStatus.PENDING else event.status
    return {
        "id": event.pk,
        "kind": event.kind,
        "status": status,
        "planned": event.planned,
        "confidence": event.confidence,
        "date_start": event.date_start.isoformat() if event.date_start else None,
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "date_precision": event.date_precision,
        "place": event.place or None,
        "host_country": event.host_country or None,
        "parent_id": event.parent_id,
        "participants": [
            {"actor_id": p.actor_id, "name": p.actor.name, "role": p.role}
            if p.actor_id
            else {"actor_id": None, "name": None, "office": p.office, "country": p.country, "role": p.role}
            for p in event.participations.all()
        ],
        "sources": [
            {"article": e.article.source_name, "sentence": e.sentence, "start": e.start, "end": e.end}
            for e in event.evidence.all()
        ],
    }


def knowledge_base_export() -> dict[str, Any]:
    """Every actor and event, with a fixed number of queries whatever the size."""
    actors = Actor.objects.prefetch_related("aliases", "roles").order_by("pk")
    events = Event.objects.order_by("pk").prefetch_related(
        Prefetch("participations", queryset=Participation.objects.select_related("actor")),
        Prefetch(
            "evidence",
            queryset=Evidence.objects.select_related("article").only(
                "event_id", "sentence", "start", "end", "article__source_name"
            ),
        ),
    )
    return {
        "actors": [actor_export(a) for a in actors.iterator(chunk_size=2000)],
        "events": [event_export(e) for e in events.iterator(chunk_size=2000)],
    }


# --- the timeline's downloads ------------------------------------------------------------------------------------


def timeline_record(event: Event) -> dict[str, Any]:
    """An event of the public timeline's JSON download (and, flattened, of its CSV), with the sentences that report
    it and their sources: what a citation needs."""
    return {
        "id": event.pk,
        "kind": event.kind,
        "status": event.status,
        "planned": event.planned,
        "confidence": event.confidence,
        "date": event_date(event),
        "date_start": event.date_start.isoformat() if event.date_start else None,
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "date_precision": event.date_precision,
        "place": event.place,
        "host_country": event.host_country,
        "parent_id": event.parent_id,
        "participants": [
            {
                "actor_id": p.actor_id,
                "name": p.actor.name if p.actor else "",
                "office": p.office,
                "country": participant_country(p),
                "role": p.role,
            }
            for p in event.participations.all()
        ],
        "article_ids": sorted({ev.article_id for ev in event.evidence.all()}),
        "evidence": [evidence_record(ev) for ev in event.evidence.all()],
    }


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    """A reporting sentence with its source: title, outlet, publication date and address."""
    article = evidence.article
    return {
        "sentence": evidence.sentence,
        "article_id": evidence.article_id,
        "title": article.title,
        "outlet": article.outlet,
        "published_on": article.published_on.isoformat() if article.published_on else None,
        "url": article.url,
    }


CSV_COLUMNS = ["id", "kind", "status", "planned", "confidence", "date", "date_start", "date_end", "date_precision"]
CSV_COLUMNS += ["place", "host_country", "parent_id", "participants", "participant_ids", "article_ids"]
# One cell per source field, the sources in the same order in each: " | " between them.
SOURCE_COLUMNS = {"evidence": "sentence", "source_titles": "title", "source_outlets": "outlet"}
SOURCE_COLUMNS |= {"source_dates": "published_on", "source_urls": "url"}
CSV_COLUMNS += list(SOURCE_COLUMNS)
CELL_SEPARATOR = " | "


def csv_row(record: dict[str, Any]) -> list:
    """A timeline record as a CSV row: participants on one line with their countries (and, apart, their ids),
    articles by id, and each field of the sources in a cell of its own."""
    people = "; ".join(
        f"{p['name'] or p['office']} ({p['country']})" if p["country"] else p["name"] or p["office"]
        for p in record["participants"]
    )
    ids = " ".join(str(p["actor_id"]) for p in record["participants"] if p["actor_id"])
    sources = {
        column: CELL_SEPARATOR.join(ev[field] or "" for ev in record["evidence"])
        for column, field in SOURCE_COLUMNS.items()
    }
    articles = " ".join(map(str, record["article_ids"]))
    record = {**record, **sources, "participants": people, "participant_ids": ids, "article_ids": articles}
    return [csv_cell(record[column]) for column in CSV_COLUMNS]


# The long shape for network tools: one row per person (or office) in an event.
EDGE_COLUMNS = ["event_id", "event_kind", "event_date_start", "event_status", "actor_id", "name", "office"]
EDGE_COLUMNS += ["country", "side"]


def edge_rows(record: dict[str, Any]) -> list[list]:
    """A timeline record as edge-list rows: event, official, side."""
    event = [record["id"], record["kind"], record["date_start"] or "", record["status"]]
    return [
        [csv_cell(v) for v in [*event, p["actor_id"] or "", p["name"], p["office"], p["country"], p["role"]]]
        for p in record["participants"]
    ]


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...), also after a tab
# or carriage return; OWASP's advice is a leading apostrophe, which the spreadsheet shows as text and hides.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell that no spreadsheet will evaluate; numbers and booleans as they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value

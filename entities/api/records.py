"""Rows as the API gives them: plain dicts over rows already fetched, so no query runs here."""

from typing import Any

from django.urls import reverse

from articles.models import Article
from entities.formatting import event_date, participant_country
from entities.models import Actor, Event, Evidence, Participation


def absolute(request, name: str, pk: int) -> str:
    return request.build_absolute_uri(reverse(name, args=[pk]))


def participant(p: Participation) -> dict[str, Any]:
    name = p.actor.name if p.actor else ""
    return {"actor_id": p.actor_id, "name": name, "office": p.office, "country": participant_country(p), "role": p.role}


def event(request, e: Event) -> dict[str, Any]:
    return {
        "id": e.pk,
        "kind": e.kind,
        "status": e.status,
        "planned": e.planned,
        "confidence": e.confidence,
        "date": event_date(e),
        "date_start": e.date_start,
        "date_end": e.date_end,
        "date_precision": e.date_precision,
        "place": e.place,
        "host_country": e.host_country,
        "parent_id": e.parent_id,
        "participants": [participant(p) for p in e.participations.all()],
        "page": absolute(request, "entities:event_detail", e.pk),
    }


def article_ref(request, a: Article) -> dict[str, Any]:
    return {
        "id": a.pk,
        "title": a.title,
        "outlet": a.outlet,
        "published_on": a.published_on,
        "url": a.url,
        "page": absolute(request, "articles:detail", a.pk),
    }


def evidence(request, ev: Evidence) -> dict[str, Any]:
    return {"sentence": ev.sentence, "start": ev.start, "end": ev.end, "article": article_ref(request, ev.article)}


def event_detail(request, e: Event) -> dict[str, Any]:
    return {
        **event(request, e),
        "evidence": [evidence(request, ev) for ev in e.evidence.all()],
        "children": [child.pk for child in e.children.all()],
    }


def official(request, actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.pk,
        "name": actor.name,
        "country": actor.country,
        "description": actor.description,
        "external_id": actor.external_id,
        "aliases": sorted({alias.name for alias in actor.aliases.all()}),
        "offices": [
            {
                "title": r.title,
                "organization": r.organization,
                "country": r.country,
                "first_seen": r.first_seen,
                "last_seen": r.last_seen,
            }
            for r in actor.roles.all()
        ],
        "page": absolute(request, "entities:official_detail", actor.pk),
    }


def article(request, a: Article) -> dict[str, Any]:
    """An article as the API lists it: what a citation needs (`article_ref`), and how its date and file are known."""
    return {
        **article_ref(request, a),
        "author": a.author,
        "published_precision": a.published_precision,
        "source_name": a.source_name,
    }

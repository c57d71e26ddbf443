"""The configured spaCy pipeline: Django settings and the register's curated names are read here and passed to the
extraction layer as data."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Count, Max, Q

from entities.models import Actor, ActorAlias, ActorKind, AliasSource, ReviewStatus

if TYPE_CHECKING:  # spaCy is imported only when there is something to parse
    from spacy.language import Language

    from extraction.runtime.nlp import CuratedNames


def pipeline_options() -> tuple[str, int]:
    """The model to load and the longest text it must take (ingest refuses larger files)."""
    return settings.SPACY_MODEL, settings.INGEST_MAX_FILE_BYTES + 1


def configured_nlp() -> "Language":
    """The pipeline named by SPACY_MODEL, loaded once per process."""
    from extraction.runtime.nlp import load_nlp

    model, max_characters = pipeline_options()
    return load_nlp(model, max_characters=max_characters)


def curated_nlp() -> "Language":
    """The configured pipeline, recognising the names curators vouch for (what ingest and re-extraction run)."""
    from extraction.runtime.nlp import use_curated_names

    nlp = configured_nlp()
    use_curated_names(nlp, curated_names())
    return nlp


_latest: "CuratedNames | None" = None


def curated_names() -> "CuratedNames":
    """The names of people curators vouch for, read again only when the register changed since the last call."""
    global _latest
    from extraction.runtime.nlp import CuratedNames

    version = register_version()
    if _latest is None or _latest.version != version:
        _latest = CuratedNames(version=version, people=tuple(vouched_names()))
    return _latest


def register_version() -> str:
    """A stamp that changes whenever officials or their names change: counts, the last edit, the newest name.

    Curators' edits save the actor (updated_at), merges and splits delete or create actors and names, and an alias
    edited on its own touches its actor (curation.alias_save_curated)."""
    actors = Actor.objects.aggregate(n=Count("id"), changed=Max("updated_at"))
    aliases = ActorAlias.objects.aggregate(n=Count("id"), last=Max("id"))
    return f"{actors['n']}:{actors['changed']}:{aliases['n']}:{aliases['last']}"


def vouched_names() -> list[str]:
    """Every name of a person a curator confirmed or edited, and every name a curator gave (merges, splits, by hand);
    never those of people a curator rejected."""
    vouched = Q(actor__status=ReviewStatus.CONFIRMED) | Q(source=AliasSource.CURATED) | ~Q(actor__curated_fields=[])
    names = ActorAlias.objects.filter(vouched, actor__kind=ActorKind.PERSON).exclude(
        actor__status=ReviewStatus.REJECTED
    )
    return sorted(set(names.values_list("name", flat=True)))

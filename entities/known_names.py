"""The knowledge base's names that an article's people could match, read once per article.

Resolving a person asks two questions of the aliases: which actors have exactly one of these full
names, and which have a name with this surname skeleton. Asked person by person that is two queries
each; `KnownNames` answers both for the whole article from two queries, and is told of every alias
and actor the article adds, so that each person still sees what the people before them stored.
"""

from bisect import insort

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from entities.models import Actor, ActorAlias, ActorKind
from extraction.names import name_key, surname_skeleton
from extraction.records import PersonRecord

# Aliases compared per surname skeleton, and actors per exact key: enough for real names, bounded for common ones.
SURNAME_ALIASES = 200
EXACT_ACTORS = 5


def full_keys(person: PersonRecord) -> tuple[list[str], list[str]]:
    """The person's main full-name key, and its other full-name keys: lone words never match by key alone."""
    main = name_key(person.name)
    others = sorted({name_key(a) for a in person.aliases} - {main})
    return [k for k in [main] if len(k.split()) >= 2], [k for k in others if len(k.split()) >= 2]


class KnownNames:
    def __init__(self, people: list[PersonRecord]) -> None:
        self.actors: dict[int, Actor] = {}
        self.by_key: dict[str, set[int]] = {}
        self.by_surname: dict[str, list[tuple[str, int]]] = {}  # skeleton -> (alias name, actor id), by name
        keys = {key for person in people for group in full_keys(person) for key in group}
        surnames = {surname_skeleton(person.name) for person in people} - {""}
        aliases = ActorAlias.objects.filter(actor__kind=ActorKind.PERSON).select_related("actor")
        if keys:
            for alias in aliases.filter(key__in=keys).order_by():
                self.by_key.setdefault(alias.key, set()).add(self._actor(alias.actor))
        if surnames:
            ranked = aliases.filter(surname__in=surnames).annotate(
                rank=Window(RowNumber(), partition_by=F("surname"), order_by=F("name").asc())
            )
            for alias in ranked.filter(rank__lte=SURNAME_ALIASES).order_by("surname", "name"):
                self.by_surname.setdefault(alias.surname, []).append((alias.name, self._actor(alias.actor)))

    def _actor(self, actor: Actor) -> int:
        """One instance per actor, so that what a person changes (a name, a country) the next one sees."""
        self.actors.setdefault(actor.pk, actor)
        return actor.pk

    def exact(self, keys: list[str]) -> list[Actor]:
        """Actors with an alias of one of these keys, by name, at most EXACT_ACTORS of them."""
        ids = set().union(*(self.by_key.get(key, set()) for key in keys))
        return sorted((self.actors[i] for i in ids), key=lambda a: a.name)[:EXACT_ACTORS]

    def with_surname(self, surname: str) -> list[tuple[str, Actor]]:
        """(alias name, actor) for the aliases of this surname skeleton, by name, at most SURNAME_ALIASES."""
        return [(name, self.actors[i]) for name, i in self.by_surname.get(surname, [])[:SURNAME_ALIASES]]

    def add(self, actor: Actor, aliases: list[ActorAlias]) -> None:
        """An actor the article created or gave new names to."""
        pk = self._actor(actor)
        for alias in aliases:
            self.by_key.setdefault(alias.key, set()).add(pk)
            if alias.surname:
                insort(self.by_surname.setdefault(alias.surname, []), (alias.name, pk))

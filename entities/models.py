"""The knowledge base: officials under all their names, their dated roles, and the events between them.

Raw mentions are kept apart from resolved actors (a nullable link), so curation re-points links and
loses nothing. Events carry a review status; a curator's decision is never undone by re-ingestion.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q

from articles.models import Article, DatePrecision
from extraction import records
from extraction.names import name_key, surname_skeleton


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "pending"
    CONFIRMED = "confirmed", "confirmed"
    REJECTED = "rejected", "rejected"


def rejected(path: str = "") -> Q:
    """The one meaning of hidden: a curator rejected the row (at `path`, e.g. "event__", through a relation)."""
    return Q(**{f"{path}status": ReviewStatus.REJECTED})


class Curatable(models.Model):
    """A row whose fields a curator may set: those are recorded, and extraction never changes them again,
    whatever the row's review status (a pending official renamed keeps the new name)."""

    curated_fields = models.JSONField(
        default=list, blank=True, help_text="What a curator set (e.g. name, date, participants): kept by extraction"
    )

    class Meta:
        abstract = True

    def curates(self, field: str) -> bool:
        """Whether a curator set this field (a name from ACTOR_CURATED or EVENT_CURATED)."""
        return field in self.curated_fields

    def curated_add(self, fields: Iterable[str]) -> list[str]:
        """Record fields as a curator's; the ones newly recorded."""
        new = sorted(set(fields) - set(self.curated_fields))
        self.curated_fields = sorted({*self.curated_fields, *new})
        return new


# What a curator can set, by the form field it is edited through: a date is one fact of three fields.
ACTOR_CURATED = {"name": "name", "kind": "kind", "country": "country", "description": "description"}
EVENT_CURATED = {
    "kind": "kind",
    "planned": "planned",
    "date_start": "date",
    "date_end": "date",
    "date_precision": "date",
    "place": "place",
    "host_country": "place",
    "parent": "parent",
}
PARTICIPANTS = "participants"


class ActorQuerySet(models.QuerySet):
    """Reads of actors under the names the pages use."""

    def visible(self) -> "ActorQuerySet":
        """What the public sees: everything a curator has not rejected."""
        return self.exclude(rejected())

    def officials(self) -> "ActorQuerySet":
        """Visible people: organisations are not officials."""
        return self.filter(kind=ActorKind.PERSON).visible()


class ActorKind(models.TextChoices):
    """An official is a person; a curator may say a name is of someone who holds no office (a state's founder, a
    poet, a private citizen) or of an organisation. Ingest remembers it: that name never becomes an official."""

    PERSON = "person", "person"
    ORGANIZATION = "organization", "organization"
    NOT_OFFICIAL = "not_official", "person, not an official"


class Actor(Curatable):
    name = models.CharField(max_length=200, help_text="Canonical name, titles stripped")
    kind = models.CharField(max_length=20, choices=ActorKind.choices, default=ActorKind.PERSON)
    country = models.CharField(max_length=100, blank=True)
    description = models.CharField(max_length=300, blank=True)
    external_id = models.CharField(max_length=50, blank=True, help_text="e.g. a Wikidata Q-id")
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        # (country, id): the timeline's country filter reads the ids of a country's people from the index alone,
        # not from thousands of scattered table rows.
        indexes = [models.Index(fields=["name"]), models.Index(fields=["country", "id"])]

    def __str__(self) -> str:
        return self.name


class AliasSource(models.TextChoices):
    EXTRACTED = "extracted", "extracted"
    CURATED = "curated", "curated"


class ActorAliasQuerySet(models.QuerySet):
    def of_officials(self) -> "ActorAliasQuerySet":
        """The names of visible people, the ones officials search looks through."""
        return self.filter(actor__kind=ActorKind.PERSON).exclude(rejected("actor__"))


class ActorAlias(models.Model):
    """A surface form an actor was found under, with a normalised key for lookup."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True, help_text="Normalised form (see extraction.names)")
    surname = models.CharField(
        max_length=60, db_index=True, blank=True, help_text="Skeleton of the last name word: finds spelling variants"
    )
    source = models.CharField(max_length=10, choices=AliasSource.choices, default=AliasSource.EXTRACTED)

    objects = ActorAliasQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["actor", "name"], name="alias_unique_per_actor")]
        # Storing an article looks up which of its names curators gave to an actor: a few rows among all aliases.
        # Without statistics (a table filling during a first ingest) the planner scanned the table for them.
        indexes = [
            models.Index(fields=["key"], condition=models.Q(source="curated"), name="entities_alias_curated_key")
        ]
        verbose_name_plural = "actor aliases"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.key = self.key or name_key(self.name)
        self.surname = self.surname or surname_skeleton(self.name)
        super().save(*args, **kwargs)

    @classmethod
    def of(cls, *, actor: "Actor", name: str, source: str = AliasSource.EXTRACTED) -> "ActorAlias":
        """An unsaved alias with its lookup keys: the one place where an alias's keys are made from its name."""
        alias = cls(actor=actor, name=name, source=source)
        alias.refresh_keys()
        return alias

    def refresh_keys(self) -> None:
        self.key = name_key(self.name)
        self.surname = surname_skeleton(self.name)


class Role(models.Model):
    """An office an actor was seen holding, dated by the articles that showed it."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    organization = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=100, blank=True)
    first_seen = models.DateField(null=True, blank=True)
    last_seen = models.DateField(null=True, blank=True)
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="roles")

    class Meta:
        ordering = ["-last_seen", "title"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "title", "organization", "country"], name="role_unique"),
            models.CheckConstraint(
                condition=Q(first_seen__isnull=True) | Q(last_seen__isnull=True) | Q(first_seen__lte=F("last_seen")),
                name="role_seen_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class MentionQuerySet(models.QuerySet):
    def visible(self) -> "MentionQuerySet":
        """Mentions of no actor or of one a curator has not rejected."""
        return self.exclude(rejected("actor__"))


class Mention(models.Model):
    """A name as written in an article; the actor link is nullable so curation can re-point it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions")
    text = models.CharField(max_length=300, help_text="As written, titles included")
    name = models.CharField(max_length=200, help_text="The name with titles stripped")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence = models.TextField(blank=True)

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start"], name="mention_unique_offset"),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="mention_nonempty"),
        ]

    def __str__(self) -> str:
        return self.text


class DuplicateStatus(models.TextChoices):
    OPEN = "open", "open"
    MERGED = "merged", "same person (merged)"
    DISTINCT = "distinct", "different people"


class SuspectedDuplicate(models.Model):
    """Two actors name resolution could not tell apart; a curator decides, and the decision is kept."""

    actor_a = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    actor_b = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(default=0.0)
    reason = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=DuplicateStatus.choices, default=DuplicateStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["status", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["actor_a", "actor_b"], name="duplicate_pair_unique"),
            models.CheckConstraint(condition=Q(actor_a__lt=F("actor_b")), name="duplicate_pair_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_a} / {self.actor_b}"


# The kinds and sides extraction names: one set of values for records and models.
EventKind = models.TextChoices("EventKind", [(k.name, (k.value, k.value.replace("_", " "))) for k in records.EventKind])
DateHedge = models.TextChoices(
    "DateHedge", [(h.name, (h.value, h.name.lower().replace("_", " "))) for h in records.DateHedge]
)


class EventQuerySet(models.QuerySet):
    """The timeline's verbs, so that pages, filters and exports say the same thing the same way."""

    def visible(self) -> "EventQuerySet":
        """What the public sees by default: everything a curator has not rejected."""
        return self.exclude(rejected())

    def with_participants(self) -> "EventQuerySet":
        """Each event's participants with their actor prefetched (see Participation.objects.listed)."""
        return self.prefetch_related(Prefetch("participations", queryset=Participation.objects.listed()))

    def with_meetings(self) -> "EventQuerySet":
        """Each event's meetings (a visit's card names the people met) with their participants: two queries."""
        meetings = Event.objects.visible().order_by(F("date_start").asc(nulls_last=True), "id").with_participants()
        return self.prefetch_related(Prefetch("children", queryset=meetings))

    def in_timeline_order(self) -> "EventQuerySet":
        """Newest first, undated last, each with its visit and participants: what every list and export reads."""
        ordered = self.select_related("parent").order_by(F("date_start").desc(nulls_last=True), "-id")
        return ordered.with_participants()

    def timeline(self) -> "EventQuerySet":
        """Timeline order with the meetings of each visit too, which its card names."""
        return self.in_timeline_order().with_meetings()

    def involving(self, actor_ids: list[int]) -> "EventQuerySet":
        """Events any of these actors took part in."""
        return self.filter(Exists(Participation.objects.filter(event=OuterRef("pk"), actor_id__in=actor_ids)))

    def in_country(self, country: str) -> "EventQuerySet":
        """Events hosted by the country or with someone standing for it (by office or by the person's country)."""
        # Sets of event ids, each read from an index once, rather than a subquery per event
        offices = Participation.objects.filter(country=country).values("event_id")
        people = Participation.objects.filter(actor__country=country).values("event_id")
        return self.filter(Q(host_country=country) | Q(pk__in=offices) | Q(pk__in=people))


class Event(Curatable):
    """One real-world event, however many articles report it."""

    kind = models.CharField(max_length=20, choices=EventKind.choices)
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    planned = models.BooleanField(default=False, help_text="Announced or expected, not reported as happened")
    confidence = models.FloatField(default=0.5)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    date_hedge = models.CharField(
        max_length=12,
        choices=DateHedge.choices,
        default=DateHedge.EXACT,
        blank=True,
        help_text="How the text bounds the date: exactly, about (a guessed window), or on or before a day",
    )
    date_basis = models.CharField(
        max_length=120, blank=True, help_text='What a guessed date was reckoned from: "a week before 8 November 2017"'
    )
    place = models.CharField(max_length=200, blank=True)
    host_country = models.CharField(max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The visit this meeting took place during",
    )
    needs_review = models.BooleanField(default=False, help_text="Set when a merge was uncertain")
    review_note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = [F("date_start").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(fields=["date_start", "date_end"]),
            models.Index(fields=["kind"]),
            models.Index(fields=["status"]),
            models.Index(fields=["host_country"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_start__isnull=True) | Q(date_end__isnull=True) | Q(date_start__lte=F("date_end")),
                name="event_dates_in_order",
            ),
            models.CheckConstraint(condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="event_confidence_0_1"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


ParticipantRole = models.TextChoices("ParticipantRole", [(s.name, (s.value, s.value)) for s in records.Side])


class ParticipationQuerySet(models.QuerySet):
    def visible(self) -> "ParticipationQuerySet":
        """Participants a curator has not rejected (offices without a name kept)."""
        return self.exclude(rejected("actor__"))

    def on_visible_events(self) -> "ParticipationQuerySet":
        """Participations in events a curator has not rejected."""
        return self.exclude(rejected("event__"))

    def listed(self) -> "ParticipationQuerySet":
        """An event's participants as the pages list them: visible, with their actor, ordered by role then name."""
        return self.select_related("actor").visible().order_by("role", "actor__name", "id")


class Participation(models.Model):
    """A person in an event, or an office where the text names nobody ("the foreign minister of X")."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.PARTICIPANT)
    office = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=100, blank=True)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "role", "id"]
        indexes = [models.Index(fields=["country"])]  # the timeline's country filter
        constraints = [
            models.UniqueConstraint(
                fields=["event", "actor"], condition=Q(actor__isnull=False), name="participation_actor_once"
            ),
            models.CheckConstraint(
                condition=Q(actor__isnull=False) | ~Q(office=""), name="participation_names_someone"
            ),
        ]

    def __str__(self) -> str:
        return str(self.actor or self.office)


class EvidenceQuerySet(models.QuerySet):
    def visible(self) -> "EvidenceQuerySet":
        """Evidence of events a curator has not rejected."""
        return self.exclude(rejected("event__"))


class Evidence(models.Model):
    """A sentence of an article that reports an event; offsets point into Article.body."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    sentence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["event", "article", "start"], name="evidence_unique"),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="evidence_nonempty"),
        ]

    def __str__(self) -> str:
        return self.sentence[:80]


class MergeRecord(models.Model):
    """What a curator merged or split, kept so that the knowledge base's history can be understood later."""

    class Kind(models.TextChoices):
        ACTORS = "actors", "actors merged"
        EVENTS = "events", "events merged"
        SPLIT = "split", "alias split off"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    target_id = models.PositiveBigIntegerField(help_text="The actor or event that remains")
    merged_ids = models.JSONField(default=list)
    snapshot = models.JSONField(default=dict, help_text="The merged rows as they were")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} into {self.target_id}"

"""One factory per model; tests build what they need and nothing more."""

import datetime

import factory
from django.contrib.auth import get_user_model

from articles.models import Article, Feed, FetchedPage
from entities.models import (
    Actor,
    ActorAlias,
    Event,
    Evidence,
    Mention,
    MergeRecord,
    Participation,
    Role,
    SuspectedDuplicate,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery")  # hashed when built: no second save


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Ministers meet in talks number {n}")
    outlet = "Example Times"
    author = "A. Reporter"
    published_on = datetime.date(2020, 3, 14)
    published_precision = "day"
    body = factory.Sequence(lambda n: f"Foreign Minister Ana Silva met President Kwame Mensah in Accra. ({n})")
    original_text = factory.LazyAttribute(lambda a: f"{a.title}\n\n{a.body}")
    source_name = factory.Sequence(lambda n: f"article_{n:03d}.txt")


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Kwame Mensah {n}")
    kind = "person"
    country = "Ghana"


class ActorAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    name = factory.LazyAttribute(lambda a: a.actor.name)
    key = factory.LazyAttribute(lambda a: a.name.lower())


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    actor = factory.SubFactory(ActorFactory)
    title = "President"
    country = "Ghana"
    first_seen = datetime.date(2020, 3, 14)
    last_seen = datetime.date(2020, 3, 14)


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mention

    article = factory.SubFactory(ArticleFactory)
    actor = factory.SubFactory(ActorFactory)
    text = factory.LazyAttribute(lambda m: m.actor.name if m.actor else "Someone")
    name = factory.LazyAttribute(lambda m: m.text)
    start = factory.Sequence(lambda n: n * 10)
    end = factory.LazyAttribute(lambda m: m.start + len(m.text))
    sentence = factory.LazyAttribute(lambda m: m.text + " spoke.")


class SuspectedDuplicateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuspectedDuplicate

    actor_a = factory.SubFactory(ActorFactory)
    actor_b = factory.SubFactory(ActorFactory)
    score = 0.8
    reason = "same surname"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        a, b = kwargs["actor_a"], kwargs["actor_b"]
        if a.pk > b.pk:
            kwargs["actor_a"], kwargs["actor_b"] = b, a
        return super()._create(model_class, *args, **kwargs)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = "meeting"
    date_start = datetime.date(2020, 3, 12)
    date_end = datetime.date(2020, 3, 12)
    date_precision = "day"
    place = "Accra"
    host_country = "Ghana"
    confidence = 0.7


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    actor = factory.SubFactory(ActorFactory)
    role = "participant"


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    event = factory.SubFactory(EventFactory)
    article = factory.SubFactory(ArticleFactory)
    sentence = factory.LazyAttribute(lambda e: e.article.body)
    start = 0
    end = factory.LazyAttribute(lambda e: len(e.sentence))


class MergeRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MergeRecord

    kind = MergeRecord.Kind.ACTORS
    target_id = 1
    merged_ids = factory.LazyFunction(lambda: [2])


class FeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feed

    url = factory.Sequence(lambda n: f"https://news{n}.example.org/rss.xml")
    outlet = factory.Sequence(lambda n: f"Example Herald {n}")


class FetchedPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FetchedPage

    feed = factory.SubFactory(FeedFactory)
    url = factory.Sequence(lambda n: f"https://news.example.org/world/story-{n}")
    status = "stored"
    article = factory.SubFactory(ArticleFactory)

"""The storage layer: people resolved across articles, events merged across reports, curators never overridden.

Extractions are built by hand from the plain records, so these tests need no spaCy model.
"""

import datetime

import pytest
from django.db import connection

from entities.models import (
    Actor,
    ActorAlias,
    DuplicateStatus,
    Event,
    Evidence,
    Mention,
    ReviewStatus,
    Role,
    SuspectedDuplicate,
)
from entities.services import article_store_extraction
from extraction.records import (
    ArticleExtraction,
    DateSpan,
    EventRecord,
    EvidenceRecord,
    MentionRecord,
    ParticipantRecord,
    PersonRecord,
    RoleRecord,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOV_6 = DateSpan(datetime.date(2021, 11, 6), datetime.date(2021, 11, 6), "day")


def person(key: int, *names: str, country: str = "", roles: tuple[RoleRecord, ...] = ()) -> PersonRecord:
    mentions = [
        MentionRecord(n, n, 10 * i + 100 * key, 10 * i + 100 * key + len(n), 0, 50) for i, n in enumerate(names)
    ]
    return PersonRecord(key=key, name=max(names, key=len), country=country, mentions=mentions, roles=list(roles))


def meeting(
    *keys: int, date: DateSpan = NOV_6, place: str = "Nairobi", host: str = "Kenya", at: int = 0
) -> EventRecord:
    return EventRecord(
        kind="meeting",
        participants=[ParticipantRecord(person=k) for k in keys],
        evidence=[EvidenceRecord(f"They met in {place}.", at, at + 20)],
        date=date,
        place=place,
        host_country=host,
    )


def store(people: list[PersonRecord], events: list[EventRecord] = (), published=datetime.date(2021, 11, 8)):
    article = ArticleFactory(published_on=published)
    article_store_extraction(article=article, extraction=ArticleExtraction(people=people, events=list(events)))
    return article


def actor_of(name: str) -> Actor:
    return Actor.objects.get(aliases__name=name)


def twin_officials(name: str) -> tuple[Actor, Actor]:
    """Two actors holding one name, as a curator's split or two conflicting countries leave them."""
    twins = []
    for _ in range(2):
        actor = Actor.objects.create(name=name)
        ActorAlias.of(actor=actor, name=name).save()
        twins.append(actor)
    return twins[0], twins[1]


class TestPeopleWithinOneArticle:
    """An article's people are resolved one after the other: each sees the names the ones before it stored."""

    def test_a_lone_surname_after_a_full_name_joins_the_actor_just_made(self):
        store([person(0, "Ruth Wanjiru Njeri", country="Kenya"), person(1, "Njeri", country="Kenya")])
        assert Actor.objects.count() == 1
        assert set(actor_of("Njeri").aliases.values_list("name", flat=True)) == {"Ruth Wanjiru Njeri", "Njeri"}

    def test_a_full_name_spelt_again_joins_the_actor_just_made(self):
        store([person(0, "Hasan Abdirahman Farah"), person(1, "Hassan Abdirahman Farah")])
        assert Actor.objects.count() == 1

    def test_storing_costs_statements_per_article_not_per_known_name(self, django_assert_max_num_queries):
        names = ["Amina Odhiambo", "Brian Mutua", "Cynthia Wekesa", "Daniel Kiprono", "Esther Chebet", "Felix Omondi"]
        names += ["Grace Achieng", "Hassan Abdi"]
        people = [person(i, name, name.split()[1], country="Kenya") for i, name in enumerate(names)]
        store(people)
        article = ArticleFactory(published_on=datetime.date(2021, 11, 9))
        # the same eight people again, found by their names: a few statements for the article (names, curated
        # keys, mentions, the article's date, on PostgreSQL its two batches of locks) and one per person (the names
        # its actor has), not four or more
        locks = 2 if connection.vendor == "postgresql" else 0
        with django_assert_max_num_queries(len(people) + 8 + locks):
            article_store_extraction(article=article, extraction=ArticleExtraction(people=people, events=[]))
        assert Actor.objects.count() == 8
        assert Mention.objects.filter(article=article).count() == 16


class TestPeopleAcrossArticles:
    def test_transliteration_variants_of_a_full_name_become_one_actor(self):
        store([person(0, "Hasan Abdirahman Farah", country="Somalia")])
        store([person(0, "Hassan Abdirahman Farah", country="Somalia")])
        assert Actor.objects.count() == 1
        assert set(actor_of("Hasan Abdirahman Farah").aliases.values_list("name", flat=True)) == {
            "Hasan Abdirahman Farah",
            "Hassan Abdirahman Farah",
        }

    def test_word_order_and_spelling_changes_still_resolve(self):
        store([person(0, "Mikhail Yurievich Orlov")])
        store([person(0, "Yurievich Mikhail Orlov")])
        assert Actor.objects.count() == 1

    def test_lone_surname_joins_the_only_actor_of_that_name_and_country(self):
        store([person(0, "Mohammed Baqer Nouri", country="Iraq")])
        store([person(0, "Nouri", country="Iraq")])
        assert Actor.objects.count() == 1
        assert "Nouri" in actor_of("Mohammed Baqer Nouri").aliases.values_list("name", flat=True)

    def test_full_name_upgrades_an_actor_known_only_by_surname(self):
        store([person(0, "Ochieng", country="Kenya")])
        store([person(0, "Samuel Ochieng", country="Kenya")])
        assert list(Actor.objects.values_list("name", flat=True)) == ["Samuel Ochieng"]

    def test_same_surname_different_given_names_stay_apart(self):
        store([person(0, "William Kamau"), person(1, "Peter Kamau")])
        store([person(0, "William Kamau")])
        assert Actor.objects.count() == 2

    def test_same_given_names_different_surnames_stay_apart(self):
        store([person(0, "Ahmed Ali Hassan"), person(1, "Ahmed Ali Nur")])
        assert Actor.objects.count() == 2

    def test_ambiguous_surname_makes_a_new_actor_and_asks_the_curator(self):
        store([person(0, "William Kamau"), person(1, "Peter Kamau")])
        store([person(0, "Kamau")])
        assert Actor.objects.count() == 3
        lone = Actor.objects.get(name="Kamau")
        assert SuspectedDuplicate.objects.filter(actor_b=lone).count() == 2

    def test_a_full_name_the_article_tells_apart_from_a_titled_surname_does_not_take_that_surname(self):
        president = RoleRecord(title="President")
        store([person(0, "Moreau", roles=(president,))])
        store([person(0, "Claire Moreau"), person(1, "Moreau", roles=(president,))])
        assert Actor.objects.count() == 2
        assert set(actor_of("Claire Moreau").aliases.values_list("name", flat=True)) == {"Claire Moreau"}
        assert set(Actor.objects.get(name="Moreau").aliases.values_list("name", flat=True)) == {"Moreau"}

    def test_a_lone_surname_goes_to_the_actor_known_by_that_very_word(self):
        store([person(0, "Claire Moreau"), person(1, "Moreau", roles=(RoleRecord(title="President"),))])
        store([person(0, "Moreau")])
        assert Actor.objects.count() == 2
        assert Mention.objects.filter(actor__name="Moreau").count() == 2

    def test_close_name_with_a_conflicting_country_is_not_merged(self):
        store([person(0, "Luis Fernandez", country="Argentina")])
        store([person(0, "Luis Fernández", country="Spain")])
        assert Actor.objects.count() == 2
        assert SuspectedDuplicate.objects.count() == 1

    def test_pair_told_apart_by_a_curator_is_never_suggested_again(self):
        store([person(0, "Luis Fernandez", country="Argentina")])
        store([person(0, "Luis Fernández", country="Spain")])
        pair = SuspectedDuplicate.objects.get()
        pair.status = DuplicateStatus.DISTINCT
        pair.save()
        store([person(0, "Luis Fernandez", country="Argentina"), person(1, "Luis Fernández", country="Spain")])
        assert SuspectedDuplicate.objects.count() == 1
        assert SuspectedDuplicate.objects.get().status == DuplicateStatus.DISTINCT

    def test_surname_is_not_guessed_onto_an_actor_a_curator_told_apart(self):
        store([person(0, "Luis Fernandez", country="Argentina")])
        store([person(0, "Luis Fernández", country="Spain")])
        SuspectedDuplicate.objects.update(status=DuplicateStatus.DISTINCT)
        store([person(0, "Fernandez")])
        assert Actor.objects.count() == 3

    def test_officials_sharing_a_name_are_chosen_among_not_added_to(self):
        older, newer = twin_officials("Tomasz Welling")
        for day in range(4):
            store([person(0, "Tomasz Welling")], published=datetime.date(2021, 11, 8 + day))
        assert Actor.objects.count() == 2
        assert Mention.objects.filter(actor=older).count() == 4
        pair = SuspectedDuplicate.objects.get()
        assert (pair.actor_a, pair.actor_b, pair.status) == (older, newer, DuplicateStatus.OPEN)
        assert pair.reason == f"same name: Tomasz Welling; new reports go to #{older.pk} (oldest)"

    def test_a_name_given_conflicting_countries_stays_two_officials(self):
        store([person(0, "Tomasz Welling", country="Poland")])
        store([person(0, "Tomasz Welling", country="Canada")])
        for day in range(4):
            store([person(0, "Tomasz Welling")], published=datetime.date(2021, 11, 9 + day))
        assert Actor.objects.count() == 2
        assert SuspectedDuplicate.objects.count() == 1

    def test_among_officials_sharing_a_name_the_confirmed_one_takes_new_reports(self):
        _, newer = twin_officials("Tomasz Welling")
        newer.status = ReviewStatus.CONFIRMED
        newer.save()
        store([person(0, "Tomasz Welling")])
        store([person(0, "Tomasz Welling")])
        assert list(Mention.objects.values_list("actor", flat=True)) == [newer.pk, newer.pk]
        assert "(confirmed)" in SuspectedDuplicate.objects.get().reason

    def test_officials_a_curator_told_apart_keep_their_decision_and_no_third_is_made(self):
        older, newer = twin_officials("Tomasz Welling")
        SuspectedDuplicate.objects.create(actor_a=older, actor_b=newer, status=DuplicateStatus.DISTINCT)
        store([person(0, "Tomasz Welling")])
        assert Actor.objects.count() == 2
        assert SuspectedDuplicate.objects.get().status == DuplicateStatus.DISTINCT

    def test_the_most_written_of_equally_full_names_becomes_canonical(self):
        store([person(0, "Hasan Abdirahman Farah")])
        store([person(0, "Hassan Abdirahman Farah", "Hassan Abdirahman Farah")])
        assert list(Actor.objects.values_list("name", flat=True)) == ["Hassan Abdirahman Farah"]

    def test_mentions_keep_the_raw_name_and_point_at_the_actor(self):
        article = store([person(0, "Amina Diallo", "Diallo", country="Senegal")])
        mentions = Mention.objects.filter(article=article)
        assert sorted(mentions.values_list("name", flat=True)) == ["Amina Diallo", "Diallo"]
        assert {m.actor.name for m in mentions} == {"Amina Diallo"}

    def test_roles_are_dated_by_the_articles_that_show_them(self):
        minister = RoleRecord(title="Foreign Minister", country="Senegal")
        store([person(0, "Amina Diallo", roles=(minister,))], published=datetime.date(2019, 5, 1))
        store([person(0, "Amina Diallo", roles=(minister,))], published=datetime.date(2021, 2, 3))
        role = Role.objects.get()
        assert (role.first_seen, role.last_seen) == (datetime.date(2019, 5, 1), datetime.date(2021, 2, 3))

    def test_storing_the_same_extraction_twice_changes_nothing(self):
        people = [person(0, "Amina Diallo", country="Senegal"), person(1, "Kofi Mensah", country="Ghana")]
        events = [meeting(0, 1)]
        article = store(people, events)
        counts = (Actor.objects.count(), Mention.objects.count(), Event.objects.count(), Evidence.objects.count())
        article_store_extraction(article=article, extraction=ArticleExtraction(people=people, events=events))
        assert counts == (
            Actor.objects.count(),
            Mention.objects.count(),
            Event.objects.count(),
            Evidence.objects.count(),
        )


class TestEventsAcrossArticles:
    people = staticmethod(
        lambda: [person(0, "Amina Diallo", country="Senegal"), person(1, "Kofi Mensah", country="Ghana")]
    )

    def test_same_meeting_reported_by_two_outlets_is_one_event_with_two_sources(self):
        store(self.people(), [meeting(0, 1)])
        store(self.people(), [meeting(0, 1)])
        event = Event.objects.get()
        assert event.evidence.count() == 2
        assert event.participations.count() == 2

    def test_meetings_of_the_same_people_in_different_years_stay_apart(self):
        store(self.people(), [meeting(0, 1)])
        later = DateSpan(datetime.date(2023, 3, 1), datetime.date(2023, 3, 1), "day")
        store(self.people(), [meeting(0, 1, date=later)])
        assert Event.objects.count() == 2

    def test_meetings_in_different_countries_stay_apart(self):
        store(self.people(), [meeting(0, 1, date=None)])
        store(self.people(), [meeting(0, 1, date=None, place="Accra", host="Ghana")])
        assert Event.objects.count() == 2

    def test_a_more_precise_report_narrows_the_date_of_a_pending_event(self):
        month = DateSpan(datetime.date(2021, 11, 1), datetime.date(2021, 11, 30), "month")
        store(self.people(), [meeting(0, 1, date=month)])
        store(self.people(), [meeting(0, 1)])
        event = Event.objects.get()
        assert (event.date_start, event.date_end, event.date_precision) == (NOV_6.start, NOV_6.end, "day")

    def test_undated_report_joins_the_dated_event_when_the_trip_agrees(self):
        people = [*self.people(), person(2, "Grace Wanjiru", country="Kenya")]
        visit = EventRecord(
            kind="visit",
            participants=[ParticipantRecord(0, "guest")],
            evidence=[EvidenceRecord("v", 0, 1)],
            date=NOV_6,
            host_country="Kenya",
        )
        dated = [visit, meeting(0, 1, at=5), meeting(0, 2, at=10)]
        for record in dated[1:]:
            record.parent = 0
        store(people, dated)
        undated = [visit, meeting(0, 1, date=None, at=5), meeting(0, 2, date=None, at=10)]
        undated[0] = EventRecord(
            kind="visit",
            participants=[ParticipantRecord(0, "guest")],
            evidence=[EvidenceRecord("v", 0, 1)],
            host_country="Kenya",
        )
        for record in undated[1:]:
            record.parent = 0
        store(people, undated)
        assert Event.objects.filter(kind="meeting").count() == 2
        assert all(e.evidence.count() == 2 for e in Event.objects.all())

    def test_undated_report_that_fits_two_dated_events_stays_apart_for_the_curator(self):
        store(self.people(), [meeting(0, 1)])
        later = DateSpan(datetime.date(2023, 3, 1), datetime.date(2023, 3, 1), "day")
        store(self.people(), [meeting(0, 1, date=later)])
        store(self.people(), [meeting(0, 1, date=None)])
        undated = Event.objects.get(date_start__isnull=True)
        assert undated.needs_review

    def test_meetings_during_a_visit_point_at_it(self):
        visit = EventRecord(
            kind="visit",
            participants=[ParticipantRecord(0, "guest")],
            evidence=[EvidenceRecord("v", 0, 1)],
            date=NOV_6,
            host_country="Kenya",
            place="Nairobi",
        )
        talk = meeting(0, 1, at=5)
        talk.parent = 0
        store(self.people(), [visit, talk])
        assert Event.objects.get(kind="meeting").parent == Event.objects.get(kind="visit")

    def test_one_sentence_sending_a_traveller_to_two_countries_keeps_two_visits(self):
        legs = [
            EventRecord(
                kind="visit",
                participants=[ParticipantRecord(0, "guest")],
                evidence=[EvidenceRecord("She visited Ghana and Togo.", 0, 27)],
                host_country=country,
            )
            for country in ("Ghana", "Togo")
        ]
        store(self.people(), legs)
        assert sorted(Event.objects.values_list("host_country", flat=True)) == ["Ghana", "Togo"]

    def test_office_only_participants_are_kept_as_offices(self):
        call = EventRecord(
            kind="phone_call",
            participants=[ParticipantRecord(0), ParticipantRecord(None, office="Foreign Minister", country="Ghana")],
            evidence=[EvidenceRecord("A call.", 0, 7)],
        )
        store([person(0, "Amina Diallo", country="Senegal")], [call])
        offices = Event.objects.get().participations.filter(actor__isnull=True)
        assert list(offices.values_list("office", "country")) == [("Foreign Minister", "Ghana")]


class TestCurationContract:
    people = staticmethod(
        lambda: [person(0, "Amina Diallo", country="Senegal"), person(1, "Kofi Mensah", country="Ghana")]
    )

    def test_confirmed_event_keeps_its_fields_and_only_gains_evidence(self):
        month = DateSpan(datetime.date(2021, 11, 1), datetime.date(2021, 11, 30), "month")
        store(self.people(), [meeting(0, 1, date=month)])
        Event.objects.update(status="confirmed", place="State House")
        store(self.people(), [meeting(0, 1)])
        event = Event.objects.get()
        assert (event.status, event.place, event.date_precision) == ("confirmed", "State House", "month")
        assert event.evidence.count() == 2

    def test_rejected_event_absorbs_new_reports_and_stays_rejected(self):
        store(self.people(), [meeting(0, 1)])
        Event.objects.update(status="rejected")
        store(self.people(), [meeting(0, 1)])
        assert list(Event.objects.values_list("status", flat=True)) == ["rejected"]
        assert Event.objects.get().evidence.count() == 2

    def test_events_of_an_actor_rejected_as_no_person_are_not_stored(self):
        store(self.people())
        Actor.objects.filter(name="Kofi Mensah").update(status="rejected")
        store(self.people(), [meeting(0, 1)])
        assert not Event.objects.exists()

    def test_curated_canonical_name_is_kept(self):
        store([person(0, "Diallo", country="Senegal")])
        Actor.objects.update(status="confirmed", name="Amina Diallo")
        store([person(0, "Amina Ndeye Diallo", country="Senegal")])
        assert list(Actor.objects.values_list("name", flat=True)) == ["Amina Diallo"]

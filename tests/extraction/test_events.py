"""Events in an article: kinds, sides, dates, places, plans and negations, trips, splitting and merging.

Every article here is invented; each test parses one short text with the trained model. Articles are
published on Wednesday 17 March 2021, which anchors every relative date.
"""

from datetime import date

import pytest

from extraction.records import DateSpan

pytestmark = pytest.mark.model

PUBLISHED = date(2021, 3, 17)  # a Wednesday


def day(iso: str) -> DateSpan:
    return DateSpan(date.fromisoformat(iso), date.fromisoformat(iso), "day")


# --- kinds ----------------------------------------------------------------------------------------------------------
def test_arrival_in_a_capital_is_a_visit_to_its_country(article):
    a = article("Ethiopian Foreign Minister Dawit Tesfaye arrived in Nairobi on Sunday.")
    visit = a.one("visit")
    assert a.sides(visit) == {"Dawit Tesfaye": "guest"}
    assert (visit.place, visit.host_country) == ("Nairobi", "Kenya")
    assert len(a.events) == 1


def test_possessive_visit_noun_is_a_visit_by_its_owner(article):
    a = article("Israeli Foreign Minister Yair Cohen's visit to Athens began on Thursday.")
    visit = a.one("visit")
    assert a.sides(visit) == {"Yair Cohen": "guest"}
    assert visit.host_country == "Greece"


def test_visit_by_someone_to_a_capital_is_their_visit(article):
    a = article("The three-day visit by Swiss President Urs Keller to Vienna ended on Friday.")
    visit = a.one("visit")
    assert a.sides(visit) == {"Urs Keller": "guest"}
    assert (visit.place, visit.host_country) == ("Vienna", "Austria")


def test_hosting_is_a_meeting_with_host_and_guest(article):
    a = article("Ghanaian President Kwame Asante hosted Nigerian Vice President Chinedu Okeke in Accra on March 2.")
    meeting = a.one("meeting")
    assert a.sides(meeting) == {"Kwame Asante": "host", "Chinedu Okeke": "guest"}
    assert meeting.host_country == "Ghana"


def test_calling_on_someone_is_a_courtesy_meeting(article):
    a = article(
        "Zambian Foreign Minister Mutale Banda called on Zimbabwean President Tendai Moyo in Harare on Wednesday."
    )
    meeting = a.one("meeting")
    assert a.sides(meeting) == {"Mutale Banda": "guest", "Tendai Moyo": "host"}
    assert meeting.date == day("2021-03-17")  # "on Wednesday" in a Wednesday paper: that day


def test_talks_without_a_place_are_a_meeting_of_equals(article):
    a = article("Armenian President Armen Sargsyan held talks with Georgian President Nino Beridze.")
    meeting = a.one("meeting")
    assert a.sides(meeting) == {"Armen Sargsyan": "participant", "Nino Beridze": "participant"}
    assert meeting.host_country == ""
    assert a.of_kind("visit") == []


def test_telephoned_is_a_phone_call_not_a_meeting(article):
    a = article("Kenyan Foreign Minister Wanjiru Kamau telephoned Somali Foreign Minister Abdi Warsame on Monday.")
    call = a.one("phone_call")
    assert set(a.sides(call)) == {"Wanjiru Kamau", "Abdi Warsame"}
    assert call.date == day("2021-03-15")
    assert a.of_kind("meeting") == [] and a.of_kind("visit") == []


def test_a_phone_call_noun_is_a_phone_call(article):
    a = article("Polish President Andrzej Nowak had a phone call with Lithuanian President Gitanas Kairys on Friday.")
    call = a.one("phone_call")
    assert set(a.sides(call)) == {"Andrzej Nowak", "Gitanas Kairys"}
    assert call.date == day("2021-03-12")
    assert a.of_kind("visit") == []  # a call implies no travel


def test_summit_attended_by_three_presidents_is_multilateral(article):
    a = article(
        "Kenyan President William Otieno, Ugandan President Moses Okello and Tanzanian President Juma Mwinyi "
        "attended a regional summit in Nairobi on November 6-7."
    )
    summit = a.one("multilateral")
    assert set(a.sides(summit)) == {"William Otieno", "Moses Okello", "Juma Mwinyi"}
    assert summit.host_country == "Kenya"
    assert a.of_kind("meeting") == []


def test_trilateral_talks_between_offices_are_multilateral(article):
    a = article("The foreign ministers of Iraq, Jordan and Egypt held trilateral talks in Amman on Sunday.")
    talks = a.one("multilateral")
    assert {(p.office.lower(), p.country) for p in talks.participants} == {
        ("foreign minister", "Iraq"),
        ("foreign minister", "Jordan"),
        ("foreign minister", "Egypt"),
    }
    assert all(p.person is None for p in talks.participants)
    assert (talks.host_country, talks.date) == ("Jordan", day("2021-03-14"))


# --- dates ------------------------------------------------------------------------------------------------------------
def test_explicit_day_dates_the_meeting(article):
    a = article(
        "Algerian Foreign Minister Karim Belkacem met Tunisian President Hichem Mabrouk in Algiers on 12 February 2019."
    )
    assert a.one("meeting").date == day("2019-02-12")


def test_day_range_without_a_year_is_the_latest_before_publication(article):
    a = article(
        "Kenyan President William Otieno, Ugandan President Moses Okello and Tanzanian President Juma Mwinyi "
        "attended a regional summit in Nairobi on November 6-7."
    )
    assert a.one("multilateral").date == DateSpan(date(2020, 11, 6), date(2020, 11, 7), "day")


def test_weekday_is_the_latest_one_before_publication(article):
    a = article(
        "Turkish Foreign Minister Emre Aydin visited Moscow on Tuesday. "
        "Russian Foreign Minister Pavel Morozov hosted him."
    )
    assert a.one("visit").date == day("2021-03-16")


def test_last_year_is_the_year_before_publication(article):
    a = article(
        "Egyptian Foreign Minister Sameh Fouad spoke by phone with his Sudanese counterpart Ali Sadiq last year."
    )
    call = a.one("phone_call")
    assert call.date == DateSpan(date(2020, 1, 1), date(2020, 12, 31), "year")
    assert set(a.sides(call)) == {"Sameh Fouad", "Ali Sadiq"}


def test_a_week_ago_is_a_few_days_around_seven_days_before(article):
    a = article("Brazilian President Marcos Oliveira met Argentine President Julio Pereyra in Buenos Aires a week ago.")
    when = a.one("meeting").date
    assert when.precision == "day"
    assert when.start <= date(2021, 3, 10) <= when.end < PUBLISHED


def test_month_without_a_year_is_the_latest_before_publication(article):
    a = article("Vietnamese Defence Minister Nguyen Van Long visited Phnom Penh in June.")
    visit = a.one("visit")
    assert visit.date == DateSpan(date(2020, 6, 1), date(2020, 6, 30), "month")
    assert visit.host_country == "Cambodia"


def test_part_of_a_decade_dates_an_old_visit(article):
    a = article("Ghanaian President Kwame Asante travelled to Lagos in the early 1990s as a young diplomat.")
    visit = a.one("visit")
    assert visit.date == DateSpan(date(1990, 1, 1), date(1993, 12, 31), "decade")
    assert visit.host_country == "Nigeria"


def test_month_of_this_year_in_a_plan_is_ahead_of_publication(article):
    a = article(
        "Chilean Foreign Minister Isabel Rojas will travel to Lima in August of this year, Peruvian officials said."
    )
    visit = a.one("visit")
    assert visit.date == DateSpan(date(2021, 8, 1), date(2021, 8, 31), "month")
    assert visit.planned


def test_undated_visit_stays_undated(article):
    a = article("Norwegian Prime Minister Erik Solberg once visited Stockholm.")
    visit = a.one("visit")
    assert not visit.date.known
    assert visit.date.precision == "unknown"


def test_duration_does_not_date_a_meeting(article):
    a = article(
        "Armenian President Armen Sargsyan held talks with Georgian President Nino Beridze. "
        "The talks between Sargsyan and Beridze lasted three hours."
    )
    # three hours say how long, not when: the undated news is dated by the news peg alone
    assert a.one("meeting").date == DateSpan(date(2021, 3, 14), PUBLISHED, "day")


# --- planned and negated ----------------------------------------------------------------------------------------------
def test_will_visit_is_a_planned_visit(article):
    a = article("Mexican President Luis Herrera will visit Ottawa next week, Canadian officials said.")
    visit = a.one("visit")
    assert visit.planned
    assert visit.host_country == "Canada"
    assert visit.date.start > PUBLISHED


def test_meeting_planned_during_a_planned_visit_is_planned_and_linked(article):
    a = article(
        "Indian External Affairs Minister Arjun Rao will visit Tokyo next month. "
        "Japanese Foreign Minister Yoko Mori will host him."
    )
    visit, meeting = a.one("visit"), a.one("meeting")
    assert visit.planned and meeting.planned
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting) == {"Arjun Rao": "guest", "Yoko Mori": "host"}


def test_did_not_meet_is_no_event(article):
    a = article("Russian Foreign Minister Pavel Morozov did not meet Turkish Foreign Minister Emre Aydin in Ankara.")
    assert a.events == []


def test_cancelled_visit_is_no_event(article):
    a = article("The planned visit of Argentine President Julio Pereyra to Brasilia was cancelled.")
    assert a.events == []


def test_visit_cancelled_in_the_next_sentence_is_no_event(article):
    a = article("Argentine President Julio Pereyra planned to visit Brasilia in April. The visit was later cancelled.")
    assert a.events == []


def test_planned_to_visit_is_a_planned_visit(article):
    a = article("Argentine President Julio Pereyra planned to visit Brasilia in April.")
    visit = a.one("visit")
    assert (a.sides(visit), visit.host_country, visit.planned) == ({"Julio Pereyra": "guest"}, "Brazil", True)


def test_due_to_visit_is_a_planned_visit(article):
    a = article("Chilean President Gabriel Soto was due to visit Brasilia on Monday.")
    visit = a.one("visit")
    assert (a.sides(visit), visit.host_country, visit.planned) == ({"Gabriel Soto": "guest"}, "Brazil", True)


def test_the_same_visit_not_cancelled_is_an_event(article):
    a = article("The visit of Argentine President Julio Pereyra to Brasilia took place on Monday.")
    visit = a.one("visit")
    assert (visit.host_country, visit.date, visit.planned) == ("Brazil", day("2021-03-15"), False)


# --- who took part --------------------------------------------------------------------------------------------------
def test_received_by_three_officials_is_three_meetings_with_the_guest(article):
    a = article(
        "Mexican Foreign Minister Elena Ruiz arrived in Ottawa a week ago. She was received by Canadian Prime "
        "Minister Claire Dubois, Foreign Minister Marc Tremblay and Defence Minister Jean Gagnon."
    )
    meetings = a.of_kind("meeting")
    hosts = [name for m in meetings for name, role in a.sides(m).items() if role == "host"]
    assert sorted(hosts) == ["Claire Dubois", "Jean Gagnon", "Marc Tremblay"]
    assert all(a.sides(m)["Elena Ruiz"] == "guest" and len(m.participants) == 2 for m in meetings)


def test_companion_of_a_visitor_is_a_guest_too(article):
    a = article(
        "Qatari Foreign Minister Khalid Attiyah, accompanied by Defence Minister Nasser Kuwari, "
        "arrived in Ankara on Monday."
    )
    visit = a.one("visit")
    assert a.sides(visit) == {"Khalid Attiyah": "guest", "Nasser Kuwari": "guest"}
    assert visit.host_country == "Turkey"


def test_visitor_in_his_own_country_is_no_visit(article):
    a = article("Nigerian President Bola Adeyemi travelled to Lagos on Friday to open a port.")
    assert a.people[a.key("Bola Adeyemi")].country == "Nigeria"
    assert a.of_kind("visit") == []


def test_what_someone_told_another_is_not_a_meeting(article):
    a = article(
        "Brazilian President Marcos Oliveira told Argentine President Julio Pereyra that Brazil would cut tariffs."
    )
    assert a.events == []


def test_what_someone_said_after_talks_is_not_a_second_meeting(article):
    a = article(
        "Russian Foreign Minister Pavel Morozov held talks with Turkish President Kemal Yilmaz. "
        "Morozov said Russia and Turkey agreed on grain."
    )
    assert len(a.events) == 1
    assert set(a.sides(a.one("meeting"))) == {"Pavel Morozov", "Kemal Yilmaz"}


# --- trips: meetings during a visit, implied visits ---------------------------------------------------------------
def test_meeting_during_a_visit_links_to_it_and_inherits_its_date_and_place(article):
    a = article(
        "Vietnamese Defence Minister Nguyen Van Long visited Phnom Penh in June. "
        "Cambodian Prime Minister Hun Rithy received him."
    )
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting) == {"Nguyen Van Long": "guest", "Hun Rithy": "host"}
    assert (meeting.date, meeting.place, meeting.host_country) == (visit.date, "Phnom Penh", "Cambodia")


def test_meeting_by_pronoun_during_a_visit_is_the_visitors(article):
    a = article(
        "Colombian President Gustavo Reyes travelled to Caracas last year. He met Venezuelan President Nicolas Ortega."
    )
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting) == {"Gustavo Reyes": "guest", "Nicolas Ortega": "host"}
    assert meeting.date == DateSpan(date(2020, 1, 1), date(2020, 12, 31), "year")


def test_meeting_in_a_relative_clause_belongs_to_the_visit(article):
    a = article(
        "Jordanian Foreign Minister Ayman Khalil wrapped up a visit to Beirut on Monday, "
        "during which he met Lebanese Prime Minister Najib Haddad."
    )
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.sides(meeting) == {"Ayman Khalil": "guest", "Najib Haddad": "host"}
    assert a.events[meeting.parent] is visit
    assert meeting.date == day("2021-03-15")


def test_meeting_during_his_visit_belongs_to_it(article):
    a = article("During his visit to Seoul, Thai Prime Minister Somchai Wongsawat met Philippine President Ramon Cruz.")
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.sides(visit) == {"Somchai Wongsawat": "guest"}
    assert visit.host_country == "South Korea"
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting)["Somchai Wongsawat"] == "guest"


def test_delegation_meeting_during_a_visit_includes_the_visitor(article):
    a = article(
        "Kenyan President William Otieno arrived in Addis Ababa on Monday for a two-day visit. "
        "Kenyan officials met Ethiopian Prime Minister Dawit Tesfaye."
    )
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.sides(meeting) == {"William Otieno": "guest", "Dawit Tesfaye": "host"}
    assert a.events[meeting.parent] is visit
    assert meeting.date == day("2021-03-15")


def test_second_delegation_meeting_joins_the_same_trip(article):
    a = article(
        "Vietnamese Defence Minister Nguyen Van Long visited Phnom Penh in June. "
        "Cambodian Prime Minister Hun Rithy received him. "
        "A Vietnamese delegation also met Cambodian Defence Minister Sok Chea."
    )
    visit = a.one("visit")
    delegation = next(m for m in a.of_kind("meeting") if "Sok Chea" in a.sides(m))
    assert a.sides(delegation) == {"Nguyen Van Long": "guest", "Sok Chea": "host"}
    assert a.events[delegation.parent] is visit


def test_meeting_abroad_implies_a_visit_by_the_foreigner(article):
    a = article("Japanese Prime Minister Kenji Sato met Indian Prime Minister Rahul Mehta in New Delhi on Saturday.")
    meeting, visit = a.one("meeting"), a.one("visit")
    assert a.sides(meeting) == {"Kenji Sato": "guest", "Rahul Mehta": "host"}
    assert a.sides(visit) == {"Kenji Sato": "guest"}
    assert a.events[meeting.parent] is visit
    assert (visit.host_country, visit.date) == ("India", day("2021-03-13"))


def test_received_by_three_officials_during_a_visit_all_link_to_it(article):
    a = article(
        "Mexican Foreign Minister Elena Ruiz arrived in Ottawa a week ago. She was received by Canadian Prime "
        "Minister Claire Dubois, Foreign Minister Marc Tremblay and Defence Minister Jean Gagnon."
    )
    visit = a.one("visit")
    meetings = a.of_kind("meeting")
    assert len(meetings) == 3
    assert all(a.events[m.parent] is visit and m.date == visit.date for m in meetings)


# --- one event reported twice -------------------------------------------------------------------------------------
def test_meeting_mentioned_twice_is_one_event_with_two_evidence_sentences(article):
    a = article(
        "Egyptian President Hany Saleh met Sudanese leader Omar Bashir in Cairo on March 4. "
        "The meeting between Saleh and Bashir in Cairo focused on the Nile."
    )
    meeting = a.one("meeting")
    assert len(meeting.evidence) == 2
    assert [e.sentence for e in meeting.evidence][1].startswith("The meeting between Saleh and Bashir")
    assert meeting.date == day("2021-03-04")


def test_talks_mentioned_twice_without_a_place_are_one_event(article):
    a = article(
        "Armenian President Armen Sargsyan held talks with Georgian President Nino Beridze. "
        "The talks between Sargsyan and Beridze lasted three hours."
    )
    assert len(a.one("meeting").evidence) == 2


def test_attending_the_summit_joins_the_gathering_reported_before(article):
    a = article(
        "Leaders of Kenya, Uganda and Tanzania gathered in Nairobi for a regional summit on November 6-7. "
        "Kenyan President William Otieno and Ugandan President Moses Okello attended the summit."
    )
    summit = a.one("multilateral")
    assert {"William Otieno", "Moses Okello"} <= set(a.sides(summit))
    assert summit.host_country == "Kenya"
    assert summit.date == DateSpan(date(2020, 11, 6), date(2020, 11, 7), "day")


# --- places -----------------------------------------------------------------------------------------------------------
def test_capital_the_ner_leaves_untagged_still_gives_the_host_country(article):
    a = article(
        "Algerian Foreign Minister Karim Belkacem visited Tunis on 12 February 2019. "
        "He met Tunisian President Hichem Mabrouk."
    )
    visit, meeting = a.one("visit"), a.one("meeting")
    assert (visit.host_country, visit.date) == ("Tunisia", day("2019-02-12"))
    assert a.events[meeting.parent] is visit


# --- offices named instead of people ----------------------------------------------------------------------------------
def test_call_between_foreign_ministers_resolves_the_one_the_article_names(article):
    a = article(
        "The foreign ministers of Kenya and Somalia held a telephone conversation on Thursday. "
        "Kenyan Foreign Minister Wanjiru Kamau later briefed parliament."
    )
    call = a.one("phone_call")
    kenya = [p for p in call.participants if p.person is not None]
    somalia = [p for p in call.participants if p.person is None]
    assert [p.person for p in kenya] == [a.key("Wanjiru Kamau")]
    assert [(p.office.lower(), p.country) for p in somalia] == [("foreign minister", "Somalia")]
    assert call.date == day("2021-03-11")


def test_named_minister_speaking_with_an_office_abroad(article):
    a = article(
        "Kenyan Foreign Minister Wanjiru Kamau spoke with the foreign minister of Somalia by telephone on Thursday."
    )
    call = a.one("phone_call")
    assert a.sides(call) == {"Wanjiru Kamau": "participant", "foreign minister, Somalia": "participant"}

"""People in an article: names cleaned of titles, non-people rejected, short forms grouped, roles read.

Every article here is invented; each test parses one short text with the trained model.
"""

import pytest

from extraction.people import find_people
from extraction.records import PersonRecord, RoleRecord

pytestmark = pytest.mark.model


@pytest.fixture
def people_in(nlp_model):
    def extract(text: str) -> list[PersonRecord]:
        return find_people(nlp_model(text))

    return extract


def names(people: list[PersonRecord]) -> list[str]:
    return [p.name for p in people]


def the(people: list[PersonRecord], name: str) -> PersonRecord:
    """The one person of that name; fails loudly when there is none or several."""
    found = [p for p in people if p.name == name]
    assert len(found) == 1, f"expected one {name!r} in {names(people)}"
    return found[0]


# --- titles, ranks and possessives --------------------------------------------------------------------------------
def test_rank_is_stripped_from_the_name_but_kept_in_the_mention(people_in):
    text = "Maj. Gen. Hiroshi Tanaka of Japan held talks in New Delhi with Indian officials."
    tanaka = the(people_in(text), "Hiroshi Tanaka")
    mention = tanaka.mentions[0]
    assert mention.text == "Maj. Gen. Hiroshi Tanaka"
    assert text[mention.start : mention.end] == mention.text
    assert tanaka.roles == []  # a rank says how senior, not what office


def test_office_before_a_name_becomes_its_role_and_country(people_in):
    people = people_in("Kenyan Foreign Minister Wanjiru Kamau arrived in Addis Ababa on Monday.")
    kamau = the(people, "Wanjiru Kamau")
    assert kamau.roles == [RoleRecord(title="Foreign Minister", country="Kenya")]
    assert kamau.country == "Kenya"


def test_rank_between_an_office_and_a_name_is_not_part_of_the_title(people_in):
    people = people_in("Japanese officials held talks in New Delhi with Indian Army Chief Gen. Rajesh Menon.")
    menon = the(people, "Rajesh Menon")
    assert menon.roles == [RoleRecord(title="Army Chief", country="India")]


def test_possessive_is_dropped_from_every_mention(people_in):
    people = people_in(
        "Kenyan President William Otieno's visit to Kampala ended on Friday. Ugandan officials praised Otieno's speech."
    )
    assert names(people) == ["William Otieno"]
    assert [m.name for m in people[0].mentions] == ["William Otieno", "Otieno"]


def test_particles_stay_inside_an_arabic_name(people_in):
    people = people_in("Iraqi President Barham Aziz received Kuwaiti Emir Sheikh Nawaf al-Sabah in Baghdad.")
    emir = the(people, "Nawaf al-Sabah")
    assert emir.roles == [RoleRecord(title="Emir", country="Kuwait")]


def test_honorific_inside_a_name_is_part_of_the_name(people_in):
    people = people_in("Somali President Hassan Sheikh Mohamud said the Somali army had retaken the town.")
    assert names(people) == ["Hassan Sheikh Mohamud"]
    assert people[0].roles == [RoleRecord(title="President", country="Somalia")]


def test_title_inside_the_ner_span_becomes_the_role(people_in):
    people = people_in("Saudi Foreign Minister Faisal Rahman said he had met Qatari Emir Tamim Hamad.")
    assert names(people) == ["Faisal Rahman", "Tamim Hamad"]
    assert the(people, "Tamim Hamad").roles == [RoleRecord(title="Emir", country="Qatar")]


def test_hyphenated_korean_given_name_is_kept_whole(people_in):
    people = people_in("Thai Prime Minister Somchai Wongsawat met South Korean President Lee Min-ho in Seoul.")
    assert names(people) == ["Somchai Wongsawat", "Lee Min-ho"]
    assert the(people, "Lee Min-ho").roles == [RoleRecord(title="President", country="South Korea")]


# --- roles from appositions and longer office phrases ---------------------------------------------------------------
def test_former_office_in_apposition_gives_title_and_country(people_in):
    people = people_in("Girma Bekele, the former Ethiopian Defence Minister, criticised the agreement with Eritrea.")
    bekele = the(people, "Girma Bekele")
    assert bekele.roles == [RoleRecord(title="Defence Minister", country="Ethiopia")]


def test_head_of_an_agency_before_a_name_is_the_role_and_the_name_is_completed(people_in):
    people = people_in("The head of the Egyptian General Intelligence Agency Tarek Mansour flew to Khartoum.")
    mansour = the(people, "Tarek Mansour")
    assert mansour.roles == [RoleRecord(title="Head of the General Intelligence Agency", country="Egypt")]


def test_office_before_a_comma_is_the_role_of_the_name_after_it(people_in):
    people = people_in("The spokesman for the Moroccan Foreign Ministry, Youssef Alaoui, said Rabat would respond.")
    assert names(people) == ["Youssef Alaoui"]
    assert people[0].roles == [RoleRecord(title="Spokesman for the Foreign Ministry", country="Morocco")]


def test_country_possessive_before_an_office_gives_the_country(people_in):
    people = people_in("Ghana's President Kwame Asante met Ivorian President Alassane Kone in Accra.")
    assert the(people, "Kwame Asante").roles == [RoleRecord(title="President", country="Ghana")]
    assert the(people, "Alassane Kone").country == "Ivory Coast"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Sri Lankan Foreign Minister Nimal Perera arrived in Dhaka.", "Nimal Perera", "Sri Lanka"),
        ("South African President Sipho Ndlovu arrived in Harare on Tuesday.", "Sipho Ndlovu", "South Africa"),
    ],
)
def test_two_word_demonym_is_a_country_not_a_person(people_in, text, name, country):
    people = people_in(text)
    assert names(people) == [name]
    assert people[0].country == country


def test_demonym_before_a_rank_gives_the_country(people_in):
    people = people_in("Sudanese General Yasir Osman said the army had retaken Omdurman.")
    assert the(people, "Yasir Osman").country == "Sudan"


# --- guard rails: what the NER calls a person but is not ------------------------------------------------------------
def test_organisation_ending_in_force_is_not_a_person(people_in):
    assert people_in("Egyptian officials said Saladin Force units had been moved to the border.") == []


def test_name_running_into_an_organisation_head_is_not_a_person(people_in):
    people = people_in(
        "The Sultan Hamid Brigade was blamed by Libyan officials. "
        "Libyan Interior Minister Khaled Tarhouni visited the area."
    )
    assert names(people) == ["Khaled Tarhouni"]


def test_capitalised_common_word_is_not_a_person(people_in):
    people = people_in("Vietnamese Deputy Prime Minister Tran Van Minh said Challenges remained.")
    assert names(people) == ["Tran Van Minh"]


def test_title_alone_is_not_a_person(people_in):
    assert people_in("The Emir said on Sunday that Qatar would mediate.") == []


def test_group_named_in_quotes_is_not_a_person(people_in):
    assert people_in('The armed group "Babu Khan" was blamed for the bombing in Kabul.') == []


def test_place_after_in_is_not_a_person(people_in):
    people = people_in("Kazakh President Nurlan Abenov arrived in Mirzo Ulugbek.")
    assert names(people) == ["Nurlan Abenov"]


def test_demonym_tagged_as_a_person_is_not_a_person(people_in):
    people = people_in(
        "Georgian Prime Minister Nino Beridze travelled to Baku, where she met Azerbaijani President Ilham Guliyev."
    )
    assert names(people) == ["Nino Beridze", "Ilham Guliyev"]
    assert the(people, "Ilham Guliyev").country == "Azerbaijan"


# --- names the NER misses -------------------------------------------------------------------------------------------
def test_name_after_a_title_is_found_when_the_ner_misses_it(people_in):
    people = people_in("The Ugandan Army Commander Moses Okello said the border was calm.")
    assert names(people) == ["Moses Okello"]


def test_name_found_after_a_title_keeps_that_title_as_its_role(people_in):
    people = people_in("The Ugandan Army Commander Moses Okello said the border was calm.")
    assert the(people, "Moses Okello").roles == [RoleRecord(title="Army Commander", country="Uganda")]


# --- grouping mentions within one article ---------------------------------------------------------------------------
def test_surname_alone_later_is_the_full_name_given_earlier(people_in):
    people = people_in(
        "Kenyan Foreign Minister Wanjiru Kamau arrived in Addis Ababa on Monday. "
        "Kamau met Ethiopian Prime Minister Dawit Tesfaye at his office."
    )
    assert names(people) == ["Wanjiru Kamau", "Dawit Tesfaye"]
    assert [m.name for m in the(people, "Wanjiru Kamau").mentions] == ["Wanjiru Kamau", "Kamau"]


def test_chinese_surname_alone_is_the_full_name_written_surname_first(people_in):
    people = people_in(
        "Chinese Foreign Minister Zhang Wei met Pakistani Foreign Minister Imran Qureshi in Beijing. "
        "Zhang said China valued the friendship."
    )
    assert names(people) == ["Zhang Wei", "Imran Qureshi"]
    assert len(the(people, "Zhang Wei").mentions) == 2


def test_malay_given_name_alone_is_the_full_name(people_in):
    people = people_in(
        "Malaysian Prime Minister Anwar Hamid met Singaporean Prime Minister Lawrence Wong. Later, Anwar flew home."
    )
    assert names(people) == ["Anwar Hamid", "Lawrence Wong"]
    assert len(the(people, "Anwar Hamid").mentions) == 2


def test_two_people_sharing_a_surname_are_kept_apart(people_in):
    people = people_in(
        "Peruvian Interior Minister Carla Quispe met Bolivian Interior Minister Carlos Quispe in La Paz. "
        "Carla Quispe thanked Carlos Quispe for the invitation."
    )
    assert names(people) == ["Carla Quispe", "Carlos Quispe"]
    assert the(people, "Carla Quispe").country == "Peru"
    assert the(people, "Carlos Quispe").country == "Bolivia"
    assert all(len(p.mentions) == 2 for p in people)


def test_two_people_sharing_a_surname_keep_their_own_roles(people_in):
    people = people_in("Danish Defence Minister Lars Holm met Norwegian Defence Minister Erik Holm in Oslo on Tuesday.")
    assert the(people, "Lars Holm").roles == [RoleRecord(title="Defence Minister", country="Denmark")]
    assert the(people, "Erik Holm").roles == [RoleRecord(title="Defence Minister", country="Norway")]

"""Suspected duplicates: which pairs of officials are worth a curator's look, from names, country and office."""

from extraction.duplicates import (
    SUGGEST,
    Profile,
    duplicate_score,
    office_key,
    skeleton_neighbours,
    surname_neighbours,
)
from extraction.names import surname_skeleton


def official(*names: str, country: str = "", offices: tuple[str, ...] = ()) -> Profile:
    return Profile(names=names, country=country, offices=frozenset(office_key(o) for o in offices))


def test_a_one_letter_variant_of_a_surname_with_the_same_given_name_is_suggested():
    assert duplicate_score(official("Karim Dowlani"), official("Karim Doulani")) >= SUGGEST


def test_the_one_letter_variant_is_found_though_the_skeletons_differ():
    assert surname_skeleton("Karim Dowlani") != surname_skeleton("Karim Doulani")
    assert surname_skeleton("Karim Doulani") in surname_neighbours(("Karim Dowlani",))
    assert surname_skeleton("Karim Dowlani") in surname_neighbours(("Karim Doulani",))


def test_people_sharing_only_a_common_surname_are_not_suggested():
    farid = official("Farid Malik", "Malik", country="Pakistan", offices=("Prime Minister",))
    nadia = official("Nadia Rehana Malik", country="Pakistan", offices=("Foreign Secretary",))
    assert duplicate_score(farid, nadia) == 0.0


def test_a_transliterated_spelling_with_the_same_given_names_is_suggested():
    assert duplicate_score(official("Mahmud Jawid Qasemi"), official("Mahmood Javed Ghasemi")) >= SUGGEST


def test_a_surname_alone_is_suggested_unless_the_countries_differ():
    full = official("Karim Dowlani", country="Kuwait", offices=("Oil Minister",))
    assert duplicate_score(full, official("Dowlani")) >= SUGGEST
    assert duplicate_score(full, official("Dowlani", country="Oman")) < SUGGEST
    assert duplicate_score(full, official("Dowlani", country="Oman", offices=("oil minister",))) < SUGGEST
    assert duplicate_score(full, official("Doulani")) >= SUGGEST  # one letter off


def test_another_country_counts_against_a_pair_but_agreeing_full_names_are_still_worth_a_look():
    same = duplicate_score(official("Karim Dowlani", country="Kuwait"), official("Karim Dowlani", country="Kuwait"))
    other = duplicate_score(official("Karim Dowlani", country="Kuwait"), official("Karim Dowlani", country="Oman"))
    assert same > other >= SUGGEST


def test_short_surnames_one_letter_apart_are_different_names():
    assert duplicate_score(official("Omar Ali"), official("Omar Ari")) == 0.0


def test_the_neighbourhood_of_a_skeleton_holds_every_string_one_edit_away():
    neighbours = skeleton_neighbours("run")
    assert {"run", "ruvn", "rn", "ran", "runs"} <= neighbours
    assert "rvvn" not in neighbours

"""How events are dated: the news peg, events told as context, plans, and days named by reference.

Every Doc is built by hand (no trained model): the rules read tags, the tree and DATE entities only.
Articles are published on Wednesday 17 March 2021 unless a test says otherwise.
"""

from datetime import date

from extraction.events import find_events
from extraction.people import find_people
from extraction.records import DateSpan, EventRecord
from tests.extraction.docs import parsed

PUBLISHED = date(2021, 3, 17)  # a Wednesday


def events(table: str, published: date | None = PUBLISHED) -> list[EventRecord]:
    doc = parsed(table)
    people = find_people(doc)
    return find_events(doc, people, published=published)


def one(table: str, kind: str, published: date | None = PUBLISHED) -> EventRecord:
    found = [e for e in events(table, published) if e.kind == kind]
    assert len(found) == 1, found
    return found[0]


def days(start: str, end: str | None = None) -> DateSpan:
    return DateSpan(date.fromisoformat(start), date.fromisoformat(end or start), "day")


MET = """
    Kenyan    JJ   amod     1
    President NNP  compound 2
    Otieno    NNP  nsubj    3 B-PERSON
    met       VBD  ROOT     3
    Ugandan   JJ   amod     5
    President NNP  compound 6
    Okello    NNP  dobj     3 B-PERSON
    .         .    punct    3
"""


# --- the news peg -----------------------------------------------------------------------------------------------
def test_undated_news_happened_in_the_days_before_publication():
    assert one(MET, "meeting").date == days("2021-03-14", "2021-03-17")


def test_the_news_peg_stays_in_the_month_of_publication():
    assert one(MET, "meeting", published=date(2021, 3, 2)).date == days("2021-03-01", "2021-03-02")


def test_without_a_publication_date_undated_news_stays_undated():
    assert one(MET, "meeting", published=None).date is None


def test_an_event_told_in_the_past_perfect_is_context_and_stays_undated():
    meeting = one(
        """
        Otieno    NNP  nsubj    2 B-PERSON
        had       VBD  aux      2
        met       VBN  ROOT     2
        Ugandan   JJ   amod     4
        President NNP  compound 5
        Okello    NNP  dobj     2 B-PERSON
        .         .    punct    2
        """,
        "meeting",
    )
    assert meeting.date is None


def test_had_just_is_still_the_news():
    meeting = one(
        """
        Otieno    NNP  nsubj    3 B-PERSON
        had       VBD  aux      3
        just      RB   advmod   3
        met       VBN  ROOT     3
        Ugandan   JJ   amod     5
        President NNP  compound 6
        Okello    NNP  dobj     3 B-PERSON
        .         .    punct    3
        """,
        "meeting",
    )
    assert meeting.date == days("2021-03-14", "2021-03-17")


def test_an_event_marked_as_earlier_is_context_and_stays_undated():
    visit = one(
        """
        Kenyan    JJ   amod     1
        President NNP  compound 2
        Otieno    NNP  nsubj    4 B-PERSON
        once      RB   advmod   4
        visited   VBD  ROOT     4
        Uganda    NNP  dobj     4 B-GPE
        .         .    punct    4
        """,
        "visit",
    )
    assert visit.host_country == "Uganda" and visit.date is None


def test_a_previous_visit_is_context_and_stays_undated():
    visit = one(
        """
        Kenyan    JJ   amod     1
        President NNP  compound 2
        Otieno    NNP  poss     5 B-PERSON
        's        POS  case     2
        previous  JJ   amod     5
        visit     NN   nsubj    8
        to        IN   prep     5
        Uganda    NNP  pobj     6 B-GPE
        was       VBD  ROOT     8
        brief     JJ   acomp    8
        .         .    punct    8
        """,
        "visit",
    )
    assert visit.host_country == "Uganda" and visit.date is None


def test_an_undated_plan_stays_undated():
    meeting = one(
        """
        Otieno    NNP  nsubj    2 B-PERSON
        will      MD   aux      2
        meet      VB   ROOT     2
        Ugandan   JJ   amod     4
        President NNP  compound 5
        Okello    NNP  dobj     2 B-PERSON
        .         .    punct    2
        """,
        "meeting",
    )
    assert meeting.planned and meeting.date is None


# --- plans: what reaches publication as written keeps its reading ------------------------------------------------
def plan(*when: str) -> str:
    """'Kenyan President Otieno will visit Uganda <when>.', with the rows of the date phrase (tokens 6 on)."""
    head = """
        Kenyan    JJ   amod     1
        President NNP  compound 2
        Otieno    NNP  nsubj    4 B-PERSON
        will      MD   aux      4
        visit     VB   ROOT     4
        Uganda    NNP  dobj     4 B-GPE
    """
    return "\n".join([head, *when, ".  .  punct  4"])


def test_tomorrow_in_a_plan_is_the_day_after_publication():
    visit = one(plan("tomorrow NN npadvmod 4 B-DATE"), "visit")
    assert visit.planned and visit.date == days("2021-03-18")


def test_next_week_in_a_plan_is_the_week_after_publication():
    visit = one(plan("next JJ amod 7 B-DATE", "week NN npadvmod 4 I-DATE"), "visit")
    assert visit.date == days("2021-03-22", "2021-03-28")


def test_a_weekday_in_a_plan_is_the_next_such_day():
    assert one(plan("on IN prep 4", "Friday NNP pobj 6 B-DATE"), "visit").date == days("2021-03-19")


# --- days named by reference ----------------------------------------------------------------------------------
def test_that_day_is_the_day_named_before():
    meeting = one(
        """
        Kenyan    JJ   amod     1
        President NNP  compound 2
        Otieno    NNP  nsubj    3 B-PERSON
        flew      VBD  ROOT     3
        to        IN   prep     3
        Kampala   NNP  pobj     4 B-GPE
        on        IN   prep     3
        Monday    NNP  pobj     6 B-DATE
        .         .    punct    3
        He        PRP  nsubj    10
        met       VBD  ROOT     10
        Ugandan   JJ   amod     12
        President NNP  compound 13
        Okello    NNP  dobj     10 B-PERSON
        that      DT   det      15 B-DATE
        day       NN   npadvmod 10 I-DATE
        .         .    punct    10
        """,
        "meeting",
    )
    assert meeting.date == days("2021-03-15")


def test_a_date_in_another_triggers_relative_clause_dates_that_event_only():
    found = events(
        """
        Kenyan    JJ   amod     1
        President NNP  compound 2
        Otieno    NNP  nsubj    3 B-PERSON
        met       VBD  ROOT     3
        Ugandan   JJ   amod     5
        President NNP  compound 6
        Okello    NNP  dobj     3 B-PERSON
        ,         ,    punct    6
        who       WP   nsubj    9
        held      VBD  relcl    6
        talks     NNS  dobj     9
        with      IN   prep     10
        Tanzanian JJ   amod     13
        President NNP  compound 14
        Mwinyi    NNP  pobj     11 B-PERSON
        on        IN   prep     9
        Monday    NNP  pobj     15 B-DATE
        .         .    punct    3
        """
    )
    otieno = [e for e in found if 0 in e.people]  # keys follow the order of first mention
    talks = [e for e in found if e.people == {1, 2}]
    assert [e.date for e in otieno] == [days("2021-03-14", "2021-03-17")]  # the news peg, not Monday
    assert [e.date for e in talks] == [days("2021-03-15")]


def test_an_event_told_as_going_on_is_on_the_publication_day():
    meeting = one(
        """
        Otieno    NNP  nsubj    2 B-PERSON
        is        VBZ  aux      2
        meeting   VBG  ROOT     2
        Ugandan   JJ   amod     4
        President NNP  compound 5
        Okello    NNP  dobj     2 B-PERSON
        .         .    punct    2
        """,
        "meeting",
    )
    assert meeting.date == days("2021-03-17")


def test_talks_scheduled_for_a_weekday_are_a_plan_for_the_next_such_day():
    talks = one(
        """
        Talks     NNS  nsubj    11
        between   IN   prep     0
        Kenyan    JJ   amod     3
        President NNP  compound 4
        Otieno    NNP  pobj     1 B-PERSON
        and       CC   cc       4
        Okello    NNP  conj     4 B-PERSON
        ,         ,    punct    0
        scheduled VBN  acl      0
        for       IN   prep     8
        Friday    NNP  pobj     9 B-DATE
        come      VBP  ROOT     11
        amid      IN   prep     11
        tension   NN   pobj     12
        .         .    punct    11
        """,
        "meeting",
    )
    assert talks.planned and talks.date == days("2021-03-19")


# --- without a publication date ---------------------------------------------------------------------------------
def test_without_a_publication_date_the_texts_full_date_anchors_a_weekday():
    meeting = one(
        """
        The       DT   det      1
        photo     NN   nsubjpass 3
        was       VBD  auxpass  3
        taken     VBN  ROOT     3
        on        IN   prep     3
        12        CD   pobj     4 B-DATE
        March     NNP  npadvmod 5 I-DATE
        2021      CD   npadvmod 5 I-DATE
        .         .    punct    3
        Kenyan    JJ   amod     10
        President NNP  compound 11
        Otieno    NNP  nsubj    12 B-PERSON
        met       VBD  ROOT     12
        Ugandan   JJ   amod     14
        President NNP  compound 15
        Okello    NNP  dobj     12 B-PERSON
        on        IN   prep     12
        Monday    NNP  pobj     16 B-DATE
        .         .    punct    12
        """,
        "meeting",
        published=None,
    )
    assert meeting.date == days("2021-03-08")


# --- photo captions -----------------------------------------------------------------------------------------------
def caption(at: int = 0) -> str:
    """'President Otieno (left) shakes hands with President Okello at the signing of the border treaty.', its
    heads counted from token `at`."""
    rows = [
        ("President", "NNP", "compound", 1, ""),
        ("Otieno", "NNP", "nsubj", 5, "B-PERSON"),
        ("(", "-LRB-", "punct", 3, ""),
        ("left", "JJ", "parataxis", 1, ""),
        (")", "-RRB-", "punct", 3, ""),
        ("shakes", "VBZ", "ROOT", 5, ""),
        ("hands", "NNS", "dobj", 5, ""),
        ("with", "IN", "prep", 5, ""),
        ("President", "NNP", "compound", 9, ""),
        ("Okello", "NNP", "pobj", 7, "B-PERSON"),
        ("at", "IN", "prep", 5, ""),
        ("the", "DT", "det", 12, ""),
        ("signing", "NN", "pobj", 10, ""),
        ("of", "IN", "prep", 12, ""),
        ("the", "DT", "det", 16, ""),
        ("border", "NN", "compound", 16, ""),
        ("treaty", "NN", "pobj", 13, ""),
        (".", ".", "punct", 5, ""),
    ]
    return "\n".join(f"{w} {t} {d} {h + at} {e}" for w, t, d, h, e in rows)


def test_an_event_shown_only_in_a_photo_caption_is_not_dated_as_the_news():
    """The picture may be from any year: a caption the body does not report is an archive photo."""
    [meeting] = events(caption())
    assert meeting.date is None


def test_a_caption_of_the_news_the_body_reports_keeps_the_news_date():
    [meeting] = events(MET + caption(at=8))
    assert meeting.date == days("2021-03-14", "2021-03-17")


# --- the day the lead gives the news ------------------------------------------------------------------------------
LEAD_THEN_MEETING = """
    Yesterday   NN       ROOT      0   B-DATE
    ,           ,        dep       0
    President   NNP      dep       0
    {first}     NNP      dep       0   B-PERSON
    rejected    VBD      dep       0
    the         DT       dep       0
    resignation NN       dep       0
    of          IN       dep       0
    Prime       NNP      dep       0
    Minister    NNP      dep       0
    {second}    NNP      dep       0   B-PERSON
    .           .        dep       0
    President   NNP      compound  13
    Otieno      NNP      nsubj     14  B-PERSON
    told        VBD      ROOT      14
    Okello      NNP      dobj      14  B-PERSON
    in          IN       prep      14
    a           DT       det       18
    meeting     NN       pobj      16
    that        IN/SCONJ mark      22
    he          PRP      nsubj     22
    should      MD       aux       22
    stay        VB       relcl     18
    .           .        punct     14
"""


def test_undated_news_about_the_people_of_the_lead_took_place_on_the_day_the_lead_gives():
    """'Yesterday, President X rejected ...; X told Y in a meeting ...': the body tells what the lead sums up."""
    meeting = one(LEAD_THEN_MEETING.format(first="Otieno", second="Okello"), "meeting")
    assert meeting.date == days("2021-03-16")


def test_undated_news_about_other_people_than_the_leads_keeps_the_news_peg():
    meeting = one(LEAD_THEN_MEETING.format(first="Mwangi", second="Kamau"), "meeting")
    assert meeting.date == days("2021-03-14", "2021-03-17")


# --- weekdays of the body counted from the lead's day -------------------------------------------------------------
LEAD_THEN_CALL = """
    On        IN       ROOT      0
    {day}     NNP      dep       0   {entity}
    ,         ,        dep       0
    President NNP      dep       0
    Otieno    NNP      dep       0   B-PERSON
    ended     VBD      dep       0
    the       DT       dep       0
    search    NN       dep       0
    for       IN       dep       0
    survivors NNS      dep       0
    .         .        dep       0
    President NNP      compound  12
    Otieno    NNP      nsubj     13  B-PERSON
    phoned    VBD      ROOT      13
    Prime     NNP      compound  15
    Minister  NNP      compound  16
    Okello    NNP      dobj      13  B-PERSON
    on        IN       prep      13
    Friday    NNP      pobj      17  B-DATE
    .         .        punct     13
"""
SATURDAY = date(2021, 3, 20)


def test_a_past_weekday_of_the_body_lies_on_or_before_the_day_the_lead_gives():
    """Published on a Saturday, 'On Monday, X ended the search. ... X called Y on Friday': the body tells what
    led to the lead, so that Friday is the one before Monday, not the day before publication."""
    call = one(LEAD_THEN_CALL.format(day="Monday", entity="B-DATE"), "phone_call", published=SATURDAY)
    assert call.date == days("2021-03-12")


def test_without_a_day_in_the_lead_a_weekday_is_the_latest_before_publication():
    call = one(LEAD_THEN_CALL.format(day="land", entity=""), "phone_call", published=SATURDAY)
    assert call.date == days("2021-03-19")

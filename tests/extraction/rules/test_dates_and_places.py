"""When and where an event happened: the date words in its reach, resolved against the publication date, and
the place it names (extraction.events, extraction.dates, extraction.geo).

Each table is what the trained model made of an invented sentence, as ingest parses it (one row per token:
word, tag, dependency, head, entity; see tests.extraction.docs); no model is loaded here. Articles are
published on Wednesday 17 March 2021, which anchors every relative date.
"""

from datetime import date

from extraction.records import DateSpan
from tests.extraction.articles import PUBLISHED, day, extract


# --- dates ------------------------------------------------------------------------------------------------------------
def test_explicit_day_dates_the_meeting():
    # Algerian Foreign Minister Karim Belkacem met Tunisian President Hichem Mabrouk in Algiers on 12 February
    # 2019.
    a = extract("""
        Algerian  JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Karim     NNP      compound  4   B-PERSON
        Belkacem  NNP      nsubj     5   I-PERSON
        met       VBD      ROOT      5
        Tunisian  JJ       amod      7   B-NORP
        President NNP      compound  9
        Hichem    NNP      compound  9   B-PERSON
        Mabrouk   NNP      dobj      5   I-PERSON
        in        IN       prep      9
        Algiers   NNP      pobj      10  B-LOC
        on        IN       prep      5
        12        CD       nummod    14  B-DATE
        February  NNP      pobj      12  I-DATE
        2019      CD       nummod    14  I-DATE
        .         .        punct     5
    """)
    assert a.one("meeting").date == day("2019-02-12")


def test_day_range_without_a_year_is_the_latest_before_publication():
    text = (
        "Kenyan President William Otieno, Ugandan President Moses Okello and Tanzanian "
        "President Juma Mwinyi attended a regional summit in Nairobi on November 6-7."
    )
    a = extract(
        """
            Kenyan    NNP      amod      1   B-NORP
            President NNP      compound  3
            William   NNP      compound  3   B-PERSON
            Otieno    NNP      nsubj     14  I-PERSON
            ,         ,        punct     3
            Ugandan   NNP      compound  6
            President NNP      compound  8
            Moses     NNP      compound  8
            Okello    NNP      conj      3
            and       CC       cc        8
            Tanzanian NNP      compound  11  B-NORP
            President NNP      compound  13
            Juma      NNP      compound  13  B-PERSON
            Mwinyi    NNP      conj      8   I-PERSON
            attended  VBD      ROOT      14
            a         DT       det       17
            regional  JJ       amod      17
            summit    NN       dobj      14
            in        IN       prep      17
            Nairobi   NNP      pobj      18  B-GPE
            on        IN       prep      14
            November  NNP      pobj      20  B-DATE
            6         CD       nummod    21  I-DATE
            -         SYM      punct     24  I-DATE
            7         CD       prep      21  I-DATE
            .         .        punct     14
        """,
        text=text,
    )
    assert a.one("multilateral").date == DateSpan(date(2020, 11, 6), date(2020, 11, 7), "day")


def test_weekday_is_the_latest_one_before_publication():
    # Turkish Foreign Minister Emre Aydin visited Moscow on Tuesday. Russian Foreign Minister Pavel Morozov hosted
    # him.
    a = extract("""
        Turkish  JJ       amod      2   B-NORP
        Foreign  NNP      compound  2
        Minister NNP      compound  4
        Emre     NNP      compound  4   B-PERSON
        Aydin    NNP      nsubj     5   I-PERSON
        visited  VBD      ROOT      5
        Moscow   NNP      dobj      5   B-GPE
        on       IN       prep      5
        Tuesday  NNP      pobj      7   B-DATE
        .        .        punct     5
        Russian  JJ       amod      12  B-NORP
        Foreign  NNP      compound  12
        Minister NNP      compound  14
        Pavel    NNP      compound  14  B-PERSON
        Morozov  NNP      nsubj     15  I-PERSON
        hosted   VBD      ROOT      15
        him      PRP      dobj      15
        .        .        punct     15
    """)
    assert a.one("visit").date == day("2021-03-16")


def test_last_year_is_the_year_before_publication():
    # Egyptian Foreign Minister Sameh Fouad spoke by phone with his Sudanese counterpart Ali Sadiq last year.
    a = extract("""
        Egyptian    JJ       amod      2   B-NORP
        Foreign     NNP      compound  2
        Minister    NNP      compound  4
        Sameh       NNP      compound  4   B-PERSON
        Fouad       NNP      nsubj     5   I-PERSON
        spoke       VBD      ROOT      5
        by          IN       prep      5
        phone       NN       pobj      6
        with        IN       prep      5
        his         PRP$     poss      11
        Sudanese    JJ       amod      11  B-NORP
        counterpart NN       pobj      8
        Ali         NNP      compound  13  B-PERSON
        Sadiq       NNP      appos     11  I-PERSON
        last        JJ       amod      15  B-DATE
        year        NN       npadvmod  5   I-DATE
        .           .        punct     5
    """)
    call = a.one("phone_call")
    assert call.date == DateSpan(date(2020, 1, 1), date(2020, 12, 31), "year")
    assert set(a.sides(call)) == {"Sameh Fouad", "Ali Sadiq"}


def test_a_week_ago_is_a_few_days_around_seven_days_before():
    # Brazilian President Marcos Oliveira met Argentine President Julio Pereyra in Buenos Aires a week ago.
    a = extract("""
        Brazilian JJ       amod      1   B-NORP
        President NNP      compound  3
        Marcos    NNP      compound  3   B-PERSON
        Oliveira  NNP      nsubj     4   I-PERSON
        met       VBD      ROOT      4
        Argentine NNP      amod      6   B-NORP
        President NNP      compound  8
        Julio     NNP      compound  8   B-PERSON
        Pereyra   NNP      dobj      4   I-PERSON
        in        IN       prep      8
        Buenos    NNP      compound  11  B-GPE
        Aires     NNP      pobj      9   I-GPE
        a         DT       det       13  B-DATE
        week      NN       npadvmod  14  I-DATE
        ago       RB       advmod    4   I-DATE
        .         .        punct     4
    """)
    when = a.one("meeting").date
    assert when.precision == "day"
    assert when.start <= date(2021, 3, 10) <= when.end < PUBLISHED


def test_month_without_a_year_is_the_latest_before_publication():
    # Vietnamese Defence Minister Nguyen Van Long visited Phnom Penh in June.
    a = extract("""
        Vietnamese JJ       amod      2   B-NORP
        Defence    NNP      compound  2
        Minister   NNP      compound  5
        Nguyen     NNP      compound  5   B-PERSON
        Van        NNP      compound  5   I-PERSON
        Long       NNP      nsubj     6   I-PERSON
        visited    VBD      ROOT      6
        Phnom      NNP      compound  8   B-GPE
        Penh       NNP      dobj      6   I-GPE
        in         IN       prep      6
        June       NNP      pobj      9   B-DATE
        .          .        punct     6
    """)
    visit = a.one("visit")
    assert visit.date == DateSpan(date(2020, 6, 1), date(2020, 6, 30), "month")
    assert visit.host_country == "Cambodia"


def test_part_of_a_decade_dates_an_old_visit():
    # Ghanaian President Kwame Asante travelled to Lagos in the early 1990s as a young diplomat.
    a = extract("""
        Ghanaian  JJ       amod      1   B-NORP
        President NNP      compound  3
        Kwame     NNP      compound  3   B-PERSON
        Asante    NNP      nsubj     4   I-PERSON
        travelled VBD      ROOT      4
        to        IN       prep      4
        Lagos     NNP      pobj      5   B-GPE
        in        IN       prep      4
        the       DT       det       10  B-DATE
        early     JJ       amod      10  I-DATE
        1990s     NNS      pobj      7   I-DATE
        as        IN       prep      4
        a         DT       det       14
        young     JJ       amod      14
        diplomat  NN       pobj      11
        .         .        punct     4
    """)
    visit = a.one("visit")
    assert visit.date == DateSpan(date(1990, 1, 1), date(1993, 12, 31), "decade")
    assert visit.host_country == "Nigeria"


def test_month_of_this_year_in_a_plan_is_ahead_of_publication():
    # Chilean Foreign Minister Isabel Rojas will travel to Lima in August of this year, Peruvian officials said.
    a = extract("""
        Chilean   JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Isabel    NNP      compound  4   B-PERSON
        Rojas     NNP      nsubj     6   I-PERSON
        will      MD       aux       6
        travel    VB       ccomp     17
        to        IN       prep      6
        Lima      NNP      pobj      7   B-GPE
        in        IN       prep      6
        August    NNP      pobj      9   B-DATE
        of        IN       prep      10  I-DATE
        this      DT       det       13  I-DATE
        year      NN       pobj      11  I-DATE
        ,         ,        punct     17
        Peruvian  JJ       amod      16  B-NORP
        officials NNS      nsubj     17
        said      VBD      ROOT      17
        .         .        punct     17
    """)
    visit = a.one("visit")
    assert visit.date == DateSpan(date(2021, 8, 1), date(2021, 8, 31), "month")
    assert visit.planned


def test_undated_visit_stays_undated():
    # Norwegian Prime Minister Erik Solberg once visited Stockholm.
    a = extract("""
        Norwegian JJ       amod      2   B-NORP
        Prime     NNP      compound  2
        Minister  NNP      compound  4
        Erik      NNP      compound  4   B-PERSON
        Solberg   NNP      nsubj     6   I-PERSON
        once      RB       advmod    6
        visited   VBD      ROOT      6
        Stockholm NNP      dobj      6   B-GPE
        .         .        punct     6
    """)
    visit = a.one("visit")
    assert visit.date is None


def test_duration_does_not_date_a_meeting():
    # Armenian President Armen Sargsyan held talks with Georgian President Nino Beridze. The talks between
    # Sargsyan and Beridze lasted three hours.
    a = extract("""
        Armenian  JJ       amod      1   B-NORP
        President NNP      compound  3
        Armen     NNP      compound  3   B-PERSON
        Sargsyan  NNP      nsubj     4   I-PERSON
        held      VBD      ROOT      4
        talks     NNS      dobj      4
        with      IN       prep      5
        Georgian  JJ       amod      8   B-NORP
        President NNP      compound  10
        Nino      NNP      compound  10  B-PERSON
        Beridze   NNP      pobj      6   I-PERSON
        .         .        punct     4
        The       DT       det       13
        talks     NNS      nsubj     18
        between   IN       prep      13
        Sargsyan  NNP      pobj      14  B-PERSON
        and       CC       cc        15
        Beridze   NNP      conj      15  B-PERSON
        lasted    VBD      ROOT      18
        three     CD       nummod    20  B-TIME
        hours     NNS      npadvmod  18  I-TIME
        .         .        punct     18
    """)
    # three hours say how long, not when: the undated news is dated by the news peg alone
    assert a.one("meeting").date == DateSpan(date(2021, 3, 14), PUBLISHED, "day")


def test_a_since_clause_does_not_date_the_visit():
    # Tanaka visited Kenya, her first visit since she took office in June 2019.
    a = extract("""
        Tanaka  NNP      nsubj     1   B-PERSON
        visited VBD      ROOT      1
        Kenya   NNP      dobj      1   B-GPE
        ,       ,        punct     2
        her     PRP$     poss      6
        first   JJ       amod      6   B-ORDINAL
        visit   NN       appos     2
        since   IN/SCONJ mark      9
        she     PRP      nsubj     9
        took    VBD      advcl     6
        office  NN       dobj      9
        in      IN       prep      9
        June    NNP      pobj      11  B-DATE
        2019    CD       nummod    12  I-DATE
        .       .        punct     1
    """)
    # June 2019 says since when she holds office: the visit is the undated news of the article
    assert a.one("visit").date == DateSpan(date(2021, 3, 14), PUBLISHED, "day")


def test_when_someone_was_elected_does_not_date_their_meeting():
    # President Otieno, who was elected in 2017, met Prime Minister Tanaka.
    a = extract("""
        President NNP      compound  1
        Otieno    NNP      nsubj     9   B-PERSON
        ,         ,        punct     1
        who       WP       nsubjpass 5
        was       VBD/AUX  auxpass   5
        elected   VBN      relcl     1
        in        IN       prep      5
        2017      CD       pobj      6   B-DATE
        ,         ,        punct     1
        met       VBD      ROOT      9
        Prime     NNP      compound  11
        Minister  NNP      compound  12
        Tanaka    NNP      dobj      9   B-PERSON
        .         .        punct     9
    """)
    assert a.one("meeting").date == DateSpan(date(2021, 3, 14), PUBLISHED, "day")


def test_when_a_group_was_formed_does_not_date_its_meeting():
    # Kenyan Foreign Minister Otieno Kamau attended a meeting of the group, formed in 1983.
    a = extract("""
        Kenyan   NNP      amod      2   B-NORP
        Foreign  NNP      compound  2
        Minister NNP      compound  4
        Otieno   NNP      compound  4   B-PERSON
        Kamau    NNP      nsubj     5   I-PERSON
        attended VBD      ROOT      5
        a        DT       det       7
        meeting  NN       dobj      5
        of       IN       prep      7
        the      DT       det       10
        group    NN       pobj      8
        ,        ,        punct     7
        formed   VBN      acl       7
        in       IN       prep      12
        1983     CD       pobj      13  B-DATE
        .        .        punct     5
    """)
    assert a.one("multilateral").date == DateSpan(date(2021, 3, 14), PUBLISHED, "day")


def test_the_day_of_leaving_does_not_date_the_summit_attended():
    # Foreign Minister Aiko Tanaka leaves on Friday to attend the summit in Nairobi.
    a = extract("""
        Foreign  NNP      compound  1
        Minister NNP      compound  3
        Aiko     NNP      compound  3   B-PERSON
        Tanaka   NNP      nsubj     4   I-PERSON
        leaves   VBZ      ROOT      4
        on       IN       prep      4
        Friday   NNP      pobj      5   B-DATE
        to       TO       aux       8
        attend   VB       advcl     4
        the      DT       det       10
        summit   NN       dobj      8
        in       IN       prep      10
        Nairobi  NNP      pobj      11  B-GPE
        .        .        punct     4
    """)
    summit = a.one("multilateral")
    assert a.sides(summit) == {"Aiko Tanaka": "participant"}
    assert summit.planned and summit.date is None


# --- places -----------------------------------------------------------------------------------------------------------
def test_capital_the_ner_leaves_untagged_still_gives_the_host_country():
    # Algerian Foreign Minister Karim Belkacem visited Tunis on 12 February 2019. He met Tunisian President Hichem
    # Mabrouk.
    a = extract("""
        Algerian  JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Karim     NNP      compound  4   B-PERSON
        Belkacem  NNP      nsubj     5   I-PERSON
        visited   VBD      ROOT      5
        Tunis     NNP      dobj      5
        on        IN       prep      5
        12        CD       nummod    9   B-DATE
        February  NNP      pobj      7   I-DATE
        2019      CD       nummod    9   I-DATE
        .         .        punct     5
        He        PRP      nsubj     13
        met       VBD      ROOT      13
        Tunisian  JJ       amod      15  B-NORP
        President NNP      compound  17
        Hichem    NNP      compound  17  B-PERSON
        Mabrouk   NNP      dobj      13  I-PERSON
        .         .        punct     13
    """)
    visit, meeting = a.one("visit"), a.one("meeting")
    assert (visit.host_country, visit.date) == ("Tunisia", day("2019-02-12"))
    assert a.events[meeting.parent] is visit

"""Events told in wire style and in reported speech: an 'after' phrase whose event is the main clause subject's,
discussions with someone, calls told by one side, presence abroad for talks, a visit told by its end, and a
destination or a verb shared with the sentence before (extraction.events, extraction.triggers).

Each table is what the trained model made of an invented sentence, as ingest parses it (one row per token:
word, tag, dependency, head, entity; see tests.extraction.docs); no model is loaded here. Articles are
published on Wednesday 17 March 2021, which anchors every relative date.
"""

from tests.extraction.articles import extract


def test_a_day_of_meetings_before_the_main_clause_is_its_subjects_one_meeting_per_counterpart():
    # After a day of meetings with Kenyan President Daniel Otieno and Foreign Minister Ruth Wanjiru, Japanese Prime
    # Minister Kenji Tanaka told reporters he was satisfied.
    a = extract("""
        After     IN       prep      21
        a         DT       det       2
        day       NN       pobj      0
        of        IN       prep      2
        meetings  NNS      pobj      3
        with      IN       prep      4
        Kenyan    JJ       amod      7   B-NORP
        President NNP      compound  9
        Daniel    NNP      compound  9   B-PERSON
        Otieno    NNP      pobj      5   I-PERSON
        and       CC       cc        9
        Foreign   NNP      compound  12
        Minister  NNP      compound  14
        Ruth      NNP      compound  14  B-PERSON
        Wanjiru   NNP      conj      9   I-PERSON
        ,         ,        punct     21
        Japanese  JJ       amod      18  B-NORP
        Prime     NNP      compound  18
        Minister  NNP      compound  20
        Kenji     NNP      compound  20  B-PERSON
        Tanaka    NNP      nsubj     21  I-PERSON
        told      VBD      ROOT      21
        reporters NNS      dobj      21
        he        PRP      nsubj     24
        was       VBD/AUX  ccomp     21
        satisfied JJ       acomp     24
        .         .        punct     21
    """)
    pairs = sorted(sorted(a.sides(m)) for m in a.of_kind("meeting"))
    assert pairs == [["Daniel Otieno", "Kenji Tanaka"], ["Kenji Tanaka", "Ruth Wanjiru"]]


def test_after_meeting_someone_the_meeting_is_the_main_clause_subjects():
    # Japanese Foreign Minister Kenji Tanaka spoke to reporters in Nairobi after meeting Kenyan President Daniel
    # Otieno.
    a = extract("""
        Japanese  JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Kenji     NNP      compound  4   B-PERSON
        Tanaka    NNP      nsubj     5   I-PERSON
        spoke     VBD      ROOT      5
        to        IN       prep      5
        reporters NNS      pobj      6
        in        IN       prep      5
        Nairobi   NNP      pobj      8   B-GPE
        after     IN       prep      5
        meeting   VBG      pcomp     10
        Kenyan    NNP      compound  13  B-NORP
        President NNP      compound  15
        Daniel    NNP      compound  15  B-PERSON
        Otieno    NNP      dobj      11  I-PERSON
        .         .        punct     5
    """)
    assert sorted(a.sides(a.one("meeting"))) == ["Daniel Otieno", "Kenji Tanaka"]

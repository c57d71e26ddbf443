"""People and groups the text names who hold no public office: their meetings are no events (extraction.people,
extraction.triggers).

Each table is what the trained model made of an invented sentence (one row per token: word, tag, dependency,
head, entity; see tests.extraction.docs); no model is loaded here.
"""

from tests.extraction.articles import extract, the


# --- posts in a business ----------------------------------------------------------------------------------------------
def test_a_bank_chairman_meeting_a_minister_is_no_meeting_of_officials():
    # Kestrel Bank chairman Lena Ostrova met Finance Minister Pablo Ferreira on Monday.
    a = extract("""
        Kestrel  NNP      compound  1   B-ORG
        Bank     NNP      compound  2   I-ORG
        chairman NN       compound  4
        Lena     NNP      compound  4   B-PERSON
        Ostrova  NNP      nsubj     5   I-PERSON
        met      VBD      ROOT      5
        Finance  NNP      compound  7
        Minister NNP      compound  9
        Pablo    NNP      compound  9   B-PERSON
        Ferreira NNP      dobj      5   I-PERSON
        on       IN       prep      5
        Monday   NNP      pobj      10  B-DATE
        .        .        punct     5
    """)
    assert a.events == []


def test_a_central_bank_governor_is_an_official():
    # Central Bank Governor Lena Ostrova met Finance Minister Pablo Ferreira on Monday.
    a = extract("""
        Central  NNP      compound  1   B-ORG
        Bank     NNP      compound  2   I-ORG
        Governor NNP      compound  4
        Lena     NNP      compound  4   B-PERSON
        Ostrova  NNP      nsubj     5   I-PERSON
        met      VBD      ROOT      5
        Finance  NNP      compound  7
        Minister NNP      compound  9
        Pablo    NNP      compound  9   B-PERSON
        Ferreira NNP      dobj      5   I-PERSON
        on       IN       prep      5
        Monday   NNP      pobj      10  B-DATE
        .        .        punct     5
    """)
    assert set(a.sides(a.one("meeting"))) == {"Lena Ostrova", "Pablo Ferreira"}


def test_heads_of_two_companies_in_talks_are_no_meeting_of_officials():
    # The head of Norvia Motors, Otto Brandt, held talks with the chief executive of Kestrel Airlines, Lena
    # Ostrova, in Madrid on Monday.
    a = extract("""
        The       DT       det       1
        head      NN       nsubj     9
        of        IN       prep      1
        Norvia    NNP      compound  4   B-ORG
        Motors    NNPS     pobj      2   I-ORG
        ,         ,        punct     4
        Otto      NNP      compound  7   B-PERSON
        Brandt    NNP      appos     4   I-PERSON
        ,         ,        punct     4
        held      VBD      ROOT      9
        talks     NNS      dobj      9
        with      IN       prep      10
        the       DT       det       14
        chief     JJ       amod      14
        executive NN       pobj      11
        of        IN       prep      14
        Kestrel   NNP      compound  17  B-ORG
        Airlines  NNP      pobj      15  I-ORG
        ,         ,        punct     17
        Lena      NNP      compound  20  B-PERSON
        Ostrova   NNP      appos     17  I-PERSON
        ,         ,        punct     17
        in        IN       prep      9
        Madrid    NNP      pobj      22  B-GPE
        on        IN       prep      9
        Monday    NNP      pobj      24  B-DATE
        .         .        punct     9
    """)
    assert [r.title for r in the(a.people, "Otto Brandt").roles] == ["Head of Norvia Motors"]
    assert [r.title for r in the(a.people, "Lena Ostrova").roles] == ["Chief executive of Kestrel Airlines"]
    assert a.events == []


# --- gatherings of people who hold no office --------------------------------------------------------------------------
def test_telling_a_meeting_of_brokers_is_no_gathering():
    # Foreign Minister Ana Ruiz told a meeting of insurance brokers on Monday that trade would recover.
    a = extract("""
        Foreign   NNP      compound  1
        Minister  NNP      compound  3
        Ana       NNP      compound  3   B-PERSON
        Ruiz      NNP      nsubj     4   I-PERSON
        told      VBD      ROOT      4
        a         DT       det       6
        meeting   NN       dobj      4
        of        IN       prep      6
        insurance NN       compound  9
        brokers   NNS      pobj      7
        on        IN       prep      4
        Monday    NNP      pobj      10  B-DATE
        that      IN/SCONJ mark      15
        trade     NN       nsubj     15
        would     MD       aux       15
        recover   VB       ccomp     4
        .         .        punct     4
    """)
    assert a.events == []


def test_a_party_conference_is_no_gathering_of_officials():
    # Deputy Prime Minister Ivan Horvat addressed the Labour party conference in Leeds on Monday.
    a = extract("""
        Deputy     NNP      compound  2
        Prime      NNP      compound  2
        Minister   NNP      compound  4
        Ivan       NNP      compound  4   B-PERSON
        Horvat     NNP      nsubj     5   I-PERSON
        addressed  VBD      ROOT      5
        the        DT       det       9
        Labour     NNP      compound  8   B-ORG
        party      NN       compound  9
        conference NN       dobj      5
        in         IN       prep      9
        Leeds      NNPS     pobj      10  B-GPE
        on         IN       prep      5
        Monday     NNP      pobj      12  B-DATE
        .          .        punct     5
    """)
    assert a.events == []

"""Guard rails: what the NER calls a person but is not (extraction.people).

Each table is what the trained model made of an invented sentence (one row per token: word, tag,
dependency, head, entity; see tests.extraction.docs); no model is loaded here.
"""

from tests.extraction.articles import names, people_of, the


# --- what the NER calls a person but is not ---------------------------------------------------------------------------
def test_organisation_ending_in_force_is_not_a_person():
    # Egyptian officials said Saladin Force units had been moved to the border.
    assert (
        people_of("""
        Egyptian  JJ       amod      1   B-NORP
        officials NNS      nsubj     2
        said      VBD      ROOT      2
        Saladin   NNP      compound  4   B-PERSON
        Force     NNP      compound  5   I-PERSON
        units     NNS      nsubjpass 8
        had       VBD/AUX  aux       8
        been      VBN/AUX  auxpass   8
        moved     VBN      ccomp     2
        to        IN       prep      8
        the       DT       det       11
        border    NN       pobj      9
        .         .        punct     2
    """)
        == []
    )


def test_name_running_into_an_organisation_head_is_not_a_person():
    # The Sultan Hamid Brigade was blamed by Libyan officials. Libyan Interior Minister Khaled Tarhouni visited
    # the area.
    people = people_of("""
        The       DT       det       3   B-ORG
        Sultan    NNP      compound  3   I-ORG
        Hamid     NNP      compound  3   I-ORG
        Brigade   NNP      nsubjpass 5   I-ORG
        was       VBD/AUX  auxpass   5
        blamed    VBN      ROOT      5
        by        IN       agent     5
        Libyan    JJ       amod      8   B-NORP
        officials NNS      pobj      6
        .         .        punct     5
        Libyan    JJ       amod      12  B-NORP
        Interior  NNP      compound  12
        Minister  NNP      compound  14
        Khaled    NNP      compound  14  B-PERSON
        Tarhouni  NNP      nsubj     15  I-PERSON
        visited   VBD      ROOT      15
        the       DT       det       17
        area      NN       dobj      15
        .         .        punct     15
    """)
    assert names(people) == ["Khaled Tarhouni"]


def test_capitalised_common_word_is_not_a_person():
    # Vietnamese Deputy Prime Minister Tran Van Minh said Challenges remained.
    people = people_of("""
        Vietnamese JJ       amod      3   B-NORP
        Deputy     NNP      compound  3
        Prime      NNP      compound  3
        Minister   NNP      compound  6
        Tran       NNP      compound  6   B-PERSON
        Van        NNP      compound  6   I-PERSON
        Minh       NNP      nsubj     7   I-PERSON
        said       VBD      ROOT      7
        Challenges NNPS     nsubj     9   B-PERSON
        remained   VBD      ccomp     7
        .          .        punct     7
    """)
    assert names(people) == ["Tran Van Minh"]


def test_title_alone_is_not_a_person():
    # The Emir said on Sunday that Qatar would mediate.
    assert (
        people_of("""
        The     DT       det       1
        Emir    NNP      nsubj     2   B-PERSON
        said    VBD      ROOT      2
        on      IN       prep      2
        Sunday  NNP      pobj      3   B-DATE
        that    IN/SCONJ mark      8
        Qatar   NNP      nsubj     8   B-GPE
        would   MD       aux       8
        mediate VB       ccomp     2
        .       .        punct     2
    """)
        == []
    )


def test_group_named_in_quotes_is_not_a_person():
    text = 'The armed group "Babu Khan" was blamed for the bombing in Kabul.'
    assert (
        people_of(
            """
            The     DT       det       2
            armed   JJ       amod      2
            group   NN       nsubjpass 8
            "       ``       punct     2
            Babu    NNP      compound  5   B-PERSON
            Khan    NNP      appos     2   I-PERSON
            "       ''       punct     2
            was     VBD/AUX  auxpass   8
            blamed  VBN      ROOT      8
            for     IN       prep      8
            the     DT       det       11
            bombing NN       pobj      9
            in      IN       prep      11
            Kabul   NNP      pobj      12  B-GPE
            .       .        punct     8
        """,
            text=text,
        )
        == []
    )


def test_place_after_in_is_not_a_person():
    # Kazakh President Nurlan Abenov arrived in Mirzo Ulugbek.
    people = people_of("""
        Kazakh    NNP      compound  1   B-ORG
        President NNP      compound  3
        Nurlan    NNP      compound  3   B-PERSON
        Abenov    NNP      nsubj     4   I-PERSON
        arrived   VBD      ROOT      4
        in        IN       prep      4
        Mirzo     NNP      compound  7   B-PERSON
        Ulugbek   NNP      pobj      5   I-PERSON
        .         .        punct     4
    """)
    assert names(people) == ["Nurlan Abenov"]


def test_a_name_listed_with_places_is_a_place():
    # Green leader Ana Ruiz tours Leeds, York, Harrogate and Torbay this week.
    people = people_of("""
        Green     JJ       compound  1
        leader    NN       compound  3
        Ana       NNP      compound  3   B-PERSON
        Ruiz      NNP      nsubj     4   I-PERSON
        tours     VBZ      ROOT      4
        Leeds     NNPS     dobj      4   B-GPE
        ,         ,        punct     5
        York      NNP      conj      5
        ,         ,        punct     7
        Harrogate NNP      conj      7   B-PERSON
        and       CC       cc        9
        Torbay    NNP      conj      9   B-PERSON
        this      DT       det       13  B-DATE
        week      NN       npadvmod  4   I-DATE
        .         .        punct     4
    """)
    assert names(people) == ["Ana Ruiz"]


def test_a_name_set_beside_a_town_is_its_county():
    # Minister Ana Ruiz spoke at a school in Bromsgrove, Worcestershire, on Monday.
    people = people_of("""
        Minister       NNP      compound  2
        Ana            NNP      compound  2   B-PERSON
        Ruiz           NNP      nsubj     3   I-PERSON
        spoke          VBD      ROOT      3
        at             IN       prep      3
        a              DT       det       6
        school         NN       pobj      4
        in             IN       prep      6
        Bromsgrove     NNP      pobj      7   B-GPE
        ,              ,        punct     8
        Worcestershire NNP      appos     8   B-PERSON
        ,              ,        punct     8
        on             IN       prep      3
        Monday         NNP      pobj      12  B-DATE
        .              .        punct     3
    """)
    assert names(people) == ["Ana Ruiz"]


def test_a_name_before_an_office_and_its_holder_is_the_body_not_a_person():
    # Lib Dem leader Ana Ruiz met Prime Minister Ivan Horvat on Monday.
    people = people_of("""
        Lib      NNP      compound  1   B-PERSON
        Dem      NNP      compound  2   I-PERSON
        leader   NN       compound  4
        Ana      NNP      compound  4   B-PERSON
        Ruiz     NNP      nsubj     5   I-PERSON
        met      VBD      ROOT      5
        Prime    NNP      compound  7
        Minister NNP      compound  9
        Ivan     NNP      compound  9   B-PERSON
        Horvat   NNP      dobj      5   I-PERSON
        on       IN       prep      5
        Monday   NNP      pobj      10  B-DATE
        .        .        punct     5
    """)
    assert names(people) == ["Ana Ruiz", "Ivan Horvat"]


def test_demonym_tagged_as_a_person_is_not_a_person():
    # Georgian Prime Minister Nino Beridze travelled to Baku, where she met Azerbaijani President Ilham Guliyev.
    people = people_of("""
        Georgian    JJ       amod      2   B-NORP
        Prime       NNP      compound  2
        Minister    NNP      compound  4
        Nino        NNP      compound  4   B-PERSON
        Beridze     NNP      nsubj     5   I-PERSON
        travelled   VBD      ROOT      5
        to          IN       prep      5
        Baku        NNP      pobj      6   B-GPE
        ,           ,        punct     7
        where       WRB/SCONJ advmod    11
        she         PRP      nsubj     11
        met         VBD      relcl     7
        Azerbaijani NNP      compound  13  B-PERSON
        President   NNP      compound  15
        Ilham       NNP      compound  15  B-PERSON
        Guliyev     NNP      dobj      11  I-PERSON
        .           .        punct     5
    """)
    assert names(people) == ["Nino Beridze", "Ilham Guliyev"]
    assert the(people, "Ilham Guliyev").country == "Azerbaijan"

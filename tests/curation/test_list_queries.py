"""Every list page of the desk runs a fixed number of queries, however many rows it shows."""

import pytest

from tests.curation.conftest import changelist
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    EventFactory,
    EvidenceFactory,
    MentionFactory,
    ParticipationFactory,
    SuspectedDuplicateFactory,
)

pytestmark = pytest.mark.django_db

# Each count includes the session, the user and the user's and group's permissions (4 queries).
DUPLICATE_CHANGELIST_QUERIES = 9  # + count x2, the page, the aliases of each side
ARTICLE_CHANGELIST_QUERIES = 10  # + count x2, the page, the outlet filter, the date hierarchy x2
ALIAS_CHANGELIST_QUERIES = 7  # + count x2, the page
EVIDENCE_CHANGELIST_QUERIES = 7  # + count x2, the page
PARTICIPATION_CHANGELIST_QUERIES = 7  # + count x2, the page


def a_little_of_everything() -> None:
    """One reported event with two named participants, their aliases, mentions and a suspected pair."""
    event = EventFactory()
    first, second = ActorFactory(), ActorFactory()
    for actor in (first, second):
        ActorAliasFactory(actor=actor)
        MentionFactory(actor=actor)
        ParticipationFactory(event=event, actor=actor)
    EvidenceFactory(event=event)
    SuspectedDuplicateFactory(actor_a=first, actor_b=second)


@pytest.mark.parametrize(
    ("app", "model", "queries"),
    [
        ("entities", "suspectedduplicate", DUPLICATE_CHANGELIST_QUERIES),
        ("articles", "article", ARTICLE_CHANGELIST_QUERIES),
        ("entities", "actoralias", ALIAS_CHANGELIST_QUERIES),
        ("entities", "evidence", EVIDENCE_CHANGELIST_QUERIES),
        ("entities", "participation", PARTICIPATION_CHANGELIST_QUERIES),
    ],
)
@pytest.mark.parametrize("batches", [1, 4])
def test_list_page_query_count_is_fixed(curator_client, django_assert_num_queries, app, model, queries, batches):
    for _ in range(batches):
        a_little_of_everything()
    curator_client.get(changelist(model, app))
    with django_assert_num_queries(queries):
        response = curator_client.get(changelist(model, app))
    assert len(response.context["cl"].result_list) >= batches

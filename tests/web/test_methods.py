"""Public pages answer GET and HEAD (uptime checks send HEAD) and refuse writes."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/events/", "/officials/", "/articles/", "/events/export.csv", "/events/export.json"]


@pytest.mark.parametrize("path", PAGES)
def test_head_is_answered_like_get(client, path):
    assert client.head(path).status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_post_is_refused(client, path):
    assert client.post(path).status_code in {403, 405}

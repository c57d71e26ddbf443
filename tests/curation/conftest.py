"""The review desk's fixtures: a curator as create_curator makes one, and a way to run admin actions."""

import pytest
from django.urls import reverse

from entities.management.commands.create_curator import curators_group
from tests.factories import UserFactory


@pytest.fixture
def curator(db):
    """A staff member of the Curators group, not a superuser: the account a newcomer is given."""
    user = UserFactory(username="curator", is_staff=True)
    user.groups.add(curators_group())
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def changelist(model: str, app: str = "entities") -> str:
    return reverse(f"admin:{app}_{model}_changelist")


def run_action(client, model: str, action: str, objects, *, app: str = "entities", **data):
    """POST an admin action on the selected rows, as the changelist's action bar does."""
    payload = {"action": action, "_selected_action": [obj.pk for obj in objects], **data}
    return client.post(changelist(model, app), payload)

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


def _form_values(form) -> dict:
    """A bound-looking copy of a form's current values, as a browser would post them."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is True:
            data[form.add_prefix(name)] = "on"
        elif value not in (None, False):
            data[form.add_prefix(name)] = value
    return data


def change_form_data(client, url: str, **changes) -> dict:
    """What the change page would post if the curator changed only `changes` (main form and inlines)."""
    response = client.get(url)
    assert response.status_code == 200
    data = _form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_values(formset.management_form))
        for form in formset.forms:
            data.update(_form_values(form))
    data.update(changes)
    return data

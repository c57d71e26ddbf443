"""`manage.py create_curator USERNAME [--email E]`: one command gives a newcomer a desk account."""

import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def create(*args) -> str:
    out = io.StringIO()
    call_command("create_curator", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def no_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO())


def test_off_a_terminal_a_strong_password_is_generated_and_printed_once(no_terminal):
    output = create("amina", "--email", "amina@example.org")
    [password_line] = [line for line in output.splitlines() if line.startswith("Password")]
    password = password_line.rsplit(" ", 1)[1]
    assert len(password) >= 20
    assert output.count(password) == 1
    user = authenticate(username="amina", password=password)
    assert user is not None and user.email == "amina@example.org"


def test_the_account_is_staff_with_curating_permissions_but_not_superuser(no_terminal):
    create("amina")
    user = get_user_model().objects.get(username="amina")
    assert user.is_staff and not user.is_superuser
    assert user.has_perms(["entities.change_event", "entities.delete_actor", "articles.change_article"])
    assert not user.has_perm("auth.add_user")


def test_on_a_terminal_the_password_is_asked_twice(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    answers = iter(["first try differs", "second", "a long enough passphrase", "a long enough passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    output = create("amina")
    assert "Password" not in output
    assert authenticate(username="amina", password="a long enough passphrase") is not None


def test_a_weak_password_is_refused(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "password")
    with pytest.raises(CommandError):
        create("amina")
    assert not get_user_model().objects.filter(username="amina").exists()


def test_an_existing_username_is_refused(no_terminal):
    UserFactory(username="amina")
    with pytest.raises(CommandError, match="already exists"):
        create("amina")

"""Access to the admin: login only, CSRF on its form, login attempts throttled, and a CSP that forbids inline code."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.test import Client, override_settings

from config.middleware import client_ip
from tests.factories import EvidenceFactory, ParticipationFactory, UserFactory

PASSWORD = "correct horse battery"  # UserFactory's
LOGIN_URL = "/admin/login/"


def attempt_login(client: Client, username: str, password: str, ip: str = "127.0.0.1"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=ip)


# --- login required ---


@pytest.mark.django_db
def test_admin_redirects_anonymous_visitors_to_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- CSRF ---


@pytest.mark.django_db
def test_admin_login_post_without_csrf_token_is_refused():
    UserFactory(username="curator", is_staff=True)
    client = Client(enforce_csrf_checks=True)

    response = attempt_login(client, "curator", PASSWORD)

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_admin_login_post_with_csrf_token_logs_in():
    UserFactory(username="curator", is_staff=True)
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN_URL)
    token = client.cookies["csrftoken"].value

    response = client.post(LOGIN_URL, {"username": "curator", "password": PASSWORD, "csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


# --- throttling (django-axes; off in the test settings so client.login works, on here) ---


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_five_failed_logins_lock_out_that_username_from_that_address(client):
    UserFactory(username="curator", is_staff=True)
    for _ in range(4):
        assert attempt_login(client, "curator", "wrong password").status_code == 200  # the form, with an error
    assert attempt_login(client, "curator", "wrong password").status_code == 429  # the fifth failure locks

    response = attempt_login(client, "curator", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_four_failed_logins_do_not_lock_out(client):
    UserFactory(username="curator", is_staff=True)
    for _ in range(4):
        attempt_login(client, "curator", "wrong password")

    assert attempt_login(client, "curator", PASSWORD).status_code == 302


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_lockout_is_by_username_and_address_together(client):
    UserFactory(username="curator", is_staff=True)
    UserFactory(username="editor", is_staff=True)
    for _ in range(5):
        attempt_login(client, "curator", "wrong password", ip="127.0.0.2")

    assert attempt_login(Client(), "curator", PASSWORD, ip="127.0.0.3").status_code == 302
    assert attempt_login(Client(), "editor", PASSWORD, ip="127.0.0.2").status_code == 302
    assert attempt_login(Client(), "curator", PASSWORD, ip="127.0.0.2").status_code == 429


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_spraying_usernames_from_one_address_locks_the_address_and_adds_no_rows_once_locked(client):
    from axes.models import AccessAttempt

    UserFactory(username="curator", is_staff=True)
    statuses = [attempt_login(Client(), f"guess{n}", "wrong password", ip="127.0.0.4").status_code for n in range(40)]

    assert statuses[:19] == [200] * 19 and set(statuses[19:]) == {429}  # the twentieth failure locks the address
    assert AccessAttempt.objects.count() == 20
    assert attempt_login(Client(), "curator", PASSWORD, ip="127.0.0.4").status_code == 429
    assert attempt_login(Client(), "curator", PASSWORD, ip="127.0.0.5").status_code == 302


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_a_few_failures_on_many_usernames_from_an_address_do_not_lock_it(client):
    UserFactory(username="curator", is_staff=True)
    for n in range(19):
        attempt_login(Client(), f"typo{n}", "wrong password", ip="127.0.0.6")

    assert attempt_login(Client(), "curator", PASSWORD, ip="127.0.0.6").status_code == 302


@pytest.mark.django_db
def test_test_clients_login_helpers_work_with_axes_installed(client):
    user = UserFactory(username="curator", is_staff=True, is_superuser=True)

    assert client.login(username="curator", password=PASSWORD)
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


def test_axes_settings_match_the_policy(settings):
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert "axes.middleware.AxesMiddleware" in settings.MIDDLEWARE
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 20
    assert settings.AXES_HANDLER == "config.axes.PairAndAddressHandler"
    assert settings.AXES_COOLOFF_TIME.total_seconds() > 0


# --- Content-Security-Policy ---


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", LOGIN_URL])
def test_every_response_carries_a_same_origin_csp_without_unsafe_inline(client, path):
    response = client.get(path)

    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


class InlineCodeFinder(HTMLParser):
    """Collects what a `script-src 'self'; style-src 'self'` policy would block in a page."""

    def __init__(self):
        super().__init__()
        self.blocked: list[str] = []
        self._open_script_without_src = False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and "src" not in names:
            self._open_script_without_src = True
        if tag == "style":
            self.blocked.append("<style> element")
        if "style" in names:
            self.blocked.append(f"style attribute on <{tag}>")
        self.blocked += [f"{name} handler on <{tag}>" for name in names if re.fullmatch(r"on[a-z]+", name)]
        if any((value or "").strip().lower().startswith("javascript:") for value in names.values()):
            self.blocked.append(f"javascript: URL on <{tag}>")

    def handle_data(self, data):
        if self._open_script_without_src and data.strip():
            self.blocked.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._open_script_without_src = False


def blocked_by_csp(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.blocked


def test_inline_code_finder_finds_what_csp_blocks():
    html = '<p style="color:red" onclick="x()">a</p><script>alert(1)</script><script src="/s.js"></script><style>'

    assert len(blocked_by_csp(html)) == 4


@pytest.mark.django_db
def test_admin_pages_have_no_inline_script_or_style(client):
    """The static half of the admin-under-CSP check; tests/production/test_browser_csp.py is the browser half."""
    user = UserFactory(username="curator", is_staff=True, is_superuser=True)
    pages = {LOGIN_URL: client.get(LOGIN_URL)}
    client.force_login(user)
    for path in ["/admin/", "/admin/auth/user/", f"/admin/auth/user/{user.pk}/change/", "/admin/auth/user/add/"]:
        pages[path] = client.get(path)

    for path, response in pages.items():
        assert response.status_code == 200, path
        assert blocked_by_csp(response.content.decode()) == [], path


def registered_admin_pages() -> list[str]:
    return sorted(f"/admin/{model._meta.app_label}/{model._meta.model_name}/" for model in admin.site._registry)


@pytest.mark.django_db
@pytest.mark.parametrize("changelist", registered_admin_pages())
def test_every_registered_changelist_and_add_form_has_no_inline_script_or_style(client, changelist):
    client.force_login(UserFactory(username="curator", is_staff=True, is_superuser=True))

    response = client.get(changelist)
    add_form = client.get(f"{changelist}add/")

    assert response.status_code == 200
    assert blocked_by_csp(response.content.decode()) == []
    if add_form.status_code == 200:  # some models are machine-made only and refuse a hand-made row
        assert blocked_by_csp(add_form.content.decode()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "events", "event", "officials", "official", "articles", "article"])
def test_public_pages_have_no_inline_script_or_style(client, name):
    participation = ParticipationFactory()
    evidence = EvidenceFactory(event=participation.event)
    path = {
        "home": "/",
        "events": "/events/",
        "event": f"/events/{participation.event.pk}/",
        "officials": "/officials/",
        "official": f"/officials/{participation.actor.pk}/",
        "articles": "/articles/",
        "article": f"/articles/{evidence.article.pk}/",
    }[name]

    response = client.get(path)

    assert response.status_code == 200
    assert blocked_by_csp(response.content.decode()) == []


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("127.0.0.1", "203.0.113.9", "203.0.113.9"),  # our proxy says who it saw
        ("127.0.0.1", "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # a client's own header is not believed
        ("127.0.0.1", "", "127.0.0.1"),  # a local request with no proxy
        ("198.51.100.7", "203.0.113.9", "198.51.100.7"),  # not our proxy: its header is ignored
    ],
)
def test_client_ip_believes_only_the_trusted_proxys_last_hop(rf, remote, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True)
def test_lockout_behind_the_proxy_is_per_visitor_not_per_proxy(client):
    UserFactory(username="curator", is_staff=True)
    for _ in range(5):
        client.post(LOGIN_URL, {"username": "curator", "password": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.9")

    other_visitor = Client().post(
        LOGIN_URL, {"username": "curator", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.10"
    )

    assert other_visitor.status_code == 302

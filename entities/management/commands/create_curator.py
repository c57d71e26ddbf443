"""Give a newcomer a review-desk account: `manage.py create_curator USERNAME [--email E]`.

The account is staff (it can sign in to /admin/) and a member of the "Curators" group, which holds
the permissions to curate officials, events and articles; it is not a superuser. On a terminal the
password is asked for twice; otherwise (or with --generate-password) a strong random one is made
and printed once. There is no default password.
"""

import getpass
import secrets
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q

CURATORS_GROUP = "Curators"

# (app, model, actions): curating rewrites the knowledge base but only reads and re-extracts articles.
CURATOR_PERMISSIONS = (
    ("entities", "actor", ("view", "add", "change", "delete")),
    ("entities", "actoralias", ("view", "add", "change", "delete")),
    ("entities", "role", ("view", "add", "change", "delete")),
    ("entities", "mention", ("view", "change")),
    ("entities", "event", ("view", "add", "change", "delete")),
    ("entities", "participation", ("view", "add", "change", "delete")),
    ("entities", "evidence", ("view", "change")),
    ("entities", "suspectedduplicate", ("view", "change")),
    ("entities", "mergerecord", ("view",)),
    ("articles", "article", ("view", "change")),
    ("articles", "feed", ("view", "add", "change", "delete")),
    ("articles", "fetchedpage", ("view",)),
    ("admin", "logentry", ("view",)),
)


def curators_group() -> Group:
    """The Curators group with exactly the curating permissions (re-applied each time, so it can be repaired)."""
    group, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    condition = Q(pk__in=[])
    for app, model, actions in CURATOR_PERMISSIONS:
        codenames = [f"{action}_{model}" for action in actions]
        condition |= Q(content_type__app_label=app, content_type__model=model, codename__in=codenames)
    permissions = list(Permission.objects.filter(condition))
    expected = sum(len(actions) for _, _, actions in CURATOR_PERMISSIONS)
    if len(permissions) != expected:
        raise CommandError("Curating permissions are missing; run `manage.py migrate` first.")
    group.permissions.set(permissions)
    return group


class Command(BaseCommand):
    help = "Create a staff account for the review desk (/admin/) with the permissions to curate."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--generate-password",
            action="store_true",
            help="Make a strong random password and print it once, even on a terminal.",
        )

    def handle(self, *args, username: str, email: str, generate_password: bool, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"User {username!r} already exists.")
        user = User(username=username, email=email, is_staff=True, is_active=True)
        interactive = not generate_password and sys.stdin.isatty()
        password = self.prompt_password(user) if interactive else secrets.token_urlsafe(18)
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(curators_group())
        self.stdout.write(f"Created curator {username} (staff, group {CURATORS_GROUP}).")
        if not interactive:
            self.stdout.write(f"Password (shown once, store it now): {password}")

    def prompt_password(self, user) -> str:
        """Ask twice until the two agree and the site's password validators accept it."""
        for _ in range(3):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The passwords differ.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as exc:
                self.stderr.write(" ".join(exc.messages))
                continue
            return password
        raise CommandError("No acceptable password given.")

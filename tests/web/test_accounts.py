"""Sign-up, log-in, passwords, throttling, export and deletion, as a user meets them."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.test import Client
from django.urls import reverse

from bpoprep.web.accounts.models import Profile, User
from bpoprep.web.jobs.models import Job
from bpoprep.web.progress.services import record
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def signup(client: Client, email: str = "ravi@example.com", password: str = PASSWORD, **extra: str):
    data = {"email": email, "display_name": "Ravi", "password1": password, "password2": password, **extra}
    return client.post(reverse("accounts:signup"), data)


def test_signup_creates_account_and_profile_and_logs_in(client: Client) -> None:
    response = signup(client)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:onboarding")
    user = User.objects.get(email="ravi@example.com")
    assert Profile.objects.filter(user=user).exists()
    assert client.get(reverse("accounts:onboarding")).status_code == 200


def test_signup_rejects_duplicate_email_in_any_case(client: Client) -> None:
    make_user("ravi@example.com")
    response = signup(client, email="RAVI@Example.com")
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert User.objects.filter(email__iexact="ravi@example.com").count() == 1


@pytest.mark.parametrize(
    ("password", "message"),
    [("short1", "too short"), ("password123", "too common"), ("8745129963", "entirely numeric")],
)
def test_signup_rejects_weak_passwords(client: Client, password: str, message: str) -> None:
    response = signup(client, password=password)
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_signup_with_empty_form_lists_what_is_missing(client: Client) -> None:
    response = client.post(reverse("accounts:signup"), {})
    assert response.content.decode().count("This field is required") >= 3
    assert not User.objects.exists()


def test_passwords_are_hashed_with_argon2(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    signup(client)
    user = User.objects.get(email="ravi@example.com")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert PASSWORD not in user.password


def test_login_logout_and_login_page_uses_email(client: Client, user: User) -> None:
    page = client.get(reverse("accounts:login")).content.decode()
    assert 'type="email"' in page
    response = client.post(reverse("accounts:login"), {"username": "ASHA@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("plans:plan")).status_code == 200
    assert client.get(reverse("accounts:logout")).status_code == 405  # log-out only by POST (CSRF-protected)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("plans:plan")).status_code == 302


def test_repeated_failed_logins_lock_the_account_out(client: Client, user: User, settings) -> None:  # type: ignore[no-untyped-def]
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("accounts:login"), {"username": user.email, "password": "wrong-password"})
    assert response.status_code == 429
    # Even the right password is refused while locked out.
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()


def test_password_change(client_for, user: User) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    new = "another-good-phrase-42"
    response = c.post(reverse("accounts:password_change"), {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


@pytest.mark.django_db(transaction=True)
def test_password_reset_goes_through_the_job_queue_and_works(client: Client, user: User) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert response.status_code == 302
    job = Job.objects.get(kind="send_email")
    assert job.status == Job.DONE and job.attempts == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    new = "brand-new-phrase-77"
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)
    # The link cannot be used twice.
    again = client.get(link, follow=True)
    assert "not valid any more" in again.content.decode()


def test_password_reset_for_unknown_email_reveals_nothing(client: Client, db) -> None:  # type: ignore[no-untyped-def]
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert "If an account uses that address" in response.content.decode()
    assert not mail.outbox and not Job.objects.exists()


def test_export_contains_everything_the_user_stored(client_for, user: User) -> None:  # type: ignore[no-untyped-def]
    record(user, "lesson_passed", "what-is-bpo", score=5)
    response = client_for(user).get(reverse("accounts:export"))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["profile"]["company"] == "Acme Services"
    assert data["activities"][0]["ref"] == "what-is-bpo" and data["activities"][0]["detail"] == {"score": 5}


def test_account_deletion_needs_password_and_confirmation(client_for, user: User) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    response = c.post(reverse("accounts:delete"), {"password": "wrong", "confirm": "on"})
    assert "not correct" in response.content.decode()
    response = c.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert User.objects.filter(pk=user.pk).exists()
    record(user, "lesson_passed", "what-is-bpo")
    response = c.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Profile.objects.filter(user_id=user.pk).exists()
    assert c.get(reverse("plans:plan")).status_code == 302  # logged out

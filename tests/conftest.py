from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from bpoprep.web.accounts.models import Profile, User

PASSWORD = "correct-horse-battery-9"


@pytest.fixture(autouse=True)
def _fresh_curriculum_cache() -> None:
    """Each test sees the catalogue of its own database state, not a neighbour's."""
    from bpoprep.web.curriculum.services import forget_cache

    forget_cache()


def make_user(email: str = "asha@example.com", *, onboarded: bool = True, trainer: bool = False, **profile: object) -> User:
    user = User.objects.create_user(email, PASSWORD, display_name=email.split("@")[0].title())
    defaults: dict[str, object] = {}
    if onboarded:
        defaults = {
            "target_roles": ["customer-service-representative"],
            "process": "voice_inbound",
            "market": "international",
            "company": "Acme Services",
            "interview_date": timezone.localdate() + dt.timedelta(days=10),
            "onboarded_at": timezone.now(),
        }
    defaults.update(profile)
    Profile.objects.create(user=user, is_trainer=trainer, **defaults)
    return user


@pytest.fixture
def user(db) -> User:  # type: ignore[no-untyped-def]
    return make_user()


@pytest.fixture
def client_for():  # type: ignore[no-untyped-def]
    def login(user: User) -> Client:
        c = Client()
        c.force_login(user)
        return c

    return login

"""The e-mail writing test in the app."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bpoprep.web.curriculum.services import current
from bpoprep.web.drills.models import EmailAttempt
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_write_a_reply_and_see_it_marked(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    scenario = current().emails["em-refund-delay"]
    page = c.get(reverse("drills:email_task", args=[scenario.id])).content.decode()
    assert scenario.ticket_id in page and "data-timer" in page
    r = c.post(reverse("drills:email_task", args=[scenario.id]), {"text": "Hi, we will do the needful. <script>alert(1)</script>", "seconds": "120"})
    attempt = EmailAttempt.objects.get(user=user)
    assert r.status_code == 302 and attempt.seconds == 120 and attempt.overall < 50
    html = c.get(r["Location"]).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert '<mark class="indianism"' in html and "See a model reply" in html and "Subject line with the ticket number" in html


@pytest.mark.parametrize(("text", "message"), [("", "Write your reply first"), ("x" * 20_001, "far too long")])
def test_bad_replies_are_refused_and_nothing_is_saved(client_for, user, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    r = client_for(user).post(reverse("drills:email_task", args=["em-refund-delay"]), {"text": text})
    assert r.status_code == 200 and message in r.content.decode() and not EmailAttempt.objects.exists()


def test_replies_are_private(client_for, user) -> None:  # type: ignore[no-untyped-def]
    r = client_for(user).post(reverse("drills:email_task", args=["em-refund-delay"]), {"text": "Dear Priya, your refund is on its way."})
    other = client_for(make_user("b@example.com"))
    assert other.get(r["Location"]).status_code == 404
    assert other.get(reverse("drills:email_task", args=["no-such-scenario"])).status_code == 404

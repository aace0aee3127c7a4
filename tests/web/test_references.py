"""References and certificates lists, and the prepare hub."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from bpoprep.web.prep.models import Certification, Reference
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_add_list_and_remove_references_and_certificates(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    page = c.get(reverse("prep:references")).content.decode()
    assert "Add two references" in page
    c.post(reverse("prep:references"), {"kind": "reference", "ref-name": "Prof. Kulkarni", "ref-relation": "project guide", "ref-phone": "+91 98220 41577", "ref-email": ""})
    c.post(reverse("prep:references"), {"kind": "certification", "cert-name": "Typing 40 WPM", "cert-issuer": "Govt. ITI", "cert-year": "2024"})
    page = c.get(reverse("prep:references")).content.decode()
    assert "Ask Prof. Kulkarni before you give their number." in page and "Make two photocopies of “Typing 40 WPM”." in page
    export = json.loads(c.get(reverse("accounts:export")).content)
    assert export["references"][0]["name"] == "Prof. Kulkarni" and export["certifications"][0]["year"] == 2024
    ref = Reference.objects.get(user=user)
    other = client_for(make_user("b@example.com"))
    other.post(reverse("prep:references"), {"delete_reference": ref.pk})
    assert Reference.objects.filter(pk=ref.pk).exists()  # someone else cannot delete it
    c.post(reverse("prep:references"), {"delete_reference": ref.pk})
    assert not Reference.objects.filter(pk=ref.pk).exists()


def test_bad_reference_and_certificate_input(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    r = c.post(reverse("prep:references"), {"kind": "reference", "ref-name": "", "ref-relation": "guide", "ref-phone": "call me maybe"})
    html = r.content.decode()
    assert "This field is required" in html and "digits only" in html and not Reference.objects.exists()
    r = c.post(reverse("prep:references"), {"kind": "certification", "cert-name": "X", "cert-year": "24"})
    assert "four digits" in r.content.decode() and not Certification.objects.exists()


def test_prepare_hub_links_everything(client_for, user) -> None:  # type: ignore[no-untyped-def]
    html = client_for(user).get(reverse("prep:hub")).content.decode()
    for name in ("prep:research", "prep:resume", "prep:cover_letter", "prep:references", "prep:thank_you"):
        assert reverse(name) in html
    assert reverse("learn:checklist", args=["interview-day"]) in html

"""Staff edit content in the admin; syncing and import/export keep it whole."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.urls import reverse

from bpoprep.content.catalogue import load
from bpoprep.web.accounts.models import User
from bpoprep.web.curriculum.models import ContentItem
from bpoprep.web.curriculum.services import current, export_folder, import_folder, sync_packaged

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client_for):  # type: ignore[no-untyped-def]
    admin = User.objects.create_superuser("admin@example.com", "admin-phrase-123")
    return client_for(admin)


def test_sync_loads_the_package_and_keeps_staff_edits(staff) -> None:  # type: ignore[no-untyped-def]
    counts = sync_packaged()
    assert counts["added"] == ContentItem.objects.count() > 500
    item = ContentItem.objects.get(kind="question", item_id="why-bpo")
    url = reverse("admin:curriculum_contentitem_change", args=[item.pk])
    data = dict(item.data, text="Why do you want a career in BPO?")
    response = staff.post(url, {"kind": "question", "language": "en", "yaml_text": yaml.safe_dump(data, allow_unicode=True)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert current().questions["why-bpo"].text == "Why do you want a career in BPO?"
    again = sync_packaged()
    assert again["kept_edits"] == 1 and again["added"] == 0
    assert current().questions["why-bpo"].text == "Why do you want a career in BPO?"
    sync_packaged(force=True)
    assert current().questions["why-bpo"].text != "Why do you want a career in BPO?"


def test_admin_rejects_invalid_content_with_the_field_named(staff) -> None:  # type: ignore[no-untyped-def]
    sync_packaged()
    item = ContentItem.objects.get(kind="question", item_id="why-bpo")
    url = reverse("admin:curriculum_contentitem_change", args=[item.pk])
    bad = dict(item.data, talking_points=[])
    page = staff.post(url, {"kind": "question", "language": "en", "yaml_text": yaml.safe_dump(bad)}).content.decode()
    assert "talking_points" in page and "at least 3" in page
    page = staff.post(url, {"kind": "question", "language": "en", "yaml_text": "text: [unclosed"}).content.decode()
    assert "Not valid YAML" in page
    dangling = dict(item.data, roles=["astronaut"])
    page = staff.post(url, {"kind": "question", "language": "en", "yaml_text": yaml.safe_dump(dangling)}).content.decode()
    assert "unknown role" in page
    item.refresh_from_db()
    assert item.data["talking_points"] and not item.edited


def test_export_then_import_round_trips(staff, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sync_packaged()
    export_folder(tmp_path)
    assert load(tmp_path).counts() == current().counts()
    q = tmp_path / "questions" / "hr.yaml"
    items = yaml.safe_load(q.read_text(encoding="utf-8"))
    target = next(i for i in items if i["id"] == "why-bpo")
    target["text"] = "Why BPO, and why now?"
    q.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    import_folder(tmp_path)
    assert current().questions["why-bpo"].text == "Why BPO, and why now?"


def test_a_broken_import_changes_nothing(staff, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bpoprep.content.catalogue import ContentError

    sync_packaged()
    export_folder(tmp_path)
    (tmp_path / "roles" / "bookkeeper.yaml").write_text("id: bookkeeper\n", encoding="utf-8")
    before = ContentItem.objects.get(kind="role", item_id="bookkeeper").data
    with pytest.raises(ContentError):
        import_folder(tmp_path)
    assert ContentItem.objects.get(kind="role", item_id="bookkeeper").data == before

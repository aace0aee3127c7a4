"""The sentence model's graph is built once from checked weights and read back on later starts."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest

from bpoprep.feedback import embedding, graph_cache
from bpoprep.feedback.embedding import ModelUnavailable, OnnxEncoder
from tests.feedback.test_embedding import fake_model_zip

SENTENCES = ["I resolved the billing complaint on the first call.", "Team leader approved the refund."]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "models"
    monkeypatch.setenv("BPOPREP_MODEL_CACHE", str(folder))
    return folder


def _weights_must_not_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(zf: zipfile.ZipFile) -> None:
        raise AssertionError("the weights were inflated although the graph was cached")

    monkeypatch.setattr(embedding, "_weights", refuse)


def test_a_second_start_reads_the_saved_graph_and_embeds_identically(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = OnnxEncoder().encode(SENTENCES)
    saved = sorted(p.name for p in cache.iterdir())
    assert len(saved) == 2 and saved[0].endswith(".onnx") and saved[1].endswith(".sha256")
    _weights_must_not_be_read(monkeypatch)
    assert np.array_equal(OnnxEncoder().encode(SENTENCES), built)


def test_a_damaged_graph_is_built_again_and_replaced(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = OnnxEncoder().encode(SENTENCES)
    graph = next(cache.glob("*.onnx"))
    good = graph.read_bytes()
    graph.write_bytes(good[: len(good) // 2])  # as if the disk filled up mid-write
    assert np.array_equal(OnnxEncoder().encode(SENTENCES), expected)
    assert graph.read_bytes() == good
    _weights_must_not_be_read(monkeypatch)
    OnnxEncoder()  # repaired, so read back


def test_an_unwritable_cache_folder_only_costs_the_saving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("BPOPREP_MODEL_CACHE", str(blocker))
    assert OnnxEncoder().encode(SENTENCES).shape == (2, 384)
    assert blocker.read_text() == "a file where the cache folder should be"


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BPOPREP_MODEL_CACHE", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert graph_cache.cache_dir() is None
    OnnxEncoder()
    assert list(tmp_path.iterdir()) == []


def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BPOPREP_MODEL_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert graph_cache.cache_dir() == tmp_path / "bpoprep"


def test_other_weights_are_checked_and_refused_even_with_a_cache_full_of_good_graphs(cache: Path, tmp_path: Path) -> None:
    OnnxEncoder()
    with pytest.raises(ModelUnavailable, match="hash"):
        OnnxEncoder(fake_model_zip(tmp_path))


def test_the_name_changes_with_the_builder_code_and_the_options(tmp_path: Path) -> None:
    builder = tmp_path / "builder.py"
    builder.write_text("def build(): return 1\n")
    first = graph_cache.key("weights", 123, True, builder=builder)
    assert graph_cache.key("weights", 123, True, builder=builder) == first
    assert graph_cache.key("weights", 123, False, builder=builder) != first
    builder.write_text("def build(): return 2\n")
    assert graph_cache.key("weights", 123, True, builder=builder) != first


def test_a_new_build_replaces_its_familys_old_ones_and_leaves_others(cache: Path) -> None:
    cache.mkdir()
    (cache / "all-minilm-l6-v2-int8-0123456789abcdef01234567.onnx").write_bytes(b"a graph from an older release")
    (cache / "all-minilm-l6-v2-int8-0123456789abcdef01234567.sha256").write_text("0" * 64)
    (cache / "all-minilm-l6-v2-float-0123456789abcdef01234567.onnx").write_bytes(b"the float graph, another family")
    OnnxEncoder()
    names = sorted(p.name for p in cache.iterdir())
    assert "all-minilm-l6-v2-float-0123456789abcdef01234567.onnx" in names
    int8 = [n for n in names if n.startswith("all-minilm-l6-v2-int8-")]
    assert len(int8) == 2 and "0123456789abcdef01234567" not in " ".join(int8)

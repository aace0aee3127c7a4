"""The ONNX encoder computes what the NumPy reference computes, from weights we have checked."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest

from bpoprep.feedback.embedding import ModelUnavailable, NumpyEncoder, OnnxEncoder, encoder


SENTENCES = ["Thank you for calling SwiftNet, my name is Asha.", "ok", "I escalated the refund to my team leader and called the customer back within two hours."]


def test_onnx_graph_matches_the_numpy_reference() -> None:
    onnx = OnnxEncoder(quantized=False).encode(SENTENCES)
    ref = NumpyEncoder().encode(SENTENCES)
    assert onnx.shape == (3, 384)
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    assert np.abs(onnx - ref).max() < 1e-4


def test_int8_encoder_stays_close_to_the_float_one() -> None:
    quantized = encoder().encode(SENTENCES)
    exact = OnnxEncoder(quantized=False).encode(SENTENCES)
    # With seven-bit weights (embedding.WEIGHT_LEVELS) "ok", one word piece, is the farthest:
    # 0.9673 (mean over 207 labelled sentences 0.9913); a broken graph or scale lands far lower.
    assert ((quantized * exact).sum(1) > 0.96).all()


def test_similar_sentences_are_closer_than_unrelated_ones() -> None:
    a, b, c = encoder().encode(["The customer was angry about the late refund.", "An upset caller complained that the refund was delayed.", "I like playing cricket on Sundays."])
    assert a @ b > a @ c + 0.3


def fake_model_zip(folder: Path) -> Path:
    """An archive laid out like the model package's, with other weights in it."""
    fake = folder / "model.zip"
    with zipfile.ZipFile(fake, "w") as zf:
        zf.writestr("model.safetensors", b"not the real weights")
        zf.writestr("config.json", "{}")
        zf.writestr("tokenizer.json", "{}")
    return fake


def test_weights_with_the_wrong_hash_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="hash"):
        OnnxEncoder(fake_model_zip(tmp_path))
    with pytest.raises(ModelUnavailable, match="not found"):
        OnnxEncoder(tmp_path / "missing.zip")


def test_empty_input_gives_an_empty_matrix() -> None:
    assert encoder().encode([]).shape == (0, 384)


def test_a_sentences_vector_does_not_depend_on_what_is_embedded_with_it() -> None:
    # The int8 graph scales activations per run; one sentence per run keeps its vector its own.
    alone = encoder().encode([SENTENCES[2]])[0]
    beside_others = encoder().encode([SENTENCES[0], "Sir, kindly do the needful and revert back at the earliest!!!", SENTENCES[2]])[2]
    assert np.array_equal(alone, beside_others)


def test_quantized_weights_leave_no_room_for_saturation() -> None:
    # Without VNNI, x86 onnxruntime adds pairs of uint8 x int8 products in 16 bits: the weights
    # must keep 255 * |q| * 2 within 32,767 for the integer products to be exact on every CPU.
    from bpoprep.feedback.embedding import _quantize

    weight = np.random.default_rng(0).normal(size=(384, 1536)).astype(np.float32)
    weight[0, 0] = 40.0  # an outlier sets its column's scale
    q, scale = _quantize(weight)
    assert q.dtype == np.int8 and 255 * int(np.abs(q).max()) * 2 <= 32767
    assert np.abs(q * scale - weight).max() <= scale.max() / 2 + 1e-6  # rounding, no clipping

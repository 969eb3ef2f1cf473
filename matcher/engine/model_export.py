"""The shipped MiniLM model converted once for OpenVINO, into the user's cache folder.

The package ships safetensors for PyTorch; OpenVINO runs the same network 2.4x faster in bfloat16
and 1.3x in float32 (benchmarks/embedding_backends.py, 2 cores). Converting needs torch (~5 s to import) and ~10 s of tracing, so
it happens once per machine and model version: `scripts/setup.sh` runs it, and the first ranking
runs it again if the folder is missing. The graph holds the whole sentence-transformers pipeline
after the tokenizer — BERT, mean pooling over real tokens, L2 normalisation — so a run is one call.

Written atomically: the files go to a temporary folder beside the target, renamed into place when
complete, so a crash or a second process exporting at the same time never leaves half a model.
Run by hand: `.venv/bin/python -m matcher.engine.model_export` prints where the model lies.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import warnings
from importlib.metadata import version
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_ENV = "MATCHER_MODEL_CACHE"  # where exported models go instead of the user's cache folder
EXPORT_FORMAT = 1  # bump when the exported graph changes, so old exports are not reused
XML, BIN = "model.xml", "model.bin"
# Tracing shape: any small batch works (both axes stay dynamic); 2 x 16 exercises padding masks.
EXAMPLE_BATCH, EXAMPLE_TOKENS = 2, 16


def cache_root() -> Path:
    if env := os.environ.get(CACHE_ENV):
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("matcher", appauthor=False)) / "models"


def export_key(source: Path) -> str:
    """What an export was made from: the weights file and every library that shapes the graph.
    Only names, sizes and versions are read, so asking is cheap."""
    weights = (source / "model.safetensors").stat()
    parts = [str(source.resolve()), str(weights.st_size), str(weights.st_mtime_ns), f"format{EXPORT_FORMAT}"]
    parts += [f"{name}{version(name)}" for name in ("torch", "transformers", "openvino")]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def openvino_model(source: Path, root: Path | None = None) -> Path:
    """The OpenVINO IR (model.xml) of the model in `source`, exported first if it is not there yet."""
    target = (root or cache_root()) / f"minilm-openvino-{export_key(source)}"
    if (target / XML).is_file() and (target / BIN).is_file():
        return target / XML
    log.warning("Preparing the language model for this computer (once, about 30 s): %s", target)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    try:
        _export(source, scratch / XML)
        try:
            os.replace(scratch, target)
        except OSError:  # another process finished the same export first: use theirs
            if not (target / XML).is_file():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target / XML


def sentence_model(source: Path) -> tuple[Any, dict[str, Any]]:
    """The model as one torch module (token ids in, normalised sentence vectors out) and example
    inputs to trace it with. Also used by benchmarks/embedding_backends.py for its ONNX exports."""
    import torch
    import transformers

    class SentenceModel(torch.nn.Module):
        """BERT, then what sentence-transformers' Pooling (mean) and Normalize modules do."""

        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                    token_type_ids: torch.Tensor) -> torch.Tensor:
            tokens = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    logs = transformers.utils.logging
    logs.disable_progress_bar()  # type: ignore[no-untyped-call]
    verbosity = logs.get_verbosity()
    logs.set_verbosity_error()  # type: ignore[no-untyped-call]  # config notes a user cannot act on
    try:
        # Eager attention traces to plain matrix products: the form the agreement tests check.
        bert = transformers.AutoModel.from_pretrained(str(source), attn_implementation="eager", local_files_only=True)
    finally:
        logs.set_verbosity(verbosity)
    shape = (EXAMPLE_BATCH, EXAMPLE_TOKENS)
    example = {"input_ids": torch.ones(shape, dtype=torch.long), "attention_mask": torch.ones(shape, dtype=torch.long),
               "token_type_ids": torch.zeros(shape, dtype=torch.long)}
    return SentenceModel(bert).eval(), example


def _export(source: Path, xml: Path) -> None:
    import torch

    from matcher.engine.encoders import import_openvino

    ov = import_openvino()
    with warnings.catch_warnings():
        # Tracing warns that Python-side shape checks become constants; the agreement tests run the
        # traced graph on other batch sizes and lengths and compare it with sentence-transformers.
        warnings.simplefilter("ignore")
        model, example = sentence_model(source)
        inputs = [(name, [-1, -1], ov.Type.i64) for name in example]
        with torch.no_grad():
            converted = ov.convert_model(model, example_input=example, input=inputs)
    # fp16 weights on disk would change every vector a little: keep the shipped fp32 weights.
    ov.save_model(converted, str(xml), compress_to_fp16=False)


def main() -> None:
    from matcher.engine.embeddings import model_folder

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    print(openvino_model(model_folder()))


if __name__ == "__main__":
    main()

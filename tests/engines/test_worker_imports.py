"""Pool workers import spaCy without PyTorch (pipeline._import_spacy_without_torch): with the optional
`learned` extra installed, thinc would otherwise import torch in every worker, about 240 MB of RSS each.
Only meaningful where torch is installed; skipped elsewhere."""

from __future__ import annotations

import multiprocessing

import pytest


def _probe(queue) -> None:
    # A fresh spawned worker: what Resources.load does first, then what thinc saw.
    from eventwire import pipeline

    pipeline._import_spacy_without_torch()
    import sys

    import thinc.util

    queue.put((bool(thinc.util.has_torch), "torch" in sys.modules))


def _run_in_child() -> tuple[bool, bool]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_probe, args=(queue,))
    proc.start()
    try:
        return queue.get(timeout=120)
    finally:
        proc.join(timeout=30)


def test_worker_thinc_does_not_load_torch():
    pytest.importorskip("torch")
    has_torch, torch_loaded = _run_in_child()
    assert not has_torch, "a pool worker's thinc imported torch"
    assert not torch_loaded


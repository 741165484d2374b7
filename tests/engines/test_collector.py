"""The cyclic collector around loading (issue 3, start-up): paused during bulk loads, and what a coding
process has loaded is frozen out of its way. Neither changes what is coded."""

from __future__ import annotations

import gc

import pytest

from eventwire import pipeline
from eventwire.collector import collector_paused
from eventwire.engines import local


def test_pause_restores_the_collector_and_nests():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner pause must not turn the collector back on"
    assert gc.isenabled()


def test_pause_restores_the_collector_after_an_error():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_pause_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_coding_process_freezes_what_it_loaded(monkeypatch):
    loaded = object()
    monkeypatch.setattr(pipeline, "cached_resources", lambda model, actor_files: loaded)
    gc.unfreeze()
    try:
        assert local.load_resources(None, ()) is loaded
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()

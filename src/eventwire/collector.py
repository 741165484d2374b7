"""Python's cyclic garbage collector around bulk loads (issue 3: start-up)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, then restore it as it was (so pauses nest).

    Building the gazetteer and the actor lexicon allocates a few hundred thousand long-lived objects and no
    garbage cycles, yet every 700 allocations wake the collector, and twice it walked the whole heap (spaCy
    and all) for ~0.15 s each. Reference counting still frees what the block drops."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

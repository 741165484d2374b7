"""Event coding: patterns (data) + matcher + argument finder + semantics + attribution.

    coder = EventCoder.load()
    candidates = coder.code(doc, actors)   # actors: eventwire.actors.DocumentActors
"""

from __future__ import annotations

from .coder import Candidate, EventCoder
from .pattern_table import Pattern, PatternSet, load_patterns

__all__ = ["Candidate", "EventCoder", "Pattern", "PatternSet", "load_patterns"]

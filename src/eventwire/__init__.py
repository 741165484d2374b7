"""eventwire: political event data from international news.

    >>> import eventwire
    >>> events = eventwire.code_text("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.")

The public API is re-exported here; everything else is an implementation detail.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Article",
    "Actor",
    "Event",
    "Location",
    "Evidence",
    "Resources",
    "code_article",
    "code_articles",
    "code_text",
]


def __getattr__(name: str):
    # Lazy: `import eventwire` stays cheap (the CLI's --version and --help must not load spaCy).
    if name in {"Article", "Actor", "Event", "Location", "Evidence"}:
        from . import model

        return getattr(model, name)
    if name in {"Resources", "code_article", "code_articles", "code_text"}:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")

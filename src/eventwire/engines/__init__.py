"""Engines: where `code_article` runs. Every engine yields the same (article, events) pairs for one input.

    run(articles, *, engine="local", workers=2) -> Iterator[(Article, list[Event] | InputError)]

`local` (the default) is a process pool on this machine; `ray` (issue 8) runs the same per-article function on
a Ray cluster and is imported only when asked for. An engine module exposes
`run(articles, *, workers, model, actor_files, **options)` with the contract above: results in input order,
an article whose coding raised comes back with a `CodingFailedError` instead of its events, and the input
iterable is consumed lazily (from the calling thread, for the local engine).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import EngineError, EngineNotInstalledError, InputError
from ..model import Article, Event

ENGINES = {"local": "eventwire.engines.local", "ray": "eventwire.engines.ray"}
INSTALL_HINTS = {"ray": "pip install 'eventwire[ray]'"}

Result = tuple[Article, "list[Event] | InputError"]


def run(
    articles: Iterable[Article],
    *,
    engine: str = "local",
    workers: int = 1,
    model: str | None = None,
    actor_files: Sequence[str] = (),
    **options: Any,
) -> Iterator[Result]:
    """Code `articles` on `engine` with `workers` processes: (article, events or error) in input order."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (choose from: {', '.join(ENGINES)})")
    try:
        module = importlib.import_module(ENGINES[engine])
    except ModuleNotFoundError as exc:
        hint = INSTALL_HINTS.get(engine, "")
        raise EngineNotInstalledError(
            f"the {engine} engine is not available ({exc.name} is missing)"
            + (f"; install it with: {hint}" if hint else "")
        ) from None
    return module.run(articles, workers=workers, model=model, actor_files=tuple(actor_files), **options)

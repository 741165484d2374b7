"""Actor resolution: each mention to a country, a sector, a CAMEO-style code and a canonical name (issue 4).

    resolver = ActorResolver.load(extra_files=["my_actors.tsv"])
    actors = resolver.for_document(doc, published=date(2023, 6, 3))
    for span, actor in actors.mentions(sent): ...

Data files (data/*.tsv) hold every fact; this package holds only the rules. See docs/actors.md.
"""

from __future__ import annotations

from .document import DocumentActors
from .resolver import ActorResolver, Resolution

__all__ = ["ActorResolver", "DocumentActors", "Resolution"]

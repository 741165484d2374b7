"""The ontology's records (CAMEO codes, PLOVER types, modes, contexts) and the lookups over them.

Built by `eventwire.ontology.loader` from the data files in ./data; see docs/ontology.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.errors import UnknownCodeError

# Two-digit roots 01-20, optionally followed by one or two more digits (CAMEO has no 5-digit codes).
CAMEO_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int
    description: str
    plover: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]
    # Why a code has no PLOVER type (roots 01 and 02), else None.
    plover_none_reason: str | None = None
    # False for codes the CAMEO->PLOVER crosswalk uses but the CAMEO codebook lacks (1214).
    in_codebook: bool = True

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2

    @property
    def parent(self) -> str | None:
        """The code one level up ('0211' -> '021', '021' -> '02'); None for a root."""
        return None if self.is_root else self.code[:-1]


@dataclass(frozen=True, slots=True)
class PloverMode:
    name: str
    description: str
    # "manual" for the PLOVER manual's modes, "crosswalk" for values only the 2021 crosswalk uses.
    origin: str = "manual"


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad_class: int
    description: str
    requires_recipient: bool
    modes: tuple[PloverMode, ...] = ()

    @property
    def mode_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.modes)

    def mode(self, name: str) -> PloverMode:
        for m in self.modes:
            if m.name == name:
                return m
        raise UnknownCodeError(f"{self.name} mode", name)


@dataclass(frozen=True, slots=True)
class PloverContext:
    name: str
    label: str
    description: str
    origin: str = "manual"


# eq=False: compared and hashed by identity, so an Ontology can key a cache (its dicts are unhashable).
@dataclass(frozen=True, slots=True, eq=False)
class Ontology:
    """CAMEO codebook + PLOVER types + crosswalk. Treat as read-only: `load_ontology()` shares one."""

    cameo: dict[str, CameoCode]
    plover: dict[str, PloverType]
    contexts: dict[str, PloverContext]
    # Paths of the data files it was read from, for messages and provenance.
    sources: tuple[str, ...] = field(default=())

    def for_cameo(self, code: str) -> CameoCode:
        """The record for `code`; a code the book lacks ('0415') falls back to its nearest parent ('041').

        Raises UnknownCodeError when `code` is not a CAMEO-shaped code or its root is unknown.
        """
        code = str(code).strip()
        if not CAMEO_CODE.match(code):
            raise UnknownCodeError("CAMEO code", code)
        for n in range(len(code), 1, -1):
            rec = self.cameo.get(code[:n])
            if rec is not None:
                return rec
        raise UnknownCodeError("CAMEO code", code)

    def root(self, code: str) -> str:
        return self.for_cameo(code).root

    def quad_class(self, code: str) -> int:
        return self.for_cameo(code).quad_class

    def goldstein(self, code: str) -> float:
        return self.for_cameo(code).goldstein

    def cameo_for_plover(self, plover_type: str) -> list[str]:
        """Every CAMEO code the crosswalk maps to `plover_type`, in code order."""
        if plover_type not in self.plover:
            raise UnknownCodeError("PLOVER type", plover_type)
        return sorted(c.code for c in self.cameo.values() if c.plover == plover_type)

    def is_valid_mode(self, plover_type: str, mode: str | None) -> bool:
        """True when `mode` (None meaning no mode) may go with `plover_type`."""
        t = self.plover.get(plover_type)
        return t is not None and (mode is None or mode in t.mode_names)

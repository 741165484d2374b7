"""Read and validate the ontology data files; every problem is a DataFileError naming the file.

Files (in ./data, or given by path):
  cameo_codes.json    CAMEO codes: name, Goldstein value, root, quad class, description
  plover.json         PLOVER types, modes, contexts (+ the crosswalk's extra modes and contexts)
  cameo_plover.json   CAMEO -> PLOVER crosswalk: one mapping per CAMEO code, or a reason for none
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.datafiles import read_json_data
from eventwire.errors import DataFileError
from eventwire.ontology.records import (
    CAMEO_CODE,
    CameoCode,
    Ontology,
    PloverContext,
    PloverMode,
    PloverType,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
CAMEO_FILE = "cameo_codes.json"
PLOVER_FILE = "plover.json"
CROSSWALK_FILE = "cameo_plover.json"


def load_ontology(
    *,
    data_dir: str | Path | None = None,
    cameo_file: str | Path | None = None,
    plover_file: str | Path | None = None,
    crosswalk_file: str | Path | None = None,
) -> Ontology:
    """Load (once per set of paths) and validate the ontology.

    `data_dir` replaces the bundled data directory; the `*_file` options replace single files.
    Raises DataFileError(path, reason) for the first problem found.
    """
    base = Path(data_dir) if data_dir is not None else DATA_DIR
    paths = (
        Path(cameo_file) if cameo_file is not None else base / CAMEO_FILE,
        Path(plover_file) if plover_file is not None else base / PLOVER_FILE,
        Path(crosswalk_file) if crosswalk_file is not None else base / CROSSWALK_FILE,
    )
    return _load_cached(*(p.resolve() for p in paths))


@lru_cache(maxsize=8)
def _load_cached(cameo_path: Path, plover_path: Path, crosswalk_path: Path) -> Ontology:
    codes = read_cameo(cameo_path)
    types, contexts = read_plover(plover_path)
    cameo = apply_crosswalk(crosswalk_path, codes, types, contexts)
    return Ontology(
        cameo=cameo,
        plover=types,
        contexts=contexts,
        sources=(str(cameo_path), str(plover_path), str(crosswalk_path)),
    )


class _Checker:
    """Small helpers that raise DataFileError for one file, naming the record at fault."""

    def __init__(self, path: Path):
        self.path = str(path)

    def fail(self, reason: str) -> DataFileError:
        return DataFileError(self.path, reason)

    def list_of(self, data: dict[str, Any], key: str, *, required: bool = True) -> list[Any]:
        value = data.get(key, None if required else [])
        if not isinstance(value, list):
            raise self.fail(f"'{key}' must be a list")
        return value

    def field(self, rec: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
        if not isinstance(rec, dict):
            raise self.fail(f"{where}: each record must be a JSON object")
        if key not in rec:
            raise self.fail(f"{where}: missing field '{key}'")
        value = rec[key]
        # bool is an int in Python; a true/false in a numeric field is a mistake in the file.
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
            raise self.fail(f"{where}: field '{key}' has the wrong type ({type(value).__name__})")
        return value

    def text(self, rec: Any, key: str, where: str) -> str:
        value = self.field(rec, key, str, where).strip()
        if not value:
            raise self.fail(f"{where}: field '{key}' is empty")
        return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def read_cameo(path: Path) -> dict[str, dict[str, Any]]:
    """CAMEO records by code (crosswalk fields not yet filled)."""
    data = read_json_data(path)
    ck = _Checker(path)
    quad_by_root: dict[str, int] = {}
    for i, q in enumerate(ck.list_of(data, "quad_classes")):
        where = f"quad_classes[{i}]"
        qc = ck.field(q, "quad_class", int, where)
        if qc not in (1, 2, 3, 4):
            raise ck.fail(f"{where}: quad_class must be 1-4, got {qc}")
        for r in ck.field(q, "roots", list, where):
            if not isinstance(r, str) or len(r) != 2 or not CAMEO_CODE.match(r):
                raise ck.fail(f"{where}: {r!r} is not a CAMEO root (01-20)")
            if r in quad_by_root:
                raise ck.fail(f"{where}: root {r!r} is in more than one quad class")
            quad_by_root[r] = qc

    records: dict[str, dict[str, Any]] = {}
    listed = [(rec, True) for rec in ck.list_of(data, "codes")]
    listed += [(rec, False) for rec in ck.list_of(data, "extensions", required=False)]
    for i, (rec, in_codebook) in enumerate(listed):
        where = f"record {i + 1}"
        code = ck.text(rec, "code", where)
        where = f"code {code}"
        if not CAMEO_CODE.match(code):
            raise ck.fail(f"{where}: not a CAMEO code (2-4 digits, root 01-20)")
        if code in records:
            raise ck.fail(f"{where}: duplicate code")
        goldstein = ck.field(rec, "goldstein", (int, float), where)
        if not math.isfinite(goldstein) or not -10 <= goldstein <= 10:
            raise ck.fail(f"{where}: Goldstein value {goldstein} is outside [-10, 10]")
        root = ck.text(rec, "root", where)
        if root != code[:2]:
            raise ck.fail(f"{where}: root {root!r} does not match the code")
        quad = ck.field(rec, "quad_class", int, where)
        if root not in quad_by_root:
            raise ck.fail(f"{where}: root {root} has no quad class in 'quad_classes'")
        if quad != quad_by_root[root]:
            raise ck.fail(f"{where}: quad_class {quad} but root {root} is quad class {quad_by_root[root]}")
        if not in_codebook:
            ck.text(rec, "reason", where)  # an extension must say why it exists
        records[code] = {
            "code": code,
            "name": ck.text(rec, "name", where),
            "goldstein": float(goldstein),
            "root": root,
            "quad_class": quad,
            "description": ck.text(rec, "description", where),
            "in_codebook": in_codebook,
        }
    # Every code hangs from codes that exist: '0211' needs '021', which needs '02'.
    for code in records:
        if len(code) > 2 and code[:-1] not in records:
            raise ck.fail(f"code {code}: its parent {code[:-1]} is not in the file")
    if not records:
        raise ck.fail("no codes")
    return records


def read_plover(path: Path) -> tuple[dict[str, PloverType], dict[str, PloverContext]]:
    data = read_json_data(path)
    ck = _Checker(path)
    modes: dict[str, list[PloverMode]] = {}
    types: dict[str, dict[str, Any]] = {}
    for i, t in enumerate(ck.list_of(data, "types")):
        name = ck.text(t, "name", f"types[{i}]")
        where = f"type {name}"
        if name in types:
            raise ck.fail(f"{where}: duplicate type")
        quad = ck.field(t, "quad_class", int, where)
        if quad not in (1, 2, 3, 4):
            raise ck.fail(f"{where}: quad_class must be 1-4, got {quad}")
        types[name] = {
            "name": name,
            "quad_class": quad,
            "description": ck.text(t, "description", where),
            "requires_recipient": ck.field(t, "requires_recipient", bool, where),
        }
        modes[name] = []
        for j, m in enumerate(ck.field(t, "modes", list, where)):
            mname = ck.text(m, "name", f"{where} modes[{j}]")
            if mname in {x.name for x in modes[name]}:
                raise ck.fail(f"{where}: duplicate mode {mname!r}")
            modes[name].append(PloverMode(mname, ck.text(m, "description", f"{where} mode {mname}")))

    contexts: dict[str, PloverContext] = {}

    def add_context(c: Any, i: int, origin: str) -> None:
        name = ck.text(c, "name", f"contexts[{i}]")
        if name in contexts:
            raise ck.fail(f"context {name!r}: duplicate context")
        where = f"context {name}"
        label, description = ck.text(c, "label", where), ck.text(c, "description", where)
        contexts[name] = PloverContext(name, label, description, origin)

    for i, c in enumerate(ck.list_of(data, "contexts")):
        add_context(c, i, "manual")

    # Values only the 2021 crosswalk uses: allowed because they are listed here, each with a reason.
    ext = data.get("crosswalk_extensions", {})
    if not isinstance(ext, dict):
        raise ck.fail("'crosswalk_extensions' must be an object")
    for j, m in enumerate(ck.list_of(ext, "modes", required=False)):
        where = f"crosswalk_extensions.modes[{j}]"
        tname = ck.text(m, "type", where)
        if tname not in types:
            raise ck.fail(f"{where}: unknown PLOVER type {tname!r}")
        mname = ck.text(m, "name", where)
        if mname in {x.name for x in modes[tname]}:
            raise ck.fail(f"{where}: {tname} already has mode {mname!r}")
        ck.text(m, "reason", where)
        modes[tname].append(PloverMode(mname, ck.text(m, "description", where), "crosswalk"))
    for j, c in enumerate(ck.list_of(ext, "contexts", required=False)):
        ck.text(c, "reason", f"crosswalk_extensions.contexts[{j}]")
        add_context(c, j, "crosswalk")

    if not types:
        raise ck.fail("no PLOVER types")
    plover = {name: PloverType(**t, modes=tuple(modes[name])) for name, t in types.items()}
    return plover, contexts


def apply_crosswalk(
    path: Path,
    codes: dict[str, dict[str, Any]],
    types: dict[str, PloverType],
    contexts: dict[str, PloverContext],
) -> dict[str, CameoCode]:
    """Join the crosswalk onto the CAMEO records; every code needs exactly one mapping."""
    data = read_json_data(path)
    ck = _Checker(path)
    mapped: dict[str, dict[str, Any]] = {}
    for i, m in enumerate(ck.list_of(data, "mappings")):
        code = ck.text(m, "cameo", f"mappings[{i}]")
        where = f"code {code}"
        if code not in codes:
            raise ck.fail(f"{where}: not in the CAMEO codes file")
        if code in mapped:
            raise ck.fail(f"{where}: mapped more than once")
        plover = ck.field(m, "plover", (str, type(None)), where)
        mode = ck.field(m, "mode", (str, type(None)), where)
        context = ck.field(m, "context", list, where)
        if plover is None:
            reason = ck.text(m, "none_reason", where)
            if mode is not None or context:
                raise ck.fail(f"{where}: no PLOVER type, so it can have no mode or context")
        else:
            reason = None
            if plover not in types:
                raise ck.fail(f"{where}: unknown PLOVER type {plover!r}")
            if mode is not None and mode not in types[plover].mode_names:
                raise ck.fail(
                    f"{where}: {mode!r} is not a {plover} mode (allow-list it in plover.json "
                    "crosswalk_extensions if the source uses it)"
                )
            for c in context:
                if not isinstance(c, str) or c not in contexts:
                    raise ck.fail(f"{where}: unknown PLOVER context {c!r}")
            if len(set(context)) != len(context):
                raise ck.fail(f"{where}: a context is listed twice")
        mapped[code] = {
            "plover": plover,
            "plover_mode": mode,
            "plover_context": tuple(context),
            "plover_none_reason": reason,
        }
    missing = sorted(set(codes) - set(mapped))
    if missing:
        shown = ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
        raise ck.fail(
            f"{len(missing)} CAMEO codes have no mapping (give plover: null and a none_reason): {shown}"
        )
    return {code: CameoCode(**rec, **mapped[code]) for code, rec in codes.items()}

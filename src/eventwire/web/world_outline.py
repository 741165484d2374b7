"""Build the dashboard's world outline (static/world.json) from a Natural Earth polygon shapefile.

Natural Earth is in the public domain. The 1:110m countries layer ships inside the geopandas 0.14 wheel on
PyPI (geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp), so the outline is made offline:

    pip download geopandas==0.14.4 --no-deps -d /tmp/geo && unzip -o /tmp/geo/*.whl -d /tmp/geo
    python -m eventwire.web.world_outline \
        /tmp/geo/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Coordinates are rounded and thinned (points closer than `min_step` degrees dropped) to keep the file small;
the map only needs to show where places are. Not used at run time.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "static" / "world.json"
POLYGON = 5


def read_rings(shp: Path) -> list[list[tuple[float, float]]]:
    """Every ring of every polygon record in an ESRI shapefile (the documented binary layout)."""
    data = shp.read_bytes()
    rings: list[list[tuple[float, float]]] = []
    at = 100  # the file header
    while at + 8 <= len(data):
        _number, words = struct.unpack(">ii", data[at : at + 8])
        content = data[at + 8 : at + 8 + words * 2]
        at += 8 + words * 2
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type != POLYGON:
            continue
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{num_parts}i", content[44 : 44 + 4 * num_parts]))
        base = 44 + 4 * num_parts
        coords = struct.unpack(f"<{2 * num_points}d", content[base : base + 16 * num_points])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        for i, start in enumerate(parts):
            end = parts[i + 1] if i + 1 < len(parts) else num_points
            rings.append(points[start:end])
    return rings


def thin(ring: list[tuple[float, float]], *, min_step: float) -> list[list[float]]:
    kept: list[list[float]] = []
    for lon, lat in ring:
        if kept and abs(lon - kept[-1][0]) < min_step and abs(lat - kept[-1][1]) < min_step:
            continue
        kept.append([round(lon, 1), round(lat, 1)])
    return kept


def build(shp: Path, *, min_step: float = 0.6) -> dict:
    polygons = [r for r in (thin(ring, min_step=min_step) for ring in read_rings(shp)) if len(r) >= 4]
    return {
        "source": "Natural Earth 1:110m admin 0 countries (public domain), via the geopandas 0.14.4 wheel; "
        "thinned by eventwire.web.world_outline",
        "polygons": polygons,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m eventwire.web.world_outline NATURALEARTH_LOWRES.shp\n")
        return 2
    outline = build(Path(argv[0]))
    OUT.write_text(json.dumps(outline, separators=(",", ":")) + "\n", encoding="utf-8")
    sys.stderr.write(f"wrote {OUT} ({len(outline['polygons'])} rings)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

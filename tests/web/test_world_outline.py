"""The world outline generator reads polygon shapefiles (the documented ESRI layout) and thins them."""

from __future__ import annotations

import json
import struct

from eventwire.web import STATIC_DIR
from eventwire.web.world_outline import build, read_rings


def write_polygon_shapefile(path, rings):
    records = b""
    for number, ring in enumerate(rings, start=1):
        points = b"".join(struct.pack("<2d", lon, lat) for lon, lat in ring)
        content = struct.pack("<i4d2i", 5, 0, 0, 0, 0, 1, len(ring)) + struct.pack("<i", 0) + points
        records += struct.pack(">2i", number, len(content) // 2) + content
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(records)) // 2) + struct.pack("<2i", 1000, 5)
    header += b"\0" * (100 - len(header))
    path.write_bytes(header + records)


def test_reads_and_thins_rings(tmp_path):
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
    dense = [(0.0, 0.0), (0.1, 0.1), (5.0, 0.0), (5.0, 5.0), (0.0, 5.0), (0.0, 0.0)]
    shp = tmp_path / "world.shp"
    write_polygon_shapefile(shp, [square, dense])
    assert read_rings(shp) == [square, dense]
    outline = build(shp, min_step=0.5)
    assert outline["polygons"][0] == [list(p) for p in square]
    assert [0.1, 0.1] not in outline["polygons"][1]  # too close to the previous point
    assert "public domain" in outline["source"]


def test_the_bundled_outline_is_valid():
    outline = json.loads((STATIC_DIR / "world.json").read_text(encoding="utf-8"))
    assert "Natural Earth" in outline["source"]
    assert len(outline["polygons"]) > 100
    for ring in outline["polygons"]:
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)

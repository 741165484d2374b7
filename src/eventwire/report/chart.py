"""The cooperation/conflict trend as an inline SVG: cooperation stacked above the axis, conflict below it,
and the mean Goldstein score as a line on its own -10..+10 scale. No script, no fonts, no network."""

from __future__ import annotations

import math
from html import escape
from typing import Any

# Colours by quad class; the same palette as the dashboard (web/static/app.css).
QUAD_COLOURS = {
    "verbal_cooperation": "#7fbf7b",
    "material_cooperation": "#1b7837",
    "verbal_conflict": "#f4a582",
    "material_conflict": "#b2182b",
}
QUAD_LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}
LINE_COLOUR = "#2c4f9e"


def trend_svg(series: dict[str, Any], *, width: int = 760, height: int = 300) -> str:
    """An <svg> element for a dyad series (`DyadSeries.to_dict()`); a short note when it has no points."""
    points = series.get("points") or []
    left, right, top, bottom = 44, 44, 16, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="trend" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="cooperation and conflict over time">'
    ]
    if not points:
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">no dated events</text>')
        out.append("</svg>")
        return "".join(out)
    coop_max = max(p["verbal_cooperation"] + p["material_cooperation"] for p in points)
    conf_max = max(p["verbal_conflict"] + p["material_conflict"] for p in points)
    scale_max = max(coop_max, conf_max, 1)
    mid = top + plot_h / 2
    unit = (plot_h / 2) / scale_max
    slot = plot_w / len(points)
    bar = min(max(slot * 0.7, 1.0), 60.0)

    # Axes: the zero line, the count scale on the left, the Goldstein scale on the right.
    out.append(f'<line x1="{left}" y1="{mid}" x2="{left + plot_w}" y2="{mid}" stroke="#444"/>')
    for value, y in ((scale_max, top), (0, mid), (scale_max, top + plot_h)):
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{value}</text>')
    for value, y in (("+10", top), ("0", mid), ("-10", top + plot_h)):
        out.append(
            f'<text x="{left + plot_w + 6}" y="{y + 4:.1f}" font-size="11" fill="{LINE_COLOUR}">'
            f"{value}</text>"
        )

    label_every = max(1, math.ceil(len(points) * 70 / plot_w))  # labels are ~70 px wide: never overlap
    line: list[str] = []
    for i, p in enumerate(points):
        x = left + i * slot + (slot - bar) / 2
        y = mid
        for key in ("verbal_cooperation", "material_cooperation"):
            h = p[key] * unit
            if h:
                y -= h
                out.append(_bar(x, y, bar, h, key, p))
        y = mid
        for key in ("verbal_conflict", "material_conflict"):
            h = p[key] * unit
            if h:
                out.append(_bar(x, y, bar, h, key, p))
                y += h
        if p.get("goldstein_mean") is not None:
            gy = mid - (p["goldstein_mean"] / 10) * (plot_h / 2)
            line.append(f"{x + bar / 2:.1f},{gy:.1f}")
        if i % label_every == 0:
            out.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" font-size="10" text-anchor="middle">'
                f"{escape(p['period'])}</text>"
            )
    if line:
        out.append(
            f'<polyline points="{" ".join(line)}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2"/>'
        )
        for pt in line:
            cx, cy = pt.split(",")
            out.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{LINE_COLOUR}"/>')

    # Legend.
    lx = left
    for key, colour in QUAD_COLOURS.items():
        out.append(f'<rect x="{lx}" y="{height - 18}" width="10" height="10" fill="{colour}"/>')
        out.append(f'<text x="{lx + 14}" y="{height - 9}" font-size="11">{QUAD_LABELS[key]}</text>')
        lx += 150
    out.append(f'<line x1="{lx}" y1="{height - 13}" x2="{lx + 14}" y2="{height - 13}" '
               f'stroke="{LINE_COLOUR}" stroke-width="2"/>')
    out.append(f'<text x="{lx + 18}" y="{height - 9}" font-size="11">mean Goldstein</text>')
    out.append("</svg>")
    return "".join(out)


def _bar(x: float, y: float, w: float, h: float, key: str, point: dict[str, Any]) -> str:
    title = f"{point['period']}: {point[key]} {QUAD_LABELS[key]}"
    return (
        f'<rect class="{key}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
        f'fill="{QUAD_COLOURS[key]}"><title>{escape(title)}</title></rect>'
    )

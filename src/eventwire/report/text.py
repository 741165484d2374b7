"""The dyad report as plain text for a terminal. Article text is untrusted: control characters (which could
carry terminal escape sequences) are removed before anything is printed."""

from __future__ import annotations

import textwrap
import unicodedata
from typing import Any

from ..filters import QUAD_CLASSES

BAR_WIDTH = 30


def clean(value: Any) -> str:
    """Text safe to print: no control characters (ESC, BEL, ...), runs of whitespace collapsed."""
    text = "" if value is None else str(value)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text)
    return " ".join(text.split())


def distinct_mentions(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per sentence: an event coded twice from one sentence (e.g. two targets that dedup into
    one event) is shown once."""
    seen: set[tuple] = set()
    kept = []
    for m in mentions:
        key = (m.get("article_id"), m.get("start"), m.get("end"))
        if key not in seen:
            seen.add(key)
            kept.append(m)
    return kept


def side_label(code: str, names: dict[str, str]) -> str:
    name = names.get(code)
    return f"{name} ({code})" if name else code


def actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "(no target)"
    name = clean(actor.get("name") or actor.get("text"))
    return f"{name} [{clean(actor.get('code') or '?')}]"


def render_text(profile: dict[str, Any], *, names: dict[str, str] | None = None, width: int = 100) -> str:
    """The report: summary, dominance warning, trend table, key events with sentences and sources,
    who spoke for each side, and the outlets."""
    names = names or {}
    a, b = profile["a"], profile["b"]
    arrow = "<->" if profile["both_directions"] else "->"
    t = profile["totals"]
    lines = [f"{side_label(a, names)} {arrow} {side_label(b, names)}"]
    span = ""
    if profile.get("since") or profile.get("until"):
        span = f" (asked: {profile.get('since') or '...'} to {profile.get('until') or '...'})"
    if not t["events"]:
        lines.append(f"No events between {a} and {b}{span}.")
        return "\n".join(lines) + "\n"
    mean = f"{t['goldstein_mean']:+.2f}" if t["goldstein_mean"] is not None else "n/a"
    lines.append(
        f"{t['events']} event(s) in {t['mentions']} report(s), "
        f"{t['first_date'] or '?'} to {t['last_date'] or '?'}"
        f"{span}: {t['cooperation']} cooperation, {t['conflict']} conflict, mean Goldstein {mean}"
    )
    if profile.get("dominance"):
        lines += ["", "WARNING: " + clean(profile["dominance"]["message"])]

    series = profile["series"]
    lines += ["", f"Trend by {series['by']}"]
    header = f"{'period':<12}{'events':>7}{'coop':>6}{'conf':>6}{'goldstein':>11}"
    lines.append(header + "  cooperation+ / conflict-")
    peak = max((p["events"] for p in series["points"]), default=0) or 1
    for p in series["points"]:
        coop = p["verbal_cooperation"] + p["material_cooperation"]
        conf = p["verbal_conflict"] + p["material_conflict"]
        g = f"{p['goldstein_mean']:+.2f}" if p["goldstein_mean"] is not None else "-"
        bar = "+" * round(coop / peak * BAR_WIDTH) + "-" * round(conf / peak * BAR_WIDTH)
        lines.append(f"{p['period']:<12}{p['events']:>7}{coop:>6}{conf:>6}{g:>11}  {bar}")
    if series.get("undated"):
        lines.append(f"(+ {series['undated']} undated event(s), not in the trend)")

    lines += ["", "Key events"]
    for event in profile["key_events"]:
        quad = QUAD_CLASSES.get(event["quad_class"], "?")
        head = (
            f"{event['date'] or 'undated'}  "
            f"{actor_label(event['source'])} -> {actor_label(event['target'])}: "
            f"{event['cameo']} {clean(event.get('cameo_name'))} ({event.get('plover') or '-'}, {quad}, "
            f"Goldstein {event['goldstein']:+.1f})"
        )
        if event.get("location"):
            head += f" in {clean(event['location'].get('name'))}"
        lines.append(textwrap.fill(head, width=width, subsequent_indent="    "))
        for mention in distinct_mentions(event.get("mentions", [])):
            lines.append(textwrap.fill(f'"{clean(mention["text"])}"', width=width, initial_indent="    ",
                                       subsequent_indent="     "))
            source = ", ".join(
                x for x in (
                    clean(mention.get("publisher")) or "unknown publisher",
                    f"credited to {clean(mention['attribution'])}" if mention.get("attribution") else "",
                    clean(mention.get("title")),
                    clean(mention.get("url")),
                ) if x
            )
            lines.append(textwrap.fill(f"-- {source}", width=width, initial_indent="      ",
                                       subsequent_indent="         "))

    lines += ["", "Who spoke for each side"]
    for side in (a, b):
        people = profile["speakers"].get(side) or []
        listed = "; ".join(
            f"{clean(s['name'])} [{clean(s['code'])}] {s['events']} event(s)" for s in people
        ) or "nobody named"
        lines.append(textwrap.fill(f"{side}: {listed}", width=width, subsequent_indent="    "))

    outlets = profile["outlets"]
    lines += ["", "Outlets"]
    pubs = ", ".join(f"{clean(o['name']) or 'unknown'} {o['mentions']}" for o in outlets["publishers"])
    pubs = pubs or "none"
    creds = ", ".join(f"{clean(o['name'])} {o['mentions']}" for o in outlets["attributions"]) or "none named"
    lines.append(textwrap.fill(f"publishers: {pubs}", width=width, subsequent_indent="    "))
    lines.append(textwrap.fill(f"credited sources: {creds}", width=width, subsequent_indent="    "))
    return "\n".join(lines) + "\n"

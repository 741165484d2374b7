"""The dyad report as one self-contained HTML file: inline CSS and an inline SVG chart, no script, no
external fetch. Every value from the store is escaped; a Content-Security-Policy forbids scripts and
remote loads, so even a mistake here could not run code from an article."""

from __future__ import annotations

from html import escape
from typing import Any

from .. import __version__
from ..filters import QUAD_CLASSES
from .chart import trend_svg
from .text import distinct_mentions

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.warning{background:#fff3cd;border:1px solid #e0b400;padding:.6rem .8rem;border-radius:4px}
.event{margin:0 0 1.2rem}.event .head{font-weight:600}.sentence{margin:.3rem 0 .2rem 1rem;font-style:italic}
.source{margin-left:1rem;color:#555;font-size:.9rem}table{border-collapse:collapse}
td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left}td.n{text-align:right}
footer{margin-top:2rem;color:#777;font-size:.8rem}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _safe_url(url: Any) -> str | None:
    # Only web links become links: a javascript: or data: URL from an article stays text, never followed.
    text = str(url or "")
    return text if text.lower().startswith(("http://", "https://")) else None


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "(no target)"
    return f"{_e(actor.get('name') or actor.get('text'))} <small>[{_e(actor.get('code') or '?')}]</small>"


def render_html(profile: dict[str, Any], *, names: dict[str, str] | None = None) -> str:
    names = names or {}
    a, b = profile["a"], profile["b"]
    arrow = "&harr;" if profile["both_directions"] else "&rarr;"
    title = f"{names.get(a, a)} {'<->' if profile['both_directions'] else '->'} {names.get(b, b)}"
    t = profile["totals"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{_e(title)}: eventwire dyad report</title><style>{STYLE}</style></head><body>",
        f"<h1>{_e(names.get(a, a))} ({_e(a)}) {arrow} {_e(names.get(b, b))} ({_e(b)})</h1>",
    ]
    if not t["events"]:
        parts.append("<p>No events between these actors in the store for this period.</p>")
    else:
        mean = f"{t['goldstein_mean']:+.2f}" if t["goldstein_mean"] is not None else "n/a"
        parts.append(
            f"<p>{t['events']} event(s) in {t['mentions']} report(s), {_e(t['first_date'])} to "
            f"{_e(t['last_date'])}: {t['cooperation']} cooperation, {t['conflict']} conflict, "
            f"mean Goldstein {mean}.</p>"
        )
    if profile.get("dominance"):
        parts.append(f'<p class="warning" id="dominance"><strong>Warning:</strong> '
                     f"{_e(profile['dominance']['message'])}</p>")

    parts.append(f"<h2>Cooperation and conflict by {_e(profile['series']['by'])}</h2>")
    parts.append(trend_svg(profile["series"]))
    if profile["series"].get("undated"):
        parts.append(f"<p>{profile['series']['undated']} undated event(s) are not in the chart.</p>")

    parts.append("<h2>Key events</h2>")
    for event in profile["key_events"]:
        quad = QUAD_CLASSES.get(event["quad_class"], "?")
        parts.append(
            f'<div class="event"><div class="head">{_e(event["date"] or "undated")}: '
            f"{_actor(event['source'])} "
            f"&rarr; {_actor(event['target'])}: {_e(event['cameo'])} {_e(event.get('cameo_name'))} "
            f"({_e(event.get('plover') or '-')}, {_e(quad)}, Goldstein {event['goldstein']:+.1f})"
            + (f" in {_e(event['location'].get('name'))}" if event.get("location") else "")
            + "</div>"
        )
        for m in distinct_mentions(event.get("mentions", [])):
            parts.append(f'<blockquote class="sentence">{_e(m["text"])}</blockquote>')
            src = _e(m.get("publisher") or "unknown publisher")
            if m.get("attribution"):
                src += f", credited to {_e(m['attribution'])}"
            link = _safe_url(m.get("url"))
            label = _e(m.get("title") or m.get("url") or m.get("article_id"))
            src += f': <a href="{_e(link)}">{label}</a>' if link else f": {label}"
            parts.append(f'<div class="source">{src}</div>')
        parts.append("</div>")

    parts.append("<h2>Who spoke for each side</h2><table><tr><th>side</th><th>actor</th><th>code</th>"
                 "<th>events</th><th>as source</th></tr>")
    for side in (a, b):
        for s in profile["speakers"].get(side) or []:
            parts.append(
                f"<tr><td>{_e(side)}</td><td>{_e(s['name'])}</td><td>{_e(s['code'])}</td>"
                f'<td class="n">{s["events"]}</td><td class="n">{s["as_source"]}</td></tr>'
            )
    parts.append("</table>")

    parts.append("<h2>Outlets</h2><table><tr><th>publisher</th><th>reports</th></tr>")
    for o in profile["outlets"]["publishers"]:
        parts.append(f'<tr><td>{_e(o["name"] or "unknown")}</td><td class="n">{o["mentions"]}</td></tr>')
    parts.append("</table><table><tr><th>credited source</th><th>reports</th></tr>")
    for o in profile["outlets"]["attributions"]:
        parts.append(f'<tr><td>{_e(o["name"])}</td><td class="n">{o["mentions"]}</td></tr>')
    parts.append("</table>")
    parts.append(f"<footer>eventwire {_e(__version__)} dyad report</footer></body></html>")
    return "\n".join(parts) + "\n"

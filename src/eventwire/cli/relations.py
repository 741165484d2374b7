"""`eventwire dyad` (a relationship report) and `eventwire serve` (the HTTP API and the dashboard)."""

from __future__ import annotations

from datetime import date as Date
from enum import StrEnum
from pathlib import Path

import typer

from ..store.schema import DEFAULT_DB
from .app import app, fail


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


def _day(value: str | None, flag: str) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} {value!r} is not a date; use YYYY-MM-DD")
    return None


@app.command("dyad")
def dyad_command(
    a: str = typer.Argument(..., help="One side: a country code (RUS) or an actor code (RUSGOV)."),
    b: str = typer.Argument(..., help="The other side, the same way."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The store to read."),
    since: str | None = typer.Option(None, "--since", help="First day (YYYY-MM-DD), inclusive."),
    until: str | None = typer.Option(None, "--until", help="Last day (YYYY-MM-DD), inclusive."),
    by: Period = typer.Option(Period.month, "--by", help="Trend granularity."),
    both: bool = typer.Option(True, "--both/--one-way", help="Both directions (default) or only A -> B."),
    html: Path | None = typer.Option(None, "--html", help="Also write a self-contained HTML report here."),
    events: int = typer.Option(10, "--events", min=0, max=200, help="How many key events to show."),
) -> None:
    """How are A and B getting on? Trend, key events with their sentences, speakers and outlets."""
    from ..report import dyad_report

    report = dyad_report(
        db, a, b, since=_day(since, "--since"), until=_day(until, "--until"), by=by.value,
        both_directions=both, key_events=events,
    )
    typer.echo(report.text(), nl=False)
    if html is not None:
        html.write_text(report.html(), encoding="utf-8")
        typer.echo(f"eventwire: wrote {html}", err=True)


@app.command("serve")
def serve_command(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The store to serve."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    allow_write: bool = typer.Option(False, "--allow-write", help="Enable POST /api/ingest (needs --token)."),
    token: str | None = typer.Option(
        None, "--token", envvar="EVENTWIRE_API_TOKEN",
        help="Bearer token that POST /api/ingest requires (or set EVENTWIRE_API_TOKEN).",
    ),
) -> None:
    """Serve the JSON API (OpenAPI at /openapi.json) and the dashboard (/) over a store."""
    import uvicorn

    from ..api import create_app

    if allow_write and not token:
        fail("--allow-write needs --token TOKEN (or EVENTWIRE_API_TOKEN): writes are never open to anyone")
    if token and len(token) < 16:
        fail("--token must be at least 16 characters")
    if not db.exists():
        typer.echo(f"eventwire: {db} does not exist yet; the API answers 503 until it does", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"eventwire: warning: serving on {host}, reachable from other machines", err=True)
    application = create_app(db, allow_write=allow_write, token=token if allow_write else None)
    typer.echo(f"eventwire: serving {db} on http://{host}:{port}/ (API schema: /openapi.json)", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")

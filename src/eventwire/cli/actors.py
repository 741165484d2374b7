"""`eventwire actors MENTION`: show how a mention resolves to an actor, and why (issue 4)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer

from .app import app, fail


@app.command("actors")
def actors_command(
    mention: str = typer.Argument(..., help='An actor mention, e.g. "Kremlin spokesman Dmitry Peskov".'),
    date: str | None = typer.Option(None, "--date", help="The article date (YYYY-MM-DD): picks dated roles."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary files (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of text."),
    model: str | None = typer.Option(None, "--model", help="Another installed spaCy pipeline to use."),
) -> None:
    """Resolve one actor mention to its code, country, sector and name, showing each step."""
    from ..actors import ActorResolver
    from ..errors import DataFileError

    day = None
    if date is not None:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            fail(f"--date {date!r} is not a date; use YYYY-MM-DD")
    if not mention.strip():
        fail("the mention is empty")
    try:
        resolver = ActorResolver.load(extra_files=[str(a) for a in actors])
    except DataFileError as err:
        fail(str(err))
    res = resolver.resolve_text(mention, date=day, model=model)
    a = res.actor
    if as_json:
        typer.echo(json.dumps({"actor": a.to_dict(), "is_actor": res.is_actor, "date": date, "why": res.why},
                              ensure_ascii=False))
        return
    typer.echo(f"mention:  {a.text}")
    typer.echo(f"code:     {a.code or '-'}")
    typer.echo(f"country:  {a.country or '-'}")
    typer.echo(f"sector:   {a.sector or '-'}")
    typer.echo(f"name:     {a.name or '-'}")
    typer.echo(f"actor:    {'yes' if res.is_actor else 'no'} ({a.basis})")
    typer.echo("why:")
    for step in res.why:
        typer.echo(f"  - {step}")

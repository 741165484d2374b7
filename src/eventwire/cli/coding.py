"""`eventwire code` and `eventwire demo`: code articles to events."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from ..errors import InputError
from .app import app, date_option, fail


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command("code")
def code_command(
    inputs: list[str] = typer.Argument(..., help="Files (.txt .jsonl .csv ...), directories, or '-' for stdin."),
    fmt: OutputFormat | None = typer.Option(
        None, "--format", "-f", help="Output format. Default: table on a terminal, jsonl otherwise."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write to this file instead of standard output."),
    date: str | None = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) of .txt and stdin inputs."),
    model: str | None = typer.Option(None, "--model", help="Another installed spaCy pipeline to use."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary files (repeatable)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="Where to run: local processes, or a Ray cluster."),
    workers: int | None = typer.Option(
        None, "--workers", "-w", min=1, help="Worker processes (local, default 1) or actors (ray: one per CPU)."
    ),
    address: str | None = typer.Option(None, "--address", help="Ray cluster address (default: start a local one)."),
    shards: Path | None = typer.Option(
        None, "--shards", help="With --engine ray: write Parquet shards + manifest here (for ingest --from-parquet)."
    ),
) -> None:
    """Code articles into events: one JSON line per event (or CSV, or a table)."""
    from .. import formats
    from ..engines import run as run_engine
    from ..ingest import read_inputs

    published = date_option(date, "--date")
    if fmt is None:
        fmt = OutputFormat.table if out is None and sys.stdout.isatty() else OutputFormat.jsonl
    if (address or shards) and engine is not Engine.ray:
        fail("--address and --shards are for --engine ray")
    if shards is not None:
        _code_to_shards(inputs, shards, workers=workers, address=address, model=model, actors=actors, date=published)
        return
    stats = {"articles": 0, "events": 0, "errors": 0}

    def report(err: InputError) -> None:
        stats["errors"] += 1
        typer.echo(f"eventwire: skipped {err.path}: {err.reason}", err=True)

    def articles():
        for item in read_inputs(inputs, default_date=published):
            if isinstance(item, InputError):
                report(item)
                continue
            stats["articles"] += 1
            yield item

    options = {"address": address} if engine is Engine.ray else {}
    # Ray's 0 means one actor per cluster CPU; the local engine runs in this process by default.
    n_workers = workers or (0 if engine is Engine.ray else 1)
    results = run_engine(
        articles(),
        engine=engine.value,
        workers=n_workers,
        model=model,
        actor_files=[str(a) for a in actors],
        **options,
    )
    sink = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        table_rows = []
        wrote_header = False
        for _article, events in results:
            if isinstance(events, InputError):  # the article was read but coding it failed
                report(events)
                continue
            stats["events"] += len(events)
            if fmt is OutputFormat.jsonl:
                sink.writelines(formats.jsonl_line(e) for e in events)
            elif fmt is OutputFormat.csv:
                sink.write(formats.csv_text(events, header=not wrote_header))
                wrote_header = True
            else:
                table_rows.extend(events)
        if fmt is OutputFormat.table:
            sink.write(formats.table_text(table_rows))
        if fmt is OutputFormat.csv and not wrote_header:
            sink.write(formats.csv_text([], header=True))
    finally:
        if out:
            sink.close()
    summary = getattr(results, "summary", None)
    if summary:
        typer.echo(f"eventwire: ray run: {summary}", err=True)
    typer.echo(
        f"eventwire: {stats['articles']} article(s), {stats['events']} event(s), {stats['errors']} input error(s)",
        err=True,
    )
    if stats["articles"] == 0:
        raise typer.Exit(1)


def _code_to_shards(inputs, shards: Path, *, workers, address, model, actors, date) -> None:
    """The cluster-side path: Ray Data reads the inputs in shards; nothing passes through this process."""
    from ..engines.ray import code_to_shards

    manifest = code_to_shards(
        inputs,
        shards,
        workers=workers,
        address=address,
        model=model,
        actor_files=[str(a) for a in actors],
        default_date=date,
    )
    typer.echo(
        f"eventwire: {manifest.articles} article(s), {manifest.events} event(s), {manifest.errors} error(s) "
        f"in {len(manifest.shards)} shard(s) at {shards}; run summary: {manifest.run}",
        err=True,
    )
    if manifest.articles == 0:
        raise typer.Exit(1)


@app.command("demo")
def demo_command() -> None:
    """Code the bundled sample articles and print a summary."""
    from .. import formats
    from ..pipeline import code_articles
    from ..samples import load_sample_articles
    from ..summary import summarise

    articles = load_sample_articles()
    coded = list(code_articles(articles))
    summary = summarise(coded)
    typer.echo(summary.text())
    typer.echo("")
    typer.echo(formats.table_text([e for _a, events in coded for e in events]))

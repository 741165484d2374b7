"""`eventwire ingest`, `errors`, `export`, `migrate`: thin commands over eventwire.store and .export."""

from __future__ import annotations

import sys
import time
from enum import StrEnum
from pathlib import Path

import typer

from .app import app, date_option, fail

DB_HELP = "The DuckDB store file."


class ExportFormat(StrEnum):
    plover = "plover"
    gdelt = "gdelt"
    icews = "icews"
    csv = "csv"
    parquet = "parquet"


class _Progress:
    """Progress on stderr: one updating line on a terminal, a line every few seconds otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, p) -> None:
        now = time.monotonic()
        if p.done:
            if self.tty and self.last:
                sys.stderr.write("\n")
            return
        if not self.tty and now - self.last < 5.0:
            return
        self.last = now
        line = (
            f"eventwire: {p.articles_new:,} new article(s) ({p.articles_per_second:.1f}/s, "
            f"{p.megabytes_per_second:.2f} MB/s), {p.articles_skipped:,} already stored, "
            f"{p.mentions:,} event mention(s), {p.errors:,} error(s)"
        )
        sys.stderr.write(("\r" + line + "\x1b[K") if self.tty else line + "\n")
        sys.stderr.flush()


@app.command("ingest")
def ingest_command(
    inputs: list[str] = typer.Argument(
        None, help="Files (.txt .jsonl .csv .html .rss .atom .xml .warc[.gz]) or folders."
    ),
    db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help=DB_HELP),
    workers: int | None = typer.Option(
        None, "--workers", "-w", min=1, help="Worker processes (local, default 1) or actors (ray: one per CPU)."
    ),
    from_parquet: Path | None = typer.Option(
        None, "--from-parquet", help="Load a directory of Parquet shards (and its manifest) written by the Ray engine."
    ),
    engine: str = typer.Option(
        "local", "--engine", help="Where to run the coding: local (or ray, if installed)."
    ),
    address: str | None = typer.Option(
        None, "--address", help="With --engine ray: the address of an existing Ray cluster."
    ),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per committed batch."),
    date: str | None = typer.Option(
        None, "--date", help="Publication date (YYYY-MM-DD) for inputs without one."
    ),
    model: str | None = typer.Option(None, "--model", help="Another installed spaCy pipeline to use."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor dictionary files (repeatable)."),
) -> None:
    """Code articles into the store: idempotent (stored texts are skipped), resumable (rerun after a stop)."""
    from ..store import ingest

    if from_parquet is not None:
        if inputs:
            fail("give either input files or --from-parquet DIR, not both")
        _load_parquet(from_parquet, db)
        return
    if not inputs:
        fail("nothing to ingest: give files or folders, or --from-parquet DIR")
    published = date_option(date, "--date")
    try:
        summary = ingest(
            inputs,
            db=db,
            # Ray's 0 means one actor per cluster CPU; the local engine codes in this process by default.
            workers=workers or (0 if engine == "ray" else 1),
            engine=engine,
            batch_size=batch_size,
            default_date=published,
            model=model,
            actor_files=[str(a) for a in actors],
            progress=_Progress(),
            engine_options={"address": address} if address else None,
        )
    except KeyboardInterrupt:
        fail("interrupted; run the same command again to finish (stored articles are skipped)", code=130)
    typer.echo(
        f"eventwire: run {summary.run_id} into {db}: {summary.articles_read:,} article(s) read, "
        f"{summary.articles_new:,} stored, {summary.articles_skipped:,} already stored, "
        f"{summary.mentions:,} event mention(s) -> {summary.events_new:,} new event(s), "
        f"{summary.errors:,} error(s) in {summary.seconds:.1f}s "
        f"({summary.articles_per_second:.1f} articles/s, {summary.megabytes_per_second:.2f} MB/s)",
        err=True,
    )
    if summary.errors:
        typer.echo(f"eventwire: see the errors with: eventwire errors --db {db}", err=True)


def _load_parquet(shard_dir: Path, db: Path) -> None:
    from ..engines.shards import load_shards_into_store

    totals = load_shards_into_store(db, shard_dir)
    typer.echo(
        f"eventwire: loaded {shard_dir} into {db}: {totals['articles_new']:,} article(s) stored, "
        f"{totals['articles_skipped']:,} already stored, {totals['mentions_new']:,} event mention(s) -> "
        f"{totals['events_new']:,} new event(s), {totals['errors']:,} error(s)",
        err=True,
    )


@app.command("errors")
def errors_command(db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help=DB_HELP)) -> None:
    """List the inputs that could not be read or coded, with the reason."""
    from ..store import list_errors

    records = list_errors(db)
    for r in records:
        times = f" (x{r.occurrences})" if r.occurrences > 1 else ""
        typer.echo(f"{r.path}\t{r.code}\t{r.reason}{times}\t{r.last_seen:%Y-%m-%d %H:%M:%S}")
    typer.echo(f"eventwire: {len(records)} error(s) in {db}", err=True)


@app.command("export")
def export_command(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="plover, gdelt, icews, csv or parquet."),
    db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help=DB_HELP),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write here instead of standard output."),
    since: str | None = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Events on or before this date (YYYY-MM-DD)."),
    country: str | None = typer.Option(None, "--country", help="Source or target country (ISO alpha-3)."),
    plover: str | None = typer.Option(None, "--plover", help="PLOVER event type, e.g. CONSULT."),
    cameo: str | None = typer.Option(None, "--cameo", help="CAMEO code or prefix, e.g. 04 or 042."),
    min_confidence: float | None = typer.Option(
        None, "--min-confidence", help="Only events coded with at least this confidence (0-1)."),
) -> None:
    """Export the deduplicated events in the field's formats."""
    from ..export import export_events
    from ..store import EventFilter

    where = EventFilter(
        country=country,
        plover=plover,
        cameo=cameo,
        min_confidence=min_confidence,
        since=date_option(since, "--since"),
        until=date_option(until, "--until"),
    )
    if fmt is ExportFormat.parquet:
        if out is None:
            fail("parquet is a binary format: give a file with --out FILE")
        count = export_events(db, fmt=fmt.value, out=out, where=where)
    elif out is None:
        count = export_events(db, fmt=fmt.value, out=sys.stdout, where=where)
    else:
        with out.open("w", encoding="utf-8", newline="") as sink:
            count = export_events(db, fmt=fmt.value, out=sink, where=where)
    typer.echo(f"eventwire: exported {count:,} event(s) as {fmt.value}", err=True)


@app.command("migrate")
def migrate_command(db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help=DB_HELP)) -> None:
    """Upgrade a store written by an older eventwire to this version's schema (refuses newer stores)."""
    from ..store import SCHEMA_VERSION, connect

    if not db.exists():
        fail(f"{db}: no such store")
    connect(db, read_only=False).close()
    typer.echo(f"eventwire: {db} is at store schema v{SCHEMA_VERSION}", err=True)

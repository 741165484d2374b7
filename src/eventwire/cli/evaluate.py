"""`eventwire eval GOLD`: score the coder against a gold file (thin over eventwire.evaluation)."""

from __future__ import annotations

import json

import typer

from .app import app, fail


@app.command("eval")
def eval_command(
    gold: str = typer.Argument(
        ..., help="Gold file: PLV TSV (sentence, gold_root, source, target) or PLOVER JSON/JSONL."
    ),
    errors: bool = typer.Option(False, "--errors", help="List the misses (no event, wrong type) for study."),
    split: str = typer.Option(
        "all", "--split", help="all, tune, or heldout (the last 30% of each gold type's rows)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object."),
) -> None:
    """Score the event coder against GOLD: per-type P/R/F1, type recall, event precision, actor-matched
    type accuracy, quad-class accuracy, actor overlap."""
    from ..errors import GoldFileError
    from ..evaluation import SPLITS, evaluate, format_report

    if split not in SPLITS:
        fail(f"--split must be one of {', '.join(SPLITS)}, not {split!r}")
    try:
        report = evaluate(gold, split=split)
    except GoldFileError as err:
        fail(str(err))
        return
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=1))
    else:
        typer.echo(format_report(report, errors=errors))

"""The typer app every command module registers on. Commands stay thin: parse flags, call the library, print."""

from __future__ import annotations

from datetime import date as Date

import typer

from .. import __version__
from ..ingest.normalise import parse_date

app = typer.Typer(
    name="eventwire",
    help="Political event data from news: who did what to whom, when, where, and according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """eventwire: code news into CAMEO/PLOVER events with their evidence."""


def date_option(value: str | None, flag: str) -> Date | None:
    """A YYYY-MM-DD option as a date (None when not given); a clear error when it is not one."""
    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        fail(f"{flag} {value!r} is not a date; use YYYY-MM-DD")
    return day


def fail(message: str, *, code: int = 1) -> None:
    """Print one clear line to stderr and exit non-zero."""
    typer.echo(f"eventwire: {message}", err=True)
    raise typer.Exit(code)

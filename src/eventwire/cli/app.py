"""The typer app every command module registers on. Commands stay thin: parse flags, call the library, print."""

from __future__ import annotations

import typer

from .. import __version__

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


def fail(message: str, *, code: int = 1) -> None:
    """Print one clear line to stderr and exit non-zero."""
    typer.echo(f"eventwire: {message}", err=True)
    raise typer.Exit(code)

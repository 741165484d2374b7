"""Command-line interface: `eventwire COMMAND`. Each module registers its commands on `app`."""

from __future__ import annotations

import sys

from ..errors import EventwireError
from . import (
    actors,  # noqa: F401,E402
    coding,  # noqa: F401,E402  (registers code, demo)
    evaluate,  # noqa: F401,E402
    relations,  # noqa: F401,E402
    store,  # noqa: F401,E402
)
from .app import app


def main() -> None:
    try:
        app()
    except EventwireError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        sys.exit(2)

"""Command-line interface: `eventwire COMMAND`. Each module registers its commands on `app`."""

from __future__ import annotations

import sys

from ..errors import EventwireError
from .app import app
from . import coding  # noqa: F401,E402  (registers code, demo)
from . import relations  # noqa: F401,E402
from . import actors  # noqa: F401,E402
from . import store  # noqa: F401,E402
from . import evaluate  # noqa: F401,E402


def main() -> None:
    try:
        app()
    except EventwireError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        sys.exit(2)

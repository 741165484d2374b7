"""Run every benchmark under bench/ in turn with its defaults; each prints its own figures.

Usage: .venv/bin/python bench/run_all.py [--shared ../shared/data]
A benchmark whose data is absent says so and is skipped.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    failures = 0
    for script in sorted(HERE.glob("*.py")):
        if script.name == Path(__file__).name:
            continue
        print(f"== {script.name}", flush=True)
        rc = subprocess.call([sys.executable, str(script)])
        failures += rc != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

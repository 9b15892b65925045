"""The `multipolar` command line (typer + rich). The library never prints or exits: this package does.

Each command group is a module that registers its commands on `common.app`; importing them here, in
the order `--help` lists them, assembles the command."""

from __future__ import annotations

import sys

from multipolar.cli import actors, analyze, corpus, evaluate, queries  # noqa: F401  (they register their commands)
from multipolar.cli.common import app, err

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
    except KeyboardInterrupt:
        err.print("multipolar: interrupted")
        sys.exit(130)

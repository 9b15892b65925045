"""The `multipolar` command line (typer + rich): `multipolar.cli:main` is the console script."""

from multipolar.cli.app import main

__all__ = ["main"]

"""Every command and every setting is documented in the README (a new one without docs fails here)."""

from __future__ import annotations

import dataclasses

import typer

from multipolar.cli.app import app
from multipolar.settings import Settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: typer.Typer, prefix: str = "multipolar") -> list[str]:
    names = [f"{prefix} {c.name or c.callback.__name__}" for c in group.registered_commands]  # type: ignore[union-attr]
    for sub in group.registered_groups:
        names += _commands(sub.typer_instance, f"{prefix} {sub.name}")  # type: ignore[arg-type]
    return names


def test_every_command_is_in_the_readme() -> None:
    assert [name for name in _commands(app) if name not in README] == []


def test_every_setting_is_in_the_readme() -> None:
    assert [f.name for f in dataclasses.fields(Settings) if f"`{f.name}`" not in README] == []

"""`multipolar actors lookup` and `actors list`: what the gazetteer (and your actors files) know."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from typing import Annotated

import typer
from rich.table import Table

from multipolar.cli.common import (
    ActorsOption,
    SettingsOption,
    _date_option,
    _settings,
    app,
    fail,
)
from multipolar.errors import MultipolarError
from multipolar.records import Article

actors_app = typer.Typer(no_args_is_help=True, help="Look up the actors multipolar knows.")
app.add_typer(actors_app, name="actors")


@actors_app.command("lookup")
def actors_lookup(
    name: Annotated[str, typer.Argument(help="A name, title or phrase: 'the Kremlin', 'Chinese President'.")],
    date: Annotated[str | None, typer.Option(help="Resolve offices as of this date (YYYY-MM-DD).")] = None,
    actors: ActorsOption = None,
    settings_file: SettingsOption = None,
) -> None:
    """What a name resolves to (on a date): code, kind, country, role, office, and where it came from."""
    from multipolar.pipeline import analyze as run

    try:
        settings = _settings(actors, settings_file)
        day = _date_option(date) or dt.date.today()
        analysis = run(Article(name, date=day), settings=settings.replace(min_words=1,
                                                                            min_english_ratio=0.0))
    except MultipolarError as exc:
        fail(str(exc))
    if not analysis.actors:
        fail(f"{name!r}: no actor known by that name")
    table = Table("mention", "code", "name", "kind", "country", "role", "office", "from", "id")
    for actor in analysis.actors:
        for mention in actor.mentions:
            table.add_row(mention.text, actor.code, actor.name, actor.kind, actor.country or "", actor.role or "",
                          actor.title or actor.office or actor.category or "", actor.origin or "",
                          actor.origin_id or "")
    from multipolar.present.terminal import console

    console().print(table)


@actors_app.command("list")
def actors_list(
    kind: Annotated[str | None, typer.Option(help="Only this kind: state, igo, bloc, person, organization.")]
        = None,
    actors: ActorsOption = None,
    settings_file: SettingsOption = None,
) -> None:
    """Every actor the gazetteer (and your files) define, as tab-separated lines."""
    from multipolar.coding.gazetteer import STATE_KINDS
    from multipolar.nlp.spacy_pipeline import shared_gazetteer

    try:
        settings = _settings(actors, settings_file)
        gazetteer = shared_gazetteer(tuple(str(p) for p in settings.actors_files), settings.knowledge_base)
    except MultipolarError as exc:
        fail(str(exc))
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["code", "name", "kind", "country", "sector"])
    for code in sorted(gazetteer.actors):
        info = gazetteer.actors[code]
        shown = "state" if info.kind in STATE_KINDS else info.kind
        if kind is None or kind == shown:
            out.writerow([code, info.name, shown, info.country or "", info.sector or ""])



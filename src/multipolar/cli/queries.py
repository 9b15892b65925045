"""The query commands of the `multipolar` CLI: a dyad's periods, the top dyads, blocs and money flows of a
store, written for people in the terminal (sized by `multipolar.present.terminal`), as CSV or as JSON. An empty
result says why on stderr; an unknown actor code is an error naming the actors it may have meant."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from multipolar.cli.common import (
    DbOption,
    SettingsOption,
    TableFormat,
    _known_codes,
    app,
    err,
    fail,
    settings_from,
)
from multipolar.errors import MultipolarError


def _print_frame(frame: object, output_format: TableFormat, table: Any = None) -> None:
    """CSV and JSON as the frame holds them; text as `table` (a rich Table built for people) or a plain one."""
    import pandas as pd

    from multipolar.present.terminal import console

    assert isinstance(frame, pd.DataFrame)
    if output_format is TableFormat.csv:
        sys.stdout.write(frame.to_csv(index=False))
    elif output_format is TableFormat.json:
        sys.stdout.write(frame.to_json(orient="records", indent=1) + "\n")
    else:
        if table is None:
            table = Table(*[str(c) for c in frame.columns])
            for row in frame.itertuples(index=False):
                table.add_row(*["" if v is None else str(v) for v in row])
        console().print(table)


def _note(message: str) -> None:
    """Why a result is empty, on stderr (stdout stays empty for scripts)."""
    err.print(f"multipolar: {message}", highlight=False, markup=False)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="Actor code, e.g. CHN")],
    b: Annotated[str, typer.Argument(help="Actor code, e.g. RUS")],
    db: DbOption,
    by: Annotated[str, typer.Option(help="month, quarter or year")] = "year",
    since: Annotated[str | None, typer.Option(help="Only events from this date (YYYY-MM-DD).")] = None,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
    settings_file: SettingsOption = None,
) -> None:
    """The time series of one dyad: events each way, Goldstein sum and mean, share of cooperation, types."""
    settings_from(settings_file)
    from multipolar.corpus.queries import dyad_counts, dyad_series
    from multipolar.present.report import sparkline
    from multipolar.present.terminal import dyad_table, width

    a, b = a.upper(), b.upper()
    try:
        _known_codes(db, a, b)
        frame = dyad_series(db, a, b, by=by, since=since)  # type: ignore[arg-type]
        if frame.empty:
            _note(_why_no_series(a, b, dyad_counts(db, a, b), since, by, frame.attrs.get("coarser", 0)))
            return
    except (MultipolarError, ValueError) as exc:
        fail(str(exc))
    _print_frame(frame, output_format, dyad_table(frame, a, b, width()))
    if output_format is TableFormat.text:
        err.print(f"Goldstein {sparkline([float(v) for v in frame['goldstein_sum']])}  "
                  f"{frame['label'].iloc[0]} … {frame['label'].iloc[-1]}", highlight=False)
        if frame.attrs.get("coarser"):
            _note(f"{frame.attrs['coarser']} events dated less precisely than a {by} are not in these periods")


def _why_no_series(a: str, b: str, counts: tuple[int, int], since: str | None, by: str, coarser: int) -> str:
    total, counted = counts
    if total == 0:
        return f"no events between {a} and {b} in this store"
    if counted == 0:
        return (f"no counted events between {a} and {b}: their {total} stored events are negated, hypothetical"
                " or undated")
    if coarser:
        return f"{coarser} events between {a} and {b} are dated less precisely than a {by}: try --by year"
    return f"no counted events between {a} and {b} since {since} ({counted} in all, all before)"


@app.command()
def top(
    db: DbOption,
    limit: Annotated[int, typer.Option(help="How many dyads.")] = 20,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
    settings_file: SettingsOption = None,
) -> None:
    """The dyads with most events, their Goldstein total and their change over the last year."""
    settings_from(settings_file)
    from multipolar.corpus.queries import top_dyads
    from multipolar.present.terminal import top_table, width

    try:
        frame = top_dyads(db, limit=limit)
    except MultipolarError as exc:
        fail(str(exc))
    if frame.empty:
        _note(f"no counted events between two actors in {db}")
        return
    _print_frame(frame, output_format, top_table(frame, width()))


@app.command("blocs")
def blocs_command(
    db: DbOption,
    year: Annotated[int | None, typer.Option(help="Only this year's events.")] = None,
    over_time: Annotated[bool, typer.Option("--over-time", help="Membership year by year.")] = False,
    min_events: Annotated[int, typer.Option(help="Counted events a dyad needs to count as a tie.", min=1)] = 2,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f", help="text or json")] = TableFormat.text,
    settings_file: SettingsOption = None,
) -> None:
    """Groups of actors that side together across the corpus (or one year, or year by year): a signed
    community detection over net cooperation and conflict. One bloc a line; the method on stderr."""
    settings_from(settings_file)
    from multipolar.corpus.queries import bloc_partition, bloc_partitions, event_years

    try:
        years = event_years(db)
        partitions = bloc_partitions(db, min_events=min_events) if over_time else [
            bloc_partition(db, year=year, min_events=min_events)]
    except MultipolarError as exc:
        fail(str(exc))
    if output_format is TableFormat.json:
        sys.stdout.write(json.dumps([p.as_dict() for p in partitions], indent=1) + "\n")
        return
    if not years:
        _note(f"no counted events in {db}, so no blocs")
        return
    if year is not None and year not in years:
        _note(f"no counted events in {year}: the store has them in {_year_span(years)}")
        return
    for partition in partitions:
        for group in partition.groups():
            sys.stdout.write((f"{partition.period}\t" if over_time else "") + " ".join(group) + "\n")
        if not partition.blocs:
            _note(f"no blocs{f' in {partition.period}' if partition.period else ''}: of {partition.actors} actors "
                  "with net ties, no two side together")
    if partitions:
        _note(f"method: {partitions[0].method}"
              + ("" if over_time else f"; modularity {partitions[0].modularity:.2f}"))


def _year_span(years: tuple[int, ...]) -> str:
    missing = [y for y in range(years[0], years[-1] + 1) if y not in years]
    return f"{years[0]}–{years[-1]}" + (f" (not {', '.join(map(str, missing))})" if missing else "")


@app.command()
def flows(
    db: DbOption,
    a: Annotated[str | None, typer.Argument(help="An actor code, e.g. CHN")] = None,
    b: Annotated[str | None, typer.Argument(help="Another actor code, e.g. RUS")] = None,
    measure: Annotated[str | None, typer.Option(help="imports, exports, bilateral_trade, aid, ...")] = None,
    output_format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.text,
    settings_file: SettingsOption = None,
) -> None:
    """Money figures over time between actors, each with the document and sentence it came from."""
    settings_from(settings_file)
    from multipolar.corpus.queries import flows as stored_flows
    from multipolar.present.terminal import flows_table, width

    a, b = a and a.upper(), b and b.upper()
    try:
        _known_codes(db, a, b)
        frame = stored_flows(db, a, b, measure=measure)
    except MultipolarError as exc:
        fail(str(exc))
    if frame.empty:
        between = f" between {a} and {b}" if b else f" naming {a}" if a else ""
        _note(f"no money figures{between}{f' with measure {measure}' if measure else ''} in {db}")
        return
    _print_frame(frame, output_format, flows_table(frame, width()))

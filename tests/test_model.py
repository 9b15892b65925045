"""Relations, blocs and figure checks from hand-made records: no model needed."""

from __future__ import annotations

from typing import Any

from multipolar.model.checks import checks
from multipolar.model.document import blocs, relations, timeline
from multipolar.records import Change, Event, Period, Quantity, Span

EVIDENCE = Span(0, 1, "x")


def event(source: str, target: str, goldstein: float, quad: int, **kw: Any) -> Event:
    fields: dict[str, Any] = dict(
        source=source, target=target, source_actor=None, target_actor=None, source_text=source,
        target_text=target, plover="COOPERATE", cameo="06", goldstein=goldstein, quad_class=quad, mode=None,
        date="2022-02", negated=False, modality="asserted", confidence=0.8, sentence=0, evidence=EVIDENCE,
    )
    fields.update(kw)
    return Event(**fields)


def money(value: float, start: str, end: str, sentence: int = 0, change: Change | None = None,
          measure: str = "imports") -> Quantity:
    return Quantity(kind="money", value=value, unit="USD", qualifier="exact", measure=measure, from_="RUS",
                    to="CHN", parties=("CHN", "RUS"), items=("oil",), period=Period(start, end), change=change,
                    sentence=sentence, evidence=EVIDENCE, text=f"${value / 1e9:g} billion")


def test_relations_sum_by_unordered_dyad_and_skip_denied_events() -> None:
    found = relations((
        event("CHN", "RUS", 6.0, 2), event("RUS", "CHN", 3.5, 1), event("USA", "RUS", -4.5, 4),
        event("CHN", "USA", -2.0, 3), event("CHN", "RUS", 5.0, 1, negated=True),
        event("CHN", "RUS", 5.0, 1, modality="hypothetical"),
    ))
    by_pair = {(r.a, r.b): r for r in found}
    assert by_pair[("CHN", "RUS")].events == 2
    assert by_pair[("CHN", "RUS")].goldstein_total == 9.5
    assert by_pair[("RUS", "USA")].conflict == 4.5
    assert found[0].a == "CHN" and found[0].b == "RUS"


def test_blocs_group_cooperating_actors_and_split_on_conflict() -> None:
    found = relations((
        event("CHN", "RUS", 6.0, 2), event("IRN", "RUS", 4.0, 2), event("USA", "GBR", 5.0, 1),
        event("USA", "RUS", -8.0, 4), event("FRA", "GBR", 3.0, 1),
    ))
    assert blocs(found) == (("CHN", "IRN", "RUS"), ("FRA", "GBR", "USA"))
    mixed = relations((event("A", "B", 5.0, 1), event("B", "C", 5.0, 1), event("A", "C", -6.0, 4)))
    assert len(blocs(mixed)) == 1 and len(blocs(mixed)[0]) == 2


def test_implied_growth_is_checked_against_the_stated_rate() -> None:
    stated = Change("up", "2021", 55.5)
    found = checks((money(81e9, "2022-01-01", "2022-12-31", change=stated), money(52.1e9, "2021-01-01", "2021-12-31")))
    assert [c.status for c in found] == ["consistent"]
    assert "+55.5%" in found[0].message
    wrong = checks((money(81e9, "2022-01-01", "2022-12-31", change=Change("up", "2021", 20.0)),
                    money(52.1e9, "2021-01-01", "2021-12-31")))
    assert wrong[0].status == "inconsistent"
    none_stated = checks((money(81e9, "2022-01-01", "2022-12-31"), money(52.1e9, "2021-01-01", "2021-12-31")))
    assert none_stated[0].status == "unverifiable" and "+55.5%" in none_stated[0].message


def test_periods_of_different_length_are_not_compared() -> None:
    assert checks((money(81e9, "2022-01-01", "2022-12-31"), money(40e9, "2023-01-01", "2023-06-30"))) == ()


def test_a_part_larger_than_its_whole_is_flagged() -> None:
    part = money(90e9, "2022-01-01", "2022-12-31", measure="exports")
    whole = money(80e9, "2022-01-01", "2022-12-31", measure="bilateral_trade")
    assert any(c.kind == "part_exceeds_whole" and c.status == "inconsistent" for c in checks((part, whole)))


def test_timeline_orders_events_and_figures() -> None:
    entries = timeline((event("RUS", "UKR", -10, 4, date="2022-02-24"), event("CHN", "RUS", 1, 1, date="2019-06")),
                       (money(52.1e9, "2021-01-01", "2021-12-31"),))
    assert [e.date for e in entries] == ["2019-06", "2021", "2022-02-24"]
    assert entries[1].quantities == (0,) and entries[2].events == (0,)


def test_a_period_after_the_document_date_is_flagged() -> None:
    import datetime as dt

    late = money(10e9, "2024-01-01", "2024-06-30")
    found = checks((late,), dt.date(2023, 10, 20))
    assert [c.kind for c in found] == ["period_not_yet"] and found[0].status == "inconsistent"
    assert checks((late,), dt.date(2024, 7, 1)) == ()


def test_a_gain_with_a_growth_rate_shows_both_readings() -> None:
    gain = money(93.8e9, "2023-01-01", "2023-05-31", measure="bilateral_trade")
    gain = Quantity(**{**gain.__dict__, "described_as": "gain"})
    rate = Quantity(kind="percent", value=40.0, unit="percent", qualifier="more_than", measure="bilateral_trade",
                    from_=None, to=None, parties=(), items=(), period=None, change=Change("up", "2022", 40.0),
                    sentence=0, evidence=EVIDENCE, text="more than 40%")
    found = [c for c in checks((gain, rate)) if c.kind == "gain_or_total"]
    assert len(found) == 1 and found[0].status == "unverifiable"
    assert "$234.5 billion" in found[0].message and "$26.8 billion" in found[0].message


def test_a_symmetric_pair_is_one_row() -> None:
    from multipolar.model.document import one_row_per_pair

    pair = (event("CHN", "RUS", 6.0, 2), event("RUS", "CHN", 6.0, 2), event("CHN", "RUS", 6.0, 2, sentence=1),
            event("RUS", "CHN", 6.0, 2, negated=True))
    rows = one_row_per_pair(pair)
    assert [(index, both) for index, _, both in rows] == [(0, True), (2, False), (3, False)]

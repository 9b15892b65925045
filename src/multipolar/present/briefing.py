"""What a briefing on a store says: coverage, the dyads that matter and how they moved, notable events,
figures and where they disagree, each row carrying the document it cites (title, date, original URL).

Rows are plain dicts (one per SQL row) for the report templates; `References` numbers the documents
cited, in the order a reader meets them. Symmetric events (one sentence coding A->B and B->A) are one
row marked `both`. A dyad's quotations come from `corpus.listings.dyad_quotes`, which the web uses too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multipolar.corpus.listings import CITED, rows

COUNTED = "NOT e.negated AND e.modality IN ('asserted', 'reported', 'intended') AND e.day IS NOT NULL"


def url_of(source: str | None) -> str | None:
    """The original address, when a document's source is one (not a file name and line)."""
    return source if source and source.startswith(("https://", "http://")) else None


@dataclass
class References:
    """Documents cited, numbered in the order they are first cited."""

    cited: dict[str, dict[str, Any]] = field(default_factory=dict)

    def cite(self, row: dict[str, Any]) -> int:
        doc_id = row["doc_id"]
        if doc_id not in self.cited:
            self.cited[doc_id] = {"number": len(self.cited) + 1, "doc_id": doc_id,
                                  "title": row.get("doc_title") or "(untitled)", "date": row.get("doc_date"),
                                  "url": url_of(row.get("doc_source")), "source": row.get("doc_source")}
        return int(self.cited[doc_id]["number"])

    def listed(self) -> list[dict[str, Any]]:
        return sorted(self.cited.values(), key=lambda r: r["number"])


def coverage_by_year(db: Path) -> list[dict[str, Any]]:
    """Documents and counted events per year, every year from the first to the last (undated last): how
    much the store says about each year."""
    return rows(db, f"""
        WITH docs AS (SELECT year(date) AS year, count(*) AS documents FROM documents GROUP BY 1),
             counted AS (SELECT year(e.day) AS year, count(*) AS events FROM events e WHERE {COUNTED} GROUP BY 1),
             span AS (SELECT unnest(range(min(year), max(year) + 1)) AS year FROM docs WHERE year IS NOT NULL
                      UNION SELECT NULL WHERE EXISTS (SELECT 1 FROM docs WHERE year IS NULL))
        SELECT span.year, coalesce(documents, 0) AS documents, coalesce(events, 0) AS events
        FROM span LEFT JOIN docs ON docs.year IS NOT DISTINCT FROM span.year
        LEFT JOIN counted ON counted.year IS NOT DISTINCT FROM span.year ORDER BY span.year NULLS LAST""", [])


def left_out(db: Path) -> dict[str, int]:
    """Stored events that do not count in relations, by reason, and documents rejected at ingest."""
    found = rows(db, """
        SELECT count(*) FILTER (WHERE negated) AS negated,
               count(*) FILTER (WHERE NOT negated AND modality NOT IN ('asserted', 'reported', 'intended'))
                   AS hypothetical,
               count(*) FILTER (WHERE NOT negated AND modality IN ('asserted', 'reported', 'intended')
                                AND day IS NULL) AS undated,
               (SELECT count(*) FROM rejects) AS rejected
        FROM events""", [])[0]
    return {k: int(v or 0) for k, v in found.items()}


def moving_dyads(db: Path, limit: int = 10) -> tuple[list[int], list[dict[str, Any]]]:
    """The dyads with most counted events, with their events and net Goldstein year by year (the years of
    the store's documents: an event dated "by 2050" is no year of the corpus): the years, and one row per
    dyad with `years` ({year: (events, goldstein)}) and its change over the last two years."""
    yearly = rows(db, f"""
        WITH pairs AS (SELECT least(e.source, e.target) AS a, greatest(e.source, e.target) AS b,
                              year(e.day) AS year, e.goldstein FROM events e WHERE {COUNTED} AND e.source <> e.target
                       AND year(e.day) BETWEEN (SELECT min(year(date)) FROM documents)
                                           AND (SELECT max(year(date)) FROM documents)),
             top AS (SELECT a, b, count(*) AS events, sum(goldstein) AS total FROM pairs GROUP BY a, b
                     ORDER BY events DESC, abs(total) DESC, a, b LIMIT ?)
        SELECT p.a, p.b, top.events AS dyad_events, round(top.total, 2) AS goldstein_total, p.year,
               count(*) AS events, round(sum(p.goldstein), 2) AS goldstein
        FROM pairs p JOIN top USING (a, b) GROUP BY ALL ORDER BY dyad_events DESC, a, b, year""", [limit])
    years = sorted({r["year"] for r in yearly})
    dyads: dict[tuple[str, str], dict[str, Any]] = {}
    for r in yearly:
        dyad = dyads.setdefault((r["a"], r["b"]), {"a": r["a"], "b": r["b"], "events": r["dyad_events"],
                                                   "goldstein_total": r["goldstein_total"], "years": {}})
        dyad["years"][r["year"]] = (r["events"], r["goldstein"])
    for dyad in dyads.values():
        last, previous = (years[-1], years[-2]) if len(years) > 1 else (None, None)
        dyad["change"] = None if last is None else round(
            dyad["years"].get(last, (0, 0.0))[1] - dyad["years"].get(previous, (0, 0.0))[1], 2)
    return years, list(dyads.values())


def notable_events(db: Path, limit: int = 12, dyad: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """Material acts (quad classes 2 and 4) by weight and by how many documents report them: one row per
    dyad and event type, with the months it was reported in and its latest report as the example to cite."""
    a, b = dyad or (None, None)
    return rows(db, f"""
        WITH acts AS (
            SELECT e.*, least(e.source, e.target) AS low, greatest(e.source, e.target) AS high FROM events e
            WHERE {COUNTED} AND e.source <> e.target AND e.quad_class IN (2, 4)
              AND (? IS NULL OR (least(e.source, e.target) = least(?, ?) AND greatest(e.source, e.target)
                                 = greatest(?, ?)))),
        grouped AS (SELECT low, high, plover, count(DISTINCT doc_id) AS reports, max(abs(goldstein)) AS weight,
                           strftime(min(day), '%Y-%m') AS first_month, strftime(max(day), '%Y-%m') AS last_month
                    FROM acts GROUP BY ALL),
        example AS (SELECT * FROM acts QUALIFY row_number() OVER (PARTITION BY low, high, plover
                                                                  ORDER BY day DESC, doc_id, idx) = 1)
        SELECT x.doc_id, x.idx, x.source, x.target, x.plover, x.cameo, x.goldstein, x.quad_class, x.mode, x.date,
               x.modality, x.negated, x.sentence, x.evidence, g.reports, g.first_month, g.last_month, {CITED}
        FROM grouped g JOIN example x USING (low, high, plover) JOIN documents d ON d.id = x.doc_id
        ORDER BY g.weight * ln(1 + g.reports) DESC, g.last_month DESC, x.source, x.target LIMIT ?""",
        [a, a, b, a, b, limit])


def dyad_events(db: Path, a: str, b: str, limit: int = 80) -> list[dict[str, Any]]:
    """Every event between a and b (counted or not), newest first, a symmetric pair as one row (`both`)."""
    return rows(db, f"""
        SELECT e.doc_id, min(e.idx) AS idx, arg_min(e.source, e.idx) AS source,
               arg_min(e.target, e.idx) AS target, count(DISTINCT e.source) > 1 AS both, e.plover,
               e.cameo, e.goldstein, e.quad_class, e.mode, e.date, e.negated, e.modality, e.sentence, e.evidence,
               {CITED}
        FROM events e JOIN documents d ON d.id = e.doc_id
        WHERE (e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?)
        GROUP BY e.doc_id, e.sentence, e.plover, e.cameo, e.goldstein, e.quad_class, e.mode, e.date, e.negated,
                 e.modality, e.evidence, d.title, d.date, d.source
        ORDER BY e.date DESC NULLS LAST, e.doc_id, idx LIMIT ?""", [a, b, b, a, limit])


def largest_figures(db: Path, limit: int = 10, dyad: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    """The largest money figures (in USD), each once (the first document that states it)."""
    a, b = dyad or (None, None)
    return rows(db, f"""
        SELECT * FROM (
            SELECT q.doc_id, q.text, q.measure, q.from_actor, q.to_actor, q.parties, q.usd, q.period_start,
                   q.period_end, q.sentence, q.evidence, {CITED}
            FROM quantities q JOIN documents d ON d.id = q.doc_id
            WHERE q.kind = 'money' AND q.usd > 0
              AND (? IS NULL OR (contains(q.parties, ?) AND contains(q.parties, ?)))
            QUALIFY row_number() OVER (PARTITION BY q.text, q.measure, q.parties, q.period_start
                                       ORDER BY d.date, q.doc_id) = 1)
        ORDER BY usd DESC LIMIT ?""", [a, f'"{a}"', f'"{b}"', limit])


def figure_disagreements(db: Path, limit: int = 10) -> list[dict[str, Any]]:
    """One measure for the same parties and period stated with values more than 2% apart in different
    documents: a figure to check before quoting it."""
    return rows(db, """
        SELECT q.measure, q.parties, q.period_start, q.period_end, min(q.usd) AS low, max(q.usd) AS high,
               count(DISTINCT q.doc_id) AS documents, string_agg(DISTINCT q.text, ' / ') AS stated
        FROM quantities q
        WHERE q.kind = 'money' AND q.usd > 0 AND q.measure IS NOT NULL AND q.period_start IS NOT NULL
          AND q.parties <> '[]'
        GROUP BY q.measure, q.parties, q.period_start, q.period_end
        HAVING max(q.usd) > min(q.usd) * 1.02 AND count(DISTINCT q.doc_id) > 1
        ORDER BY documents DESC, high DESC LIMIT ?""", [limit])


def actor_names(db: Path, codes: list[str]) -> dict[str, str]:
    """The stored name of each code (the most common), for titles: CHN -> China."""
    found = rows(db, "SELECT code, mode(name) AS name FROM actors WHERE code IN (SELECT unnest(?)) GROUP BY code",
                 [codes])
    return {r["code"]: r["name"] or r["code"] for r in found}

"""Exports of the store: Parquet per table, a GDELT-2.0-style event table, PLOVER-style JSON, GraphML.

GDELT-style columns (tab-separated, one event a line; GDELT 2.0 names, our values):
    GLOBALEVENTID      doc_id:idx of the event
    SQLDATE            the event date as YYYYMMDD (missing month/day as 00, as GDELT does for partial dates)
    Actor1Code         source state/organisation code + the event's source sector, CAMEO style ("RUSGOV"),
                       as the coder read it on the event's date (none in files upgraded from schema 2)
    Actor1CountryCode  source state code
    Actor2Code         target code (+ sector), Actor2CountryCode target state code
    EventCode          CAMEO code; EventRootCode its first two digits; QuadClass; GoldsteinScale
    IsRootEvent        1 for events read from a verb, 0 for nominal mentions (we store all as 1)
    NumMentions        1 (one event a row); SOURCEURL the document's source: the URL its record gave
                       (`url` or `source_url`), else its file name, else its id
    PLOVER, Modality, Negated, Evidence   (our extensions, last columns)
"""

from __future__ import annotations

import json
import xml.sax.saxutils as xml
from pathlib import Path

from multipolar.corpus import store
from multipolar.corpus.queries import relations_in

GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code", "Actor2CountryCode",
                 "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "IsRootEvent", "NumMentions",
                 "SOURCEURL", "PLOVER", "Modality", "Negated", "Evidence")


def to_parquet(db: Path, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    connection = store.connect(db, read_only=True)
    written = []
    try:
        for table in ("documents", *store.ROW_TABLES, "rejects"):
            target = folder / f"{table}.parquet"
            connection.execute(f"COPY {table} TO '{target.as_posix()}' (FORMAT PARQUET)")
            written.append(target)
    finally:
        connection.close()
    return written


def _sql_date(value: str | None) -> str:
    parts = (value or "").split("-")
    if not parts[0]:
        return ""
    return parts[0] + (parts[1] if len(parts) > 1 else "00") + (parts[2] if len(parts) > 2 else "00")


def to_gdelt(db: Path, target: Path) -> int:
    connection = store.connect(db, read_only=True)
    try:
        rows = connection.execute(
            """SELECT e.doc_id, e.idx, e.date, e.source, e.target, e.source_actor, e.target_actor, e.cameo,
                      e.quad_class, e.goldstein, coalesce(d.source, d.id), e.plover, e.modality, e.negated,
                      e.evidence, e.source_sector, e.target_sector
               FROM events e JOIN documents d ON d.id = e.doc_id
               ORDER BY e.doc_id, e.idx""").fetchall()
    finally:
        connection.close()
    with target.open("w", encoding="utf-8") as out:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
        for (doc_id, idx, date, source, tgt, _sa, _ta, cameo, quad, goldstein, url, plover, modality, negated,
             evidence, source_role, target_role) in rows:
            fields = [f"{doc_id}:{idx}", _sql_date(date), source + (source_role or ""), source,
                      tgt + (target_role or ""), tgt, cameo, cameo[:2], str(quad), f"{goldstein:g}", "1", "1", url,
                      plover, modality, str(int(negated)), " ".join(evidence.split())]
            out.write("\t".join(f.replace("\t", " ") for f in fields) + "\n")
    return len(rows)


def to_plover_json(db: Path, target: Path) -> int:
    """One JSON object a line, in the shape of PLOVER's event records (id, date, actors, event, mode, text)."""
    connection = store.connect(db, read_only=True)
    try:
        rows = connection.execute(
            """SELECT e.doc_id, e.idx, e.date, e.source, e.source_text, e.target, e.target_text, e.plover, e.mode,
                      e.cameo, e.modality, e.negated, e.evidence, d.source
               FROM events e JOIN documents d ON d.id = e.doc_id ORDER BY e.doc_id, e.idx""").fetchall()
    finally:
        connection.close()
    with target.open("w", encoding="utf-8") as out:
        for doc_id, idx, date, src, src_text, tgt, tgt_text, plover, mode, cameo, modality, negated, text, url \
                in rows:
            out.write(json.dumps({
                "id": f"{doc_id}:{idx}", "date": date, "event": plover, "mode": mode, "cameo": cameo,
                "actor": src, "actor_text": src_text, "recipient": tgt, "recipient_text": tgt_text,
                "context": [], "modality": modality, "negated": negated, "text": text, "source": url,
            }, ensure_ascii=False) + "\n")
    return len(rows)


def to_graphml(db: Path, target: Path, year: int | None = None) -> int:
    """The relation graph: actors as nodes, dyads as edges with event count and Goldstein sums."""
    relations = relations_in(db, year)
    nodes = sorted({r.a for r in relations} | {r.b for r in relations})
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '<key id="events" for="edge" attr.name="events" attr.type="int"/>',
             '<key id="cooperation" for="edge" attr.name="cooperation" attr.type="double"/>',
             '<key id="conflict" for="edge" attr.name="conflict" attr.type="double"/>',
             '<key id="goldstein" for="edge" attr.name="goldstein_total" attr.type="double"/>',
             '<graph id="relations" edgedefault="undirected">']
    lines += [f'<node id={xml.quoteattr(n)}/>' for n in nodes]
    for r in relations:
        lines.append(f'<edge source={xml.quoteattr(r.a)} target={xml.quoteattr(r.b)}>'
                     f'<data key="events">{r.events}</data><data key="cooperation">{r.cooperation}</data>'
                     f'<data key="conflict">{r.conflict}</data><data key="goldstein">{r.goldstein_total}</data></edge>')
    lines += ["</graph>", "</graphml>"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(relations)

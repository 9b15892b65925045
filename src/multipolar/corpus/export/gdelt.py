"""The store's events as a GDELT-2.0-style table: tab-separated, one event a line.

Columns (GDELT 2.0 names, our values):
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

from pathlib import Path

from multipolar.corpus import store
from multipolar.corpus.export import ExportOptions

COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code", "Actor2CountryCode",
           "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "IsRootEvent", "NumMentions",
           "SOURCEURL", "PLOVER", "Modality", "Negated", "Evidence")


def _sql_date(value: str | None) -> str:
    parts = (value or "").split("-")
    if not parts[0]:
        return ""
    return parts[0] + (parts[1] if len(parts) > 1 else "00") + (parts[2] if len(parts) > 2 else "00")


def write(db: Path, target: Path, options: ExportOptions) -> int:
    """The number of events written."""
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
        out.write("\t".join(COLUMNS) + "\n")
        for (doc_id, idx, date, source, tgt, _sa, _ta, cameo, quad, goldstein, url, plover, modality, negated,
             evidence, source_role, target_role) in rows:
            fields = [f"{doc_id}:{idx}", _sql_date(date), source + (source_role or ""), source,
                      tgt + (target_role or ""), tgt, cameo, cameo[:2], str(quad), f"{goldstein:g}", "1", "1", url,
                      plover, modality, str(int(negated)), " ".join(evidence.split())]
            out.write("\t".join(f.replace("\t", " ") for f in fields) + "\n")
    return len(rows)

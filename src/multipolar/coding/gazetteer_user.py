"""Users' actor files on top of the shipped gazetteer: our YAML format, or PETRARCH's actor and agent
dictionaries as they are. What a user file says overrides the shipped tables (it is loaded last).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from multipolar.coding.gazetteer import ActorInfo, Agent, Gazetteer, Term, _end_day, parse_day
from multipolar.errors import DataFileError


def load_user_file(gaz: Gazetteer, path: Path) -> None:
    """A user's actors: our YAML format, or PETRARCH actor/agent dictionaries (sniffed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read actors file {path}: {exc}") from exc
    if path.suffix in (".yaml", ".yml") or text.lstrip().startswith(("version:", "actors:")):
        load_yaml_actors(gaz, text, str(path))
    elif re.search(r"\[~[A-Z]{3}", text):
        load_petrarch_agents(gaz, text)
    else:
        load_petrarch_actors(gaz, text, str(path))


def load_yaml_actors(gaz: Gazetteer, text: str, name: str) -> None:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: invalid YAML ({exc})") from exc
    items = data.get("actors") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DataFileError(f"{name}: expected a top-level `actors:` list")
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("code") or not item.get("name"):
            raise DataFileError(f"{name}: actor {number} needs at least `code` and `name`")
        _add_yaml_actor(gaz, item, name)


def _add_yaml_actor(gaz: Gazetteer, item: dict[str, Any], name: str) -> None:
    code, kind = str(item["code"]), str(item.get("kind") or "state")
    country = item.get("country") or (code if kind == "state" else None)
    sector = item.get("sector") or ("GOV" if kind == "person" else None)
    gaz.add_actor(ActorInfo(code, str(item["name"]), kind, country, sector, "user_file", name))
    how = {"person": "person", "organization": "body"}.get(kind, "name")
    for alias in [item["name"], *(item.get("names") or [])]:
        gaz.add_name(str(alias), code, how)
    for key in ("adjectives", "capitals", "metonyms"):
        for alias in item.get(key) or []:
            gaz.add_name(str(alias), code, key.rstrip("s"))
    if item.get("role"):
        try:
            start, end = parse_day(item.get("start")), _end_day(item.get("end"))
        except ValueError as exc:
            raise DataFileError(f"{name}: {code}: {exc}") from exc
        gaz.add_term(Term(code, country, str(item["role"]), str(item.get("title") or ""), sector or "GOV",
                          start, end))
    for member in item.get("members") or []:
        gaz.memberships[code].append((str(member), None, None))


_PETRARCH_CODE = re.compile(r"\[([^\]]*)\]")


def load_petrarch_actors(gaz: Gazetteer, text: str, name: str) -> None:
    """PETRARCH actor dictionaries: `NAME [CODE]`, `+SYNONYM`, dated `[CODE <YYMMDD]` blocks."""
    names: list[str] = []
    codes: list[tuple[str, dt.date | None, dt.date | None]] = []

    def flush() -> None:
        if names and codes:
            _add_petrarch_entry(gaz, names, codes, name)
        names.clear()
        codes.clear()

    for raw in text.splitlines():
        line = re.sub(r"<!--.*?-->", "", raw.split("#", 1)[0]).rstrip()
        if not line.strip() or line.strip().startswith(("<!--", "-->")):
            continue
        if line.startswith((" ", "\t")) and line.strip().startswith("["):
            codes.extend(_petrarch_codes(line))
            continue
        if line.startswith("+"):
            names.append(line[1:].strip())
            continue
        flush()
        head = _PETRARCH_CODE.split(line, maxsplit=1)[0].strip()
        names.append(head)
        codes.extend(_petrarch_codes(line))
    flush()


def _petrarch_codes(line: str) -> list[tuple[str, dt.date | None, dt.date | None]]:
    found = []
    for inner in _PETRARCH_CODE.findall(line):
        parts = inner.split()
        if not parts:
            continue
        code, rest = parts[0], " ".join(parts[1:])
        start = end = None
        if rest.startswith("<"):
            end = _petrarch_day(rest[1:])
        elif rest.startswith(">"):
            start = _petrarch_day(rest[1:])
        elif "-" in rest:
            left, right = rest.split("-", 1)
            start, end = _petrarch_day(left), _petrarch_day(right)
        found.append((code, start, end))
    return found


def _petrarch_day(raw: str) -> dt.date | None:
    digits = raw.strip()
    try:
        if len(digits) == 6:
            year = int(digits[:2])
            return dt.date(1900 + year if year > 30 else 2000 + year, int(digits[2:4]), int(digits[4:]))
        if len(digits) == 8:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
    return None


def _add_petrarch_entry(gaz: Gazetteer, names: list[str], codes: list[tuple[str, Any, Any]], source: str) -> None:
    for code, start, end in codes:
        if not re.fullmatch(r"[A-Za-z]{3}[A-Za-z0-9]*", code):
            continue
        country = code[:3].upper()
        sector = code[3:6].upper() or None
        if country not in gaz.actors:
            gaz.add_actor(ActorInfo(country, names[0].replace("_", " ").strip().title(), "state", country,
                                    origin="user_file", origin_id=source))
        full = code.upper()
        if full != country and full not in gaz.actors:
            gaz.add_actor(ActorInfo(full, names[0].replace("_", " ").strip().title(), "organization",
                                    country, sector, "user_file", source))
        for alias in names:
            exact = alias.endswith("_")
            words = alias.rstrip("_").replace("_", " ").strip()
            if words:
                gaz.add_name(_petrarch_case(words), full, "petrarch", prefix_last=not exact, start=start, end=end)


def _petrarch_case(words: str) -> str:
    """PETRARCH writes every name in capitals: keep short ones and dotted ones as acronyms ("UAE", "U.N.")."""
    letters = [c for c in words if c.isalpha()]
    if "." in words or (" " not in words and len(letters) <= 4):
        return words
    return words.title()


def load_petrarch_agents(gaz: Gazetteer, text: str) -> None:
    """PETRARCH agent dictionaries: `TERM [~XXX]` lines (macros and plural blocks are ignored)."""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        found = re.match(r"([A-Z][A-Z_ .'-]*?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})", line)
        if not found or "!" in found.group(1):
            continue
        term = found.group(1).replace("_", " ").strip().lower()
        key = tuple(t for t in gaz._tokenize(term) if t.strip())
        if key and key not in gaz.agents:
            gaz.agents[key] = Agent(term, found.group(2), None, found.group(2).lower())



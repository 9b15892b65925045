"""Bytes to text: UTF-8, UTF-16/32 with or without a byte-order mark, and single-byte encodings, per line.

Why per line: files assembled from several sources mix UTF-8 lines with Windows-1252 ones ("Zürich" in one,
"Z\\xfcrich" in the next); decoding the whole file with one guessed encoding garbles one kind or the other.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from multipolar.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WESTERN = "cp1252"
"""The single-byte encoding of most non-UTF-8 English text (a superset of Latin-1's printable range)."""
SAMPLE_BYTES = 8192
"""How much of the start tells a wide encoding or binary data."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and a note when the file mixed encodings."""

    text: str
    encoding: str
    note: str | None = None


def decode_bytes(data: bytes, name: str = "input") -> Decoded:
    """Decode `data` or refuse it with one line: empty, binary, or no encoding found."""
    if not data.strip(b" \t\r\n\x00"):
        raise InputError(f"{name}: empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom):], encoding, name), encoding)
    wide = wide_encoding(data[:SAMPLE_BYTES])
    if wide is not None:
        return Decoded(_strict(data, wide, name), wide)
    if b"\x00" in data[:SAMPLE_BYTES]:
        raise InputError(f"{name}: binary data, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _single_byte(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: damaged {encoding.upper()} text (at byte {exc.start})") from exc


def wide_encoding(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark: text in Latin script leaves zero bytes in fixed places."""
    if len(sample) < 8:
        return None
    for width, names in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        usable = len(sample) - len(sample) % width
        units = [sample[k:k + width] for k in range(0, usable, width)]
        little = sum(1 for u in units if u[0] != 0 and not any(u[1:]))
        big = sum(1 for u in units if u[-1] != 0 and not any(u[:-1]))
        for share, encoding in ((little, names[0]), (big, names[1])):
            if share >= 0.8 * len(units):
                return encoding
    return None


def _single_byte(data: bytes, name: str) -> Decoded:
    """Lines that are UTF-8 stay UTF-8; the others are read in one single-byte encoding, chosen once."""
    lines = data.splitlines(keepends=True)
    decoded: list[str | None] = []
    foreign: list[bytes] = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(None)
            foreign.append(line)
    encoding = _guess_single_byte(b"".join(foreign), name)
    text = "".join(part if part is not None else line.decode(encoding, errors="replace")
                   for part, line in zip(decoded, lines, strict=True))
    utf8_non_ascii = sum(1 for part in decoded if part is not None and not part.isascii())
    note = None
    if utf8_non_ascii:
        note = f"mixed encodings: {len(foreign)} of {len(lines)} lines read as {encoding}, the rest as UTF-8"
    return Decoded(text, encoding, note)


def _guess_single_byte(data: bytes, name: str) -> str:
    """Windows-1252 for mostly-ASCII text whose other letters are Latin ones ("Señor", "Zürich"); otherwise
    the encoding charset_normalizer finds (Cyrillic, Greek...). Its guess on short Western text is often a
    Central European code page that turns "ñ" into "ń", so Western text is decided first."""
    western = data.decode(_WESTERN, errors="replace")
    letters = [ch for ch in western if ch.isalpha()]
    non_ascii = [ch for ch in letters if not ch.isascii()]
    if letters and len(non_ascii) <= 0.3 * len(letters) and all(
            "LATIN" in unicodedata.name(ch, "") for ch in non_ascii):
        return _WESTERN
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: not UTF-8 and no text encoding could be detected")
    return str(best.encoding)

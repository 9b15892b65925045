"""The print-friendly report: HTML with print CSS and inline SVG charts, and PDF through headless Chromium.
Mailing it is `multipolar.mail`."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from multipolar import store
from multipolar.causal import causal_graph, claim_actors
from multipolar.causal import svg as causal_svg
from multipolar.errors import MultipolarError
from multipolar.records import Analysis

SPARKS = "▁▂▃▄▅▆▇█"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer")

_templates = Environment(loader=PackageLoader("multipolar", "data/templates"), autoescape=select_autoescape(["html"]))


class ReportError(MultipolarError):
    """The report could not be rendered, printed or sent."""


def sparkline(values: list[float], width: int = 100) -> str:
    """▁▃█ for a series, for terminals; a longer series is averaged into `width` characters."""
    if not values:
        return ""
    if len(values) > width:
        step = len(values) / width
        values = [sum(chunk) / len(chunk) for k in range(width)
                  if (chunk := values[int(k * step): max(int((k + 1) * step), int(k * step) + 1)])]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return "".join(SPARKS[int((v - low) / span * (len(SPARKS) - 1))] for v in values)


def svg_bars(labels: list[str], values: list[float], *, width: int = 640, height: int = 160) -> str:
    """A small bar chart as inline SVG (prints and mails without scripts): green above zero, red below."""
    if not values:
        return ""
    top = max(max(values), 0.0)
    bottom = min(min(values), 0.0)
    scale = (height - 30) / ((top - bottom) or 1.0)
    zero = 10 + top * scale
    step = width / len(values)
    bars = []
    for k, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = zero - max(value, 0) * scale
        colour = "#2e7d32" if value >= 0 else "#c62828"
        bars.append(f'<rect x="{k * step + 2:.1f}" y="{y:.1f}" width="{step - 4:.1f}" '
                    f'height="{abs(value) * scale:.1f}" fill="{colour}"><title>{label}: {value:g}</title></rect>'
                    f'<text x="{k * step + step / 2:.1f}" y="{height - 4}" font-size="10" '
                    f'text-anchor="middle">{label[:7]}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">'
            f'<line x1="0" x2="{width}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#999"/>{"".join(bars)}</svg>')


def document_report(analysis: Analysis) -> str:
    relations = analysis.relations[:12]
    chart = svg_bars([f"{r.a}-{r.b}" for r in relations], [r.goldstein_total for r in relations])
    graph = causal_graph((analysis.document.id, c) for c in analysis.claims)
    return _templates.get_template("report.html").render(
        title=analysis.document.title or analysis.document.source or "Analysis", analysis=analysis, chart=chart,
        dyad=None, causal=graph, causal_drawing=causal_svg(graph), labels=graph.labels())


def dyad_report(db: Path, a: str, b: str) -> str:
    from multipolar.web import dyad_data

    data = dyad_data(db, a, b)
    chart = svg_bars([row["period"][:4] for row in data["series"]], [float(r["goldstein_sum"]) for r in data["series"]])
    connection = store.connect(db, read_only=True)
    try:
        both = [(d, c) for d, c in store.stored_claims(connection, actor=a) if b in claim_actors(c)]
    finally:
        connection.close()
    graph = causal_graph(both)
    return _templates.get_template("report.html").render(
        title=f"{a} – {b}", analysis=None, chart=chart, dyad=data, causal=graph, causal_drawing=causal_svg(graph),
        labels=graph.labels())


def to_pdf(report_html: str, out: Path, chromium: str | None = None) -> Path:
    """Print the report with headless Chromium (no network; the HTML has no external resources)."""
    binary = chromium or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if binary is None:
        raise ReportError("--pdf needs Chromium (Debian package `chromium`)")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(report_html, encoding="utf-8")
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile",
                   f"--print-to-pdf={out.resolve()}", page.as_uri()]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=120)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise ReportError(f"Chromium could not print the report: {exc}") from exc
    if not out.exists() or out.stat().st_size == 0:
        raise ReportError("Chromium wrote no PDF")
    return out

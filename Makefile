# Two commands: `make demo` and `make test` (see README.md).
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup lint typecheck i18n-check serve clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "Cần Python 3.11 ($(PY))"; exit 1; }
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	mkdir -p var
	$(BIN)/canbo migrate --noinput
	$(BIN)/canbo seed-demo
	$(BIN)/canbo demo-logins
	@echo "Mở http://127.0.0.1:8000 (Ctrl+C để dừng)"
	$(BIN)/canbo runserver 127.0.0.1:8000

# Two workers (the machines have two cores); a file's tests stay on one worker so a module
# fixture (the seeded demo province) is built once.
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check canbo tests bench scripts
	$(BIN)/mypy

typecheck: $(STAMP)
	$(BIN)/mypy

i18n-check: $(STAMP)
	$(BIN)/canbo i18n-check

clean:
	rm -rf $(VENV) var

# Shared by scripts/demo and scripts/test: create .venv with Python >= 3.11 if needed and
# (re)install dyadwatch with the given extras when pyproject.toml changed since the last install.
set -eu
cd "$(dirname "$0")/.."
extras="${DW_EXTRAS:-all}"
if [ ! -x .venv/bin/python ]; then
    py=""
    for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            py="$candidate"; break
        fi
    done
    if [ -z "$py" ]; then
        echo "dyadwatch needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2
        exit 1
    fi
    echo "Creating .venv with $py" >&2
    "$py" -m venv .venv
fi
stamp=".venv/.dyadwatch-installed-$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing dyadwatch[$extras] into .venv (first run takes a minute)" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extras]"
    touch "$stamp"
fi

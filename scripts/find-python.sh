#!/usr/bin/env bash
# Print a working interpreter for Python $1 (e.g. 3.10): $2 if given, else pythonX.Y on PATH,
# else a pyenv install. Exit 1 with advice when none is found.
set -u
want="$1"; given="${2:-}"
try() { [ -n "$1" ] && "$1" -c "import sys; assert sys.version_info[:2] == tuple(map(int, '$want'.split('.')))" >/dev/null 2>&1 && command -v "$1"; }
try "$given" && exit 0
try "python$want" && exit 0
if command -v pyenv >/dev/null 2>&1; then
  for p in "$(pyenv root)"/versions/"$want"*/bin/python"$want"; do try "$p" && exit 0; done
fi
for p in /usr/bin/python"$want" /usr/local/bin/python"$want"; do try "$p" && exit 0; done
echo "Python $want not found. Install it (e.g. 'pyenv install $want' or 'apt-get install python$want python$want-venv')," >&2
echo "or point the Makefile at it: make ... PYTHON${want/./}=/path/to/python$want" >&2
exit 1

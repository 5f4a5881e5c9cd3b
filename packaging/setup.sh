#!/usr/bin/env bash
# Sets up Assessor on a Debian machine: the system libraries Qt loads, PostgreSQL for the tests, a
# virtual environment in .venv, and the app with its test tools. Safe to run again: it only adds
# what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# What PySide6's widgets load at run time (xcb for a real screen, EGL and fonts for offscreen;
# CUPS for the system print dialog's printers).
QT_PACKAGES=(
  libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 fonts-dejavu-core libcups2
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
)
# A person's own words may be in any script, and must show on screen and print: the Noto
# families cover them (core: Arabic, Urdu, Indic and more; CJK and colour emoji for the screen),
# Droid Sans Fallback prints Chinese, Japanese and Korean (Noto CJK is CFF, which the PDF writer
# cannot embed) and Symbola prints emoji (see assessor/documents/fonts.py).
FONT_PACKAGES=(
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-droid-fallback fonts-symbola
)
# The tests run the store on a throw-away PostgreSQL server too (tests/kit/postgres.py), as the
# council's server will; they start it themselves and need only the binaries.
TEST_PACKAGES=(postgresql)

missing=()
for package in "${QT_PACKAGES[@]}" "${FONT_PACKAGES[@]}" "${TEST_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing the Debian packages Assessor needs (a minute or two): ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "Please install these Debian packages as root, then run this again: ${missing[*]}" >&2
    exit 1
  fi
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

python=${PYTHON:-$(command -v python3.11 || command -v python3)}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Assessor needs Python 3.11 or newer; $python is $("$python" --version)." >&2
  exit 1
fi
if [[ ! -x .venv/bin/python ]]; then
  echo "Making a virtual environment in .venv"
  "$python" -m venv .venv
fi
echo "Installing Assessor and its Python packages into .venv (up to a minute the first time)"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
echo "Set up: Assessor is ready."

#!/usr/bin/env bash
# Install the Debian packages bpoprep needs, only when they are missing.
#   base: what `make run` needs (Python's venv module, fonts for PDF export, incl. Devanagari)
#   test: plus Chromium for browser tests and Redis for the Celery test
#   postgres: PostgreSQL server for the PostgreSQL test run
set -euo pipefail
want=()
# DejaVu fonts let exported PDF resumes show any name, not only Latin-1 letters.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || want+=(fonts-dejavu-core)
# A Devanagari font, so Hindi pages and the Hindi PDF report show letters, not empty boxes.
fc-list :lang=hi 2>/dev/null | grep -q . || want+=(fonts-lohit-deva)
# Pango lays out the mock interview report for WeasyPrint's PDF export.
compgen -G "/usr/lib/*/libpangoft2-1.0.so.0" >/dev/null || compgen -G "/usr/lib*/libpangoft2-1.0.so.0" >/dev/null || want+=(libpango-1.0-0 libpangoft2-1.0-0)
case "${1:-base}" in
  base) ;;
  test)
    [ -x /usr/bin/chromium ] || want+=(chromium)
    command -v redis-server >/dev/null || want+=(redis-server)
    ;;
  postgres)
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql)
    ;;
esac
python3 -c "import ensurepip, venv" 2>/dev/null || want+=(python3-venv)
[ ${#want[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${want[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null

#!/usr/bin/env bash
# The django-helpdesk integration (integrations/django-helpdesk), as a helpdesk's developers
# would run it: a virtual environment with the release wheel of ticketshare (manylinux, no test build),
# the app installed by pip from its directory, django-helpdesk, pytest-django and Playwright.
# Usage: ./scripts/test-django.sh setup|sqlite|postgres|demo|bench
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/django-venv
app=integrations/django-helpdesk
py="$PWD/$venv/bin/python"

setup() {
  # The wheel PyPI would carry (scripts/python-release.sh build), as a host installs it.
  ls target/dist/python/ticketshare-*manylinux*.whl >/dev/null 2>&1 || ./scripts/python-release.sh build >/dev/null
  [ -x "$py" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet --force-reinstall --no-deps target/dist/python/ticketshare-*manylinux*.whl
  # Not editable: the tests import the app as pip installed it.
  "$venv/bin/pip" install --quiet --force-reinstall --no-deps "./$app"
  "$venv/bin/pip" install --quiet "./$app[test]"
  rm -rf "$app/build" "$app"/src/*.egg-info
}

# PostgreSQL from Debian's package, started here: CI starts with no server running.
postgres_up() {
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null || return 1
  fi
  local cluster
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1 " " $2}')
  [ -n "$cluster" ] || return 1
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster start >/dev/null 2>&1 || pg_lsclusters -h | grep -q online || return 1
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
}

case "${1:-}" in
  setup) setup ;;
  sqlite)
    cd "$app" && TICKETSHARE_REQUIRE_BROWSER=1 "$py" -m pytest -q -p no:cacheprovider tests ;;
  postgres)
    if ! postgres_up; then
      echo "SKIPPED: PostgreSQL could not be installed or started here; the suite ran on SQLite only"
      exit 0
    fi
    cd "$app" && TICKETSHARE_TEST_DATABASE=postgres TICKETSHARE_REQUIRE_BROWSER=1 \
      PGHOST=127.0.0.1 PGUSER=postgres PGPASSWORD=postgres "$py" -m pytest -q -p no:cacheprovider tests ;;
  demo)
    # The README's demo: migrate, seed, runserver; the login page and the seeded ticket answer.
    dir=$(mktemp -d)
    cd "$app/demo"
    export DEMO_DB="$dir/demo.sqlite3" DEMO_MEDIA="$dir/media"
    "$py" manage.py migrate -v0 && "$py" manage.py ticketshare_demo
    port=$((18000 + RANDOM % 1000))
    "$py" manage.py runserver "127.0.0.1:$port" --noreload >"$dir/server.log" 2>&1 &
    server=$!
    # On the way out: the server stops, its log is printed if the demo failed, the files go.
    trap 'status=$?; kill $server 2>/dev/null || true; [ $status -eq 0 ] || cat "$dir/server.log" >&2; rm -rf "$dir"' EXIT
    for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/helpdesk/login/" >/dev/null && break; sleep 0.2; done
    curl -fs "http://127.0.0.1:$port/helpdesk/login/" | grep -q 'name="username"'
    [ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/shared/")" = 404 ]
    echo "demo answered on 127.0.0.1:$port" ;;
  bench)
    cd "$app" && "$py" bench/bench_page_view.py "${2:-300}" ;;
  *)
    echo "usage: $0 setup|sqlite|postgres|demo|bench" >&2
    exit 2 ;;
esac

#!/usr/bin/env bash
# Load test: gunicorn with the production settings on loopback, against PostgreSQL, driven by locust headless.
# Prints the p95 and the error count; exits non-zero on any failed request (or none made).
#
#   bash bench/load/run.sh                      # 50 users for 60 s, every task
#   LOAD_DURATION=15s LOAD_TAGS=smoke bash bench/load/run.sh   # a short dry run of / and /healthz
#
# Variables: LOAD_USERS (50), LOAD_SPAWN_RATE (10/s), LOAD_DURATION (60s), LOAD_TAGS (all; locust --tags),
# LOAD_PORT (8001), LOAD_INGEST (1: ingest data/seeds into an empty database first), LOAD_OUT (a temp dir),
# WEB_CONCURRENCY (3 workers), DATABASE_URL (postgres://postgres@127.0.0.1:5432/parley_load, created if missing).
# The server binds 127.0.0.1 only and locust targets it only: this script never sends traffic off the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=.venv/bin/python
HOST=127.0.0.1
PORT=${LOAD_PORT:-8001}
USERS=${LOAD_USERS:-50}
SPAWN_RATE=${LOAD_SPAWN_RATE:-10}
DURATION=${LOAD_DURATION:-60s}
OUT=${LOAD_OUT:-$(mktemp -d -t parley-load.XXXXXX)}
mkdir -p "$OUT"

export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/parley_load}
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "bench/load/run.sh measures the production setup: DATABASE_URL must be postgres://..." >&2; exit 2 ;;
esac
export DJANGO_SETTINGS_MODULE=config.settings.production
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')}
export DJANGO_ALLOWED_HOSTS=$HOST
export GUNICORN_BIND=$HOST:$PORT
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-3}

if $PY -c "import socket, sys; sys.exit(socket.socket().connect_ex(('$HOST', $PORT)) != 0)"; then
  echo "something already listens on $HOST:$PORT; set LOAD_PORT" >&2
  exit 2
fi

echo "=== database ${DATABASE_URL##*/}: create if missing, migrate, collect static files"
$PY - <<'PY'
import os

import dj_database_url
import psycopg
from psycopg import sql

db = dj_database_url.parse(os.environ["DATABASE_URL"])
server = dict(host=db["HOST"] or None, port=db["PORT"] or None, user=db["USER"] or None, password=db["PASSWORD"] or None)
with psycopg.connect(dbname="postgres", autocommit=True, **server) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
PY
DATABASE_STATEMENT_TIMEOUT_MS=0 DJANGO_LOG_LEVEL=WARNING $PY manage.py migrate --noinput --verbosity 0
DJANGO_LOG_LEVEL=WARNING $PY manage.py collectstatic --noinput --verbosity 0
if [ "${LOAD_INGEST:-1}" = 1 ]; then
  empty=$(DJANGO_LOG_LEVEL=WARNING $PY manage.py shell -c 'from articles.models import Article; print(not Article.objects.exists())' | tail -n 1)
  if [ "$empty" = True ]; then
    echo "=== ingest data/seeds (empty database)"
    DJANGO_LOG_LEVEL=WARNING $PY manage.py ingest data/seeds
  fi
fi

echo "=== gunicorn on $HOST:$PORT ($WEB_CONCURRENCY workers), log in $OUT/gunicorn.log"
.venv/bin/gunicorn --config config/gunicorn.conf.py >"$OUT/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
trap 'kill -TERM "$GUNICORN_PID" 2>/dev/null || true; wait "$GUNICORN_PID" 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  if $PY -c "import urllib.request; urllib.request.urlopen('http://$HOST:$PORT/healthz', timeout=2)" 2>/dev/null; then
    break
  fi
  kill -0 "$GUNICORN_PID" 2>/dev/null || { echo "gunicorn exited; see $OUT/gunicorn.log" >&2; tail -n 20 "$OUT/gunicorn.log" >&2; exit 1; }
  sleep 0.5
done

echo "=== locust: $USERS users (spawn $SPAWN_RATE/s) for $DURATION${LOAD_TAGS:+, tags $LOAD_TAGS}"
locust_status=0
.venv/bin/locust -f bench/load/locustfile.py --headless --host "http://$HOST:$PORT" \
  --users "$USERS" --spawn-rate "$SPAWN_RATE" --run-time "$DURATION" --stop-timeout 10 \
  ${LOAD_TAGS:+--tags ${LOAD_TAGS//,/ }} --csv "$OUT/locust" --only-summary --loglevel WARNING \
  >"$OUT/locust.log" 2>&1 || locust_status=$?
grep -E "^discovered" "$OUT/locust.log" || true

status=0
$PY - "$OUT/locust_stats.csv" "$locust_status" <<'PY' || status=$?
import csv
import sys

path, locust_status = sys.argv[1], int(sys.argv[2])
rows = list(csv.DictReader(open(path, newline="")))
print(f"{'request':<22} {'count':>7} {'errors':>6} {'median':>7} {'p95':>7} {'p99':>7}  (ms)")
for row in rows:
    print(
        f"{row['Name']:<22} {row['Request Count']:>7} {row['Failure Count']:>6} {row['50%']:>7} {row['95%']:>7}"
        f" {row['99%']:>7}"
    )
total = next(row for row in rows if row["Name"] == "Aggregated")
requests, errors = int(total["Request Count"]), int(total["Failure Count"])
print(f"p95 {total['95%']} ms, {requests} requests, {float(total['Requests/s']):.1f} req/s, {errors} errors")
if errors or not requests or locust_status not in (0, 1):
    sys.exit(1)
PY
if [ -s "$OUT/locust_failures.csv" ] && [ "$(wc -l <"$OUT/locust_failures.csv")" -gt 1 ]; then
  echo "failures (from $OUT/locust_failures.csv):"
  head -n 10 "$OUT/locust_failures.csv"
fi
exit $status

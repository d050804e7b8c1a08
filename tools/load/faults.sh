#!/usr/bin/env bash
# Fault scenarios under load (issue 7): tools/load/faults.sh [kill|postgres|keycloak|all]
#
# Starts a private stack (tools/load/stack.sh: database cxalign_faults, Keycloak on :8382, one
# WildFly node on :10080, management :11990), runs org.cxalign.tools.FaultLoad (employees with
# bearer tokens and customers through one-time links, an Idempotency-Key per response, retries
# with the same key on connection errors, timeouts and 5xx) and injects the fault mid-load:
#   kill      WildFly killed with SIGKILL, started again; clients retry meanwhile.
#   postgres  the PostgreSQL cluster stopped for a few seconds and started again (this restarts the
#             machine's shared cluster: other databases on it see the same outage); /health/ready
#             must report 503 while it is down and 200 again without help; errors must be 503
#             problem+json.
#   keycloak  Keycloak stopped under load: employees keep their (still valid) tokens; API calls,
#             pages and sign-in are probed; Keycloak started again and the API checked with a
#             token of the new Keycloak.
# Every scenario ends by checking the database (psql): each acknowledged response stored exactly
# once (counts per audience, the stored idempotency hashes equal the acknowledged keys', answer
# counts and sums equal what the clients sent), no extra response from retried keys, no outbox
# row left, the live aggregate counts equal the table counts and a rebuild gives the same digest;
# and there were no 500s and no error that was not problem+json (or showed a stack trace).
# Exit status 0 only when every check of every scenario passed. Logs and files:
# /tmp/cxalign-load/faults (scenario-<name>/: load.log, summary.properties, db-check.txt, ...).
#
# Settings (environment): FAULT_CUSTOMERS (links per scenario, 40000), FAULT_EMPLOYEES (40),
# FAULT_CLIENTS (8), FAULT_BEFORE (seconds of load before the fault, 15), FAULT_AFTER (seconds of
# load after recovery, 15), FAULT_PG_DOWN (seconds PostgreSQL stays down, 4), FAULT_KC_DOWN
# (seconds of load while Keycloak is down, 20); FAULT_DB, FAULT_KC_PORT, FAULT_OFFSET (the
# stack's database, Keycloak port and WildFly port offset: cxalign_faults, 8382, 2000); STACK_REPO (a checkout with the build, default this
# one). Needs a build: ./mvnw -B -DskipTests package.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=${STACK_REPO:-$(cd "$HERE/../.." && pwd)}
# shellcheck source=stack.sh
source "$HERE/stack.sh"

SCENARIOS=${1:-all}
[[ $SCENARIOS == all ]] && SCENARIOS="kill postgres keycloak"
for s in $SCENARIOS; do
  case $s in kill | postgres | keycloak) ;; *)
    echo "usage: $0 [kill|postgres|keycloak|all]" >&2
    exit 2
    ;;
  esac
done

CUSTOMERS=${FAULT_CUSTOMERS:-40000}
EMPLOYEES=${FAULT_EMPLOYEES:-40}
CLIENTS=${FAULT_CLIENTS:-8}
BEFORE=${FAULT_BEFORE:-15}
AFTER=${FAULT_AFTER:-15}
PG_DOWN=${FAULT_PG_DOWN:-4}
KC_DOWN=${FAULT_KC_DOWN:-20}
TOOLS_CP="$REPO/tools/target/cx-align-tools.jar:$REPO/tools/target/lib/*"
[[ -f $REPO/tools/target/cx-align-tools.jar ]] || {
  echo "missing tools/target/cx-align-tools.jar: run ./mvnw -B -DskipTests package first" >&2
  exit 1
}
command -v psql >/dev/null || apt-get install -y -qq postgresql-client >/dev/null

stack_init faults
stack_db "${FAULT_DB:-cxalign_faults}"
stack_keycloak "${FAULT_KC_PORT:-8382}"
stack_node n1 "${FAULT_OFFSET:-2000}"
BASE=$(node_url n1)
MGMT=$(node_mgmt n1)
FAILED=()
LOAD_PID=""

fail() { stack_log "FAIL [$SCENARIO] $*"; FAILED+=("$SCENARIO: $*"); }
ok() { stack_log "ok   [$SCENARIO] $*"; }
prop() { sed -n "s/^$1=//p" "$OUT/summary.properties"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }

start_load() { # extra FaultLoad arguments
  OUT=$LOAD_DIR/scenario-$SCENARIO
  rm -rf "$OUT"
  mkdir -p "$OUT"
  rm -f "$OUT/stop"
  java -cp "$TOOLS_CP" org.cxalign.tools.FaultLoad load --base "$BASE" --realm "$KC_URL" \
    --out "$OUT" --customers "$CUSTOMERS" --employees "$EMPLOYEES" --clients "$CLIENTS" \
    --stop-file "$OUT/stop" "$@" > "$OUT/load.log" 2>&1 &
  LOAD_PID=$!
  # wait for the first acknowledged responses (set-up: campaign, links, users, tokens)
  local deadline=$((SECONDS + 600))
  until grep -q '^t=.*acked=[1-9]' "$OUT/load.log" 2>/dev/null; do
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$OUT/load.log" >&2; fail "load did not start"; return 1; }
    ((SECONDS < deadline)) || { fail "no acknowledged response within 600 s"; return 1; }
    sleep 1
  done
  CAMPAIGN=$(cat "$OUT/campaign")
  stack_log "load running on campaign $CAMPAIGN (load average $(load_avg))"
}

acked_now() { grep '^t=' "$OUT/load.log" | tail -n 1 | sed 's/.*acked=\([0-9]*\).*/\1/'; }

stop_load() {
  touch "$OUT/stop"
  if ! wait "$LOAD_PID"; then
    fail "FaultLoad exited with an error (see $OUT/load.log)"
    tail -n 20 "$OUT/load.log" >&2
  fi
  LOAD_PID=""
  stack_log "load stopped: $(prop seconds) s, $(prop acked.employees) employees + $(prop acked.customers) customers acknowledged, $(prop retried) retries; statuses: $(grep '^status\.' "$OUT/summary.properties" | tr '\n' ' ')"
}

# The database check after a scenario: exactly once, nothing extra, aggregates equal a rebuild.
check() {
  local ae ac
  ae=$(prop acked.employees)
  ac=$(prop acked.customers)
  # the drain runs every second; wait for it (reads also drain)
  for _ in $(seq 1 60); do
    [[ $(psql_db "SELECT COUNT(*) FROM aggregate_outbox WHERE campaign_id = $CAMPAIGN") == 0 ]] && break
    sleep 1
  done
  PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -U "$PG_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qtA \
    -F '=' > "$OUT/db-check.txt" <<SQL
CREATE TEMP TABLE ack_e (h VARCHAR(64));
CREATE TEMP TABLE ack_c (h VARCHAR(64));
\copy ack_e FROM '$OUT/acked-employees'
\copy ack_c FROM '$OUT/acked-customers'
SELECT 'responses.employees', COUNT(*) FROM survey_response WHERE campaign_id = $CAMPAIGN AND audience = 'EMPLOYEES';
SELECT 'responses.customers', COUNT(*) FROM survey_response WHERE campaign_id = $CAMPAIGN AND audience = 'CUSTOMERS';
SELECT 'answers.employees', COUNT(*) FROM response_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.campaign_id = $CAMPAIGN AND r.audience = 'EMPLOYEES';
SELECT 'answers.customers', COUNT(*) FROM response_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.campaign_id = $CAMPAIGN AND r.audience = 'CUSTOMERS';
SELECT 'sum.employees', COALESCE(SUM(a.answer_value), 0) FROM response_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.campaign_id = $CAMPAIGN AND r.audience = 'EMPLOYEES';
SELECT 'sum.customers', COALESCE(SUM(a.answer_value), 0) FROM response_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.campaign_id = $CAMPAIGN AND r.audience = 'CUSTOMERS';
SELECT 'responses.without.answers', COUNT(*) FROM survey_response r WHERE r.campaign_id = $CAMPAIGN AND NOT EXISTS (SELECT 1 FROM response_answer a WHERE a.response_id = r.id);
SELECT 'participations', COUNT(*) FROM participation WHERE campaign_id = $CAMPAIGN;
SELECT 'invitations.used', COUNT(*) FROM invitation WHERE campaign_id = $CAMPAIGN AND used;
SELECT 'acked.keys.duplicated', (SELECT COUNT(*) - COUNT(DISTINCT h) FROM ack_e) + (SELECT COUNT(*) - COUNT(DISTINCT h) FROM ack_c);
SELECT 'acked.employees.not.stored', COUNT(*) FROM ack_e WHERE h NOT IN (SELECT idempotency_hash FROM participation WHERE campaign_id = $CAMPAIGN);
SELECT 'acked.customers.not.stored', COUNT(*) FROM ack_c WHERE h NOT IN (SELECT idempotency_hash FROM invitation WHERE campaign_id = $CAMPAIGN AND used);
SELECT 'stored.employees.not.acked', COUNT(*) FROM participation WHERE campaign_id = $CAMPAIGN AND idempotency_hash NOT IN (SELECT h FROM ack_e);
SELECT 'stored.customers.not.acked', COUNT(*) FROM invitation WHERE campaign_id = $CAMPAIGN AND used AND idempotency_hash NOT IN (SELECT h FROM ack_c);
SELECT 'outbox.pending', COUNT(*) FROM aggregate_outbox WHERE campaign_id = $CAMPAIGN;
SELECT 'aggregate.employees', employee_responses FROM campaign_aggregate WHERE campaign_id = $CAMPAIGN;
SELECT 'aggregate.customers', customer_responses FROM campaign_aggregate WHERE campaign_id = $CAMPAIGN;
SQL
  db() { sed -n "s/^$1=//p" "$OUT/db-check.txt"; }
  local k want got
  for k in responses.employees:$ae responses.customers:$ac participations:$ae invitations.used:$ac \
    answers.employees:$(prop answers.employees) answers.customers:$(prop answers.customers) \
    sum.employees:$(prop sum.employees) sum.customers:$(prop sum.customers) \
    aggregate.employees:$ae aggregate.customers:$ac responses.without.answers:0 \
    acked.keys.duplicated:0 acked.employees.not.stored:0 acked.customers.not.stored:0 \
    stored.employees.not.acked:0 stored.customers.not.acked:0 outbox.pending:0; do
    want=${k##*:}
    got=$(db "${k%:*}")
    [[ $got == "$want" ]] || fail "database: ${k%:*} is '$got', expected $want"
  done
  ok "database: $ae employee and $ac customer responses, each acknowledged key stored once, none extra; answers $(db answers.employees)+$(db answers.customers), sums equal the clients'"
  if java -cp "$TOOLS_CP" org.cxalign.tools.FaultLoad aggregates --base "$BASE" --realm "$KC_URL" \
    --campaign "$CAMPAIGN" > "$OUT/aggregates.txt" 2>&1; then
    ok "aggregates equal a rebuild ($(grep digest "$OUT/aggregates.txt" | cut -c1-60)...)"
  else
    fail "aggregates differ from a rebuild: $(tr '\n' ' ' < "$OUT/aggregates.txt")"
  fi
  local s
  s=$(prop status.500)
  [[ -z $s ]] || fail "$s answers were 500"
  [[ $(prop unclear.errors) == 0 ]] || fail "$(prop unclear.errors) errors were not problem+json or showed internals (see $OUT/error-samples.txt)"
  [[ $(prop gave.up) == 0 ]] || fail "$(prop gave.up) submissions never acknowledged"
  [[ $(prop rejected) == 0 ]] || fail "$(prop rejected) submissions refused (see $OUT/error-samples.txt)"
}

wait_more_acks() { # seconds: load keeps running this long and must acknowledge something
  local a0
  a0=$(acked_now)
  sleep "$1"
  if (($(acked_now) > a0)); then
    ok "load continues: $((a0)) -> $(acked_now) acknowledged in $1 s"
  else
    fail "no response acknowledged in the $1 s after recovery"
  fi
}

scenario_kill() {
  start_load || return 0
  sleep "$BEFORE"
  local a t0 t1
  a=$(acked_now)
  t0=$(date +%s.%N)
  stack_log "SIGKILL WildFly at $a acknowledged (load average $(load_avg))"
  node_kill n1 KILL
  node_start n1
  t1=$(date +%s.%N)
  stack_log "WildFly ready again after $(elapsed "$t0" "$t1") s"
  wait_more_acks "$AFTER"
  stop_load
  check
}

scenario_postgres() {
  start_load || return 0
  sleep "$BEFORE"
  local v a
  v=$(ls /etc/postgresql | sort -n | tail -n 1)
  : > "$OUT/ready.log"
  ( while true; do
      printf '%s %s\n' "$(date -u +%H:%M:%S.%N | cut -c1-12)" \
        "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$MGMT/health/ready")"
      sleep 0.25
    done >> "$OUT/ready.log" ) &
  local probe=$!
  a=$(acked_now)
  stack_log "stopping PostgreSQL $v at $a acknowledged (load average $(load_avg))"
  local t0 t1
  t0=$(date +%s.%N)
  pg_ctlcluster "$v" main stop -m fast
  sleep "$PG_DOWN"
  no_inherited_fds pg_ctlcluster "$v" main start # not holding a lock of the caller (flock) forever
  t1=$(date +%s.%N)
  stack_log "PostgreSQL down for $(elapsed "$t0" "$t1") s; started again"
  local deadline=$((SECONDS + 120))
  until [[ $(curl -s -o /dev/null -m 5 -w '%{http_code}' "$MGMT/health/ready") == 200 ]]; do
    ((SECONDS < deadline)) || { fail "not ready again within 120 s"; break; }
    sleep 0.5
  done
  stack_log "ready again $(elapsed "$t1" "$(date +%s.%N)") s after PostgreSQL started"
  sleep 2
  kill "$probe" 2>/dev/null || true
  wait "$probe" 2>/dev/null || true
  local down
  down=$(grep -c ' 503$' "$OUT/ready.log" || true)
  if ((down > 0)); then
    ok "/health/ready answered 503 $down times while PostgreSQL was down ($(grep ' 503$' "$OUT/ready.log" | head -n 1 | cut -d' ' -f1)-$(grep ' 503$' "$OUT/ready.log" | tail -n 1 | cut -d' ' -f1)), then 200"
  else
    fail "/health/ready never reported not-ready: $(cut -d' ' -f2 "$OUT/ready.log" | sort | uniq -c | tr '\n' ' ')"
  fi
  curl -s "$MGMT/health/ready" > "$OUT/ready-after.json"
  wait_more_acks "$AFTER"
  stop_load
  check
}

probe() { # name expected-codes curl-args...: one request, judged by status and body
  local name=$1 want=$2
  shift 2
  local code
  code=$(curl -s -o "$OUT/probe.body" -D "$OUT/probe.head" -m 30 -w '%{http_code}' "$@" || true)
  local type
  type=$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$OUT/probe.head" | tr -d '\r' | head -n 1)
  printf '%s\t%s\t%s\t%s\n' "$name" "$code" "$type" "$(head -c 300 "$OUT/probe.body" | tr '\n' ' ')" >> "$OUT/probes.tsv"
  if [[ " $want " != *" $code "* ]]; then
    fail "$name: $code (expected $want) $(head -c 200 "$OUT/probe.body")"
  elif grep -q 'Exception\|\.java:' "$OUT/probe.body"; then
    fail "$name: $code shows internals"
  else
    ok "$name: $code ${type%%;*}"
  fi
}

scenario_keycloak() {
  local admin forged
  admin=$(token admin)
  # a well-formed token signed by nobody's key, with a key id the server has never seen
  forged="$(printf '{"alg":"RS256","typ":"JWT","kid":"forged-%s"}' "$RANDOM" | base64 -w0 | tr '+/' '-_' | tr -d '=').$(printf '{"iss":"%s","sub":"x","exp":%s,"realm_access":{"roles":["cx-admin"]}}' "$KC_URL" "$(($(date +%s) + 600))" | base64 -w0 | tr '+/' '-_' | tr -d '=').c2lnbmF0dXJl"
  start_load || return 0
  sleep "$BEFORE"
  : > "$OUT/probes.tsv"
  local a
  a=$(acked_now)
  stack_log "stopping Keycloak at $a acknowledged (load average $(load_avg))"
  keycloak_stop
  probe "admin API with a still-valid token" "200" -H "Authorization: Bearer $admin" "$BASE/api/departments"
  probe "admin API with a token of an unknown key" "401" -H "Authorization: Bearer $forged" "$BASE/api/departments"
  probe "department sync (needs Keycloak)" "503" -X POST -H "Authorization: Bearer $admin" "$BASE/api/departments/sync"
  probe "page without a session (sign-in unavailable page)" "503" "$BASE/app/"
  probe "customer survey page (no sign-in)" "200" "$BASE/survey/index.html"
  wait_more_acks "$KC_DOWN"
  stop_load
  keycloak_start
  local fresh
  fresh=$(token admin)
  check
  probe "after restart: API with a token of the new Keycloak" "200" -H "Authorization: Bearer $fresh" "$BASE/api/departments"
  probe "after restart: page without a session (sign-in)" "302 303" "$BASE/app/"
}

stack_log "scenarios: $SCENARIOS (customers $CUSTOMERS, employees $EMPLOYEES, clients $CLIENTS; load average $(load_avg))"
for SCENARIO in $SCENARIOS; do
  stack_log "=== $SCENARIO ==="
  "scenario_$SCENARIO"
  if [[ -n $LOAD_PID ]]; then touch "$OUT/stop"; wait "$LOAD_PID" || true; LOAD_PID=""; fi
done
SCENARIO=summary
if ((${#FAILED[@]} > 0)); then
  printf 'FAILED: %s\n' "${FAILED[@]}" >&2
  exit 1
fi
stack_log "every check passed (load average $(load_avg))"

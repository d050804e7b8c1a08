#!/usr/bin/env bash
# Ingestion benchmark (issue 7): a private stack (fresh PostgreSQL database, Keycloak, one WildFly
# node; see stack.sh), then org.cxalign.tools.IngestBench: employees and customers submit valid
# responses at a fixed concurrency (warm-up, measured window), the plain-JDBC batch ceiling on the
# same database, and the database checks. Builds nothing: needs `./mvnw -DskipTests package`.
#
#   tools/load/ingest.sh [IngestBench options, e.g. --clients 8 --seconds 30 --employees 400]
#
# Environment: INGEST_DB (cxalign_ingest), INGEST_KC_PORT (8381), INGEST_OFFSET (1000: WildFly on
# 9080, management 10990), NODE_JAVA_OPTS (WildFly heap), JFR=1 records a flight recording of the
# node from before the set-up to the end (profile settings) into /tmp/cxalign-load/ingest/node.jfr.
# Run as root (stack.sh creates the database through `su postgres`).
# Exit status: 0 when every database check passed (the speed targets are reported, not enforced).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=stack.sh
source "$REPO/tools/load/stack.sh"
DB=${INGEST_DB:-cxalign_ingest}
KC=${INGEST_KC_PORT:-8381}
OFFSET=${INGEST_OFFSET:-1000}
TOOLS_JAR="$REPO/tools/target/cx-align-tools.jar"
[[ -e $TOOLS_JAR ]] || { echo "missing $TOOLS_JAR: run ./mvnw -DskipTests package first" >&2; exit 1; }

stack_init ingest
stack_db "$DB"
stack_keycloak "$KC"
stack_node node "$OFFSET"
stack_log "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
  "$(free -g | awk '/^Mem:/ {print $2}') GiB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg)"

JPID=""
if [[ ${JFR:-0} == 1 ]]; then # the node's JVM (started by this script: its own base directory)
  JPID=$(pgrep -f -- "^java .*-Djboss.server.base.dir=$LOAD_DIR/node " | head -n 1 || true)
  [[ -n $JPID ]] && jcmd "$JPID" JFR.start name=ingest settings=profile >/dev/null
fi
set +e
java -cp "$TOOLS_JAR:$REPO/tools/target/lib/*" org.cxalign.tools.IngestBench \
  --base "$(node_url node)" --realm "$KC_URL" --db-url "$DB_URL" \
  --db-user "$PG_USER" --db-password "$PG_PASSWORD" "$@"
rc=$?
set -e
if [[ -n $JPID ]]; then
  jcmd "$JPID" JFR.dump name=ingest filename="$LOAD_DIR/node.jfr" >/dev/null && stack_log "JFR: $LOAD_DIR/node.jfr"
fi
stack_log "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
exit $rc

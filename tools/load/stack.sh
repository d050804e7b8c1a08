# Sourced by the load and fault scripts: starts a private CX Align stack on 127.0.0.1 beside
# anything else (the demo and the integration tests keep 8080/8180/9990):
#   - a fresh PostgreSQL database on the local cluster (started if stopped),
#   - Keycloak from the build (its own copy, realm cx-align imported, in-memory store),
#   - one or more WildFly nodes from the build (own base directory each, port offset, same database).
# Needs a finished build: ./mvnw -DskipTests package (ear/target/server, ear/target/cx-align.ear,
# realm/target/keycloak-<version>). STACK_SERVER and STACK_EAR override the server and the EAR (e.g.
# a copy, so that a build may run meanwhile); STACK_KC_TIMEOUT and
# STACK_NODE_TIMEOUT (600 s each) bound the start-ups (a busy 2-core machine needs minutes).
# The nodes: NODE_JAVA_OPTS (heap, default -Xms512m -Xmx1g), NODE_IO_THREADS and NODE_TASK_THREADS
# (the io subsystem's default worker: I/O threads, largest request-thread pool), NODE_DB_PARAMS
# (appended to the database URL, e.g. ?reWriteBatchedInserts=true).
#
#   source tools/load/stack.sh
#   stack_init NAME                 # work directory /tmp/cxalign-load/NAME (LOAD_DIR), traps EXIT
#   stack_db DBNAME                 # fresh database; sets DB_URL
#   stack_keycloak PORT             # sets KC_PORT, KC_URL (realm URL)
#   stack_node NODE OFFSET          # starts WildFly NODE on 8080+OFFSET (mgmt 9990+OFFSET), waits ready
#   node_url NODE / node_mgmt NODE  # its base URLs
#   node_kill NODE [SIGNAL]         # SIGKILL by default; node_start NODE starts it again (same data)
#   keycloak_stop / keycloak_start  # stop or start the stack's Keycloak
#   token USER                      # an access token (client cx-cli, password = user name)
#   psql_db SQL                     # runs SQL on the stack's database as its owner, prints rows
#   stack_stop                      # stops everything started (also on EXIT)

STACK_REPO=${STACK_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
STACK_SERVER=${STACK_SERVER:-$STACK_REPO/ear/target/server}
STACK_EAR=${STACK_EAR:-$STACK_REPO/ear/target/cx-align.ear}
# the realm module unpacks Keycloak into realm/target/keycloak-<version>
STACK_KC_HOME=${STACK_KC_HOME:-$(ls -d "$STACK_REPO"/realm/target/keycloak-* 2>/dev/null | sort -V | tail -n 1)}
STACK_KC_HOME=${STACK_KC_HOME:-$STACK_REPO/realm/target/keycloak}
PG_USER=${PG_USER:-cxalign}
PG_PASSWORD=${PG_PASSWORD:-cxalign}
declare -A NODE_OFFSET=()
declare -A NODE_PID=()
KC_PID=""

stack_log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

stack_init() {
  LOAD_DIR=/tmp/cxalign-load/$1
  mkdir -p "$LOAD_DIR"
  for f in "$STACK_SERVER/bin/standalone.sh" "$STACK_EAR" "$STACK_KC_HOME/bin/kc.sh"; do
    [[ -e $f ]] || { stack_log "missing $f: run ./mvnw -DskipTests package first"; exit 1; }
  done
  trap stack_stop EXIT
}

# Runs a command without the descriptors this shell inherited above 2. The PostgreSQL cluster that
# stack_db may start outlives the script: started under `flock /tmp/cxalign-bench.lock ...` it
# kept the lock file open in the postmaster and every backend, and held the lock for everyone
# after the benchmark had ended (seen 2026-12-02).
no_inherited_fds() {
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec "$@"
  )
}

pg_super() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }

stack_db() {
  DB_NAME=$1
  local v
  v=$(ls /etc/postgresql | sort -n | tail -n 1)
  no_inherited_fds pg_ctlcluster "$v" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_super 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
  pg_super "SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'" | grep -q 1 ||
    pg_super "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD' CREATEDB"
  pg_super "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)"
  pg_super "CREATE DATABASE $DB_NAME OWNER $PG_USER"
  DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB_NAME
  stack_log "database $DB_NAME"
}

psql_db() { PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -U "$PG_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qtAc "$1"; }

wait_url() { # url seconds what [pid]
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if ((SECONDS > deadline)); then stack_log "$3 not up within $2 s"; return 1; fi
    if [[ -n ${4:-} ]] && ! kill -0 "$4" 2>/dev/null; then stack_log "$3 exited"; return 1; fi
    sleep 1
  done
}

stack_keycloak() {
  KC_PORT=$1
  KC_URL=http://127.0.0.1:$KC_PORT/realms/cx-align
  if [[ ! -d $LOAD_DIR/keycloak ]]; then cp -r "$STACK_KC_HOME" "$LOAD_DIR/keycloak"; fi
  # the realm to import always comes from this build (a copy left by an earlier run may hold an
  # older realm file)
  rm -rf "$LOAD_DIR/keycloak/data/import"
  cp -r "$STACK_KC_HOME/data/import" "$LOAD_DIR/keycloak/data/import"
  keycloak_start
}

keycloak_start() {
  rm -rf "$LOAD_DIR/keycloak/data/tmp"
  KC_BOOTSTRAP_ADMIN_USERNAME=kc-admin KC_BOOTSTRAP_ADMIN_PASSWORD=kc-admin setsid \
    "$LOAD_DIR/keycloak/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$KC_PORT" \
    --hostname "http://127.0.0.1:$KC_PORT" --db dev-mem --import-realm \
    >> "$LOAD_DIR/keycloak.log" 2>&1 < /dev/null &
  KC_PID=$!
  wait_url "$KC_URL/.well-known/openid-configuration" "${STACK_KC_TIMEOUT:-600}" "Keycloak :$KC_PORT" "$KC_PID" || exit 1
  stack_log "Keycloak on :$KC_PORT"
}

keycloak_stop() {
  [[ -n $KC_PID ]] || return 0
  kill -TERM -- "-$KC_PID" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$KC_PID" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$KC_PID" 2>/dev/null || true
  KC_PID=""
  stack_log "Keycloak stopped"
}

node_url() { echo "http://127.0.0.1:$((8080 + NODE_OFFSET[$1]))"; }
node_mgmt() { echo "http://127.0.0.1:$((9990 + NODE_OFFSET[$1]))"; }

stack_node() { # NODE OFFSET
  NODE_OFFSET[$1]=$2
  local base=$LOAD_DIR/$1
  mkdir -p "$base"
  rm -rf "$base/configuration" "$base/deployments"
  cp -r "$STACK_SERVER/standalone/configuration" "$base/"
  if [[ -n ${NODE_IO_THREADS:-}${NODE_TASK_THREADS:-} ]]; then # the io subsystem's worker threads
    sed -i "s|<worker name=\"default\"/>|<worker name=\"default\"${NODE_IO_THREADS:+ io-threads=\"$NODE_IO_THREADS\"}${NODE_TASK_THREADS:+ task-max-threads=\"$NODE_TASK_THREADS\"}/>|" \
      "$base/configuration/standalone.xml"
  fi
  mkdir -p "$base/deployments"
  cp "$STACK_EAR" "$base/deployments/"
  node_start "$1"
}

node_start() {
  local node=$1 base=$LOAD_DIR/$1
  CXALIGN_DB=postgresql CXALIGN_DB_URL=$DB_URL${NODE_DB_PARAMS:-} CXALIGN_DB_USER=$PG_USER CXALIGN_DB_PASSWORD=$PG_PASSWORD \
  OIDC_PROVIDER_URL=$KC_URL CXALIGN_KEYCLOAK_ADMIN_URL=http://127.0.0.1:$KC_PORT \
  CXALIGN_PUBLIC_URL=$(node_url "$node") JAVA_OPTS="${NODE_JAVA_OPTS:--Xms512m -Xmx1g}" setsid \
    "$STACK_SERVER/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="${NODE_OFFSET[$node]}" \
    -Djboss.tx.node.id="$node" -Djboss.node.name="$node" \
    >> "$LOAD_DIR/$node.log" 2>&1 < /dev/null &
  NODE_PID[$node]=$!
  wait_url "$(node_mgmt "$node")/health/ready" "${STACK_NODE_TIMEOUT:-600}" "WildFly $node" "${NODE_PID[$node]}" || exit 1
  stack_log "WildFly $node on $(node_url "$node")"
}

node_kill() { # NODE [SIGNAL]
  local node=$1 sig=${2:-KILL} pid=${NODE_PID[$1]:-}
  [[ -n $pid ]] || return 0
  kill -"$sig" -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  NODE_PID[$node]=""
  stack_log "WildFly $node stopped ($sig)"
}

token() {
  curl -fsS -d grant_type=password -d client_id=cx-cli -d "username=$1" -d "password=$1" \
    "$KC_URL/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

stack_stop() {
  local node
  for node in "${!NODE_PID[@]}"; do node_kill "$node" TERM; done
  keycloak_stop
}

#!/usr/bin/env bash
# Runs CX Align for a demo: builds what is missing, starts Keycloak (realm cx-align) on
# 127.0.0.1:8180 and WildFly with the EAR on 127.0.0.1:8080, seeds the demo organisation on
# first start, prints the URLs and logins, and stops both on Ctrl-C.
#
# Environment: every variable of the README's configuration table is passed through
# (CXALIGN_DB, CXALIGN_DB_URL, ... for PostgreSQL). SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")"

demo_dir="$PWD/target/demo"
kc_port=8180
http_port=8080
mgmt_port=9990

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building (first time: downloads WildFly and Keycloak into ~/.m2, a few minutes) ..."
  ./mvnw -B -q -DskipTests package
fi

server_dir="$PWD/ear/target/server"
kc_home=$(ls -d "$PWD"/realm/target/keycloak-*/ | head -n 1)
ear="$PWD/ear/target/cx-align.ear"
[[ -x "$server_dir/bin/standalone.sh" && -x "$kc_home/bin/kc.sh" && -f "$ear" ]] || {
  echo "The build did not produce the server, Keycloak or the EAR" >&2
  exit 1
}

for port in $kc_port $http_port $mgmt_port; do
  if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port on 127.0.0.1 is in use: stop what runs there first." >&2
    exit 1
  fi
done

# The demo server keeps its own base directory (its H2 data survives restarts); configuration and
# the EAR are refreshed from the build on every start.
mkdir -p "$demo_dir/standalone"
rm -rf "$demo_dir/standalone/configuration" "$demo_dir/standalone/deployments"
cp -r "$server_dir/standalone/configuration" "$demo_dir/standalone/"
mkdir -p "$demo_dir/standalone/deployments"
cp "$ear" "$demo_dir/standalone/deployments/"

pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping ..."
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

wait_for() { # url seconds what
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      echo "$3 did not come up within $2 s; see $demo_dir/*.log" >&2
      exit 1
    fi
    sleep 1
  done
}

echo "Starting Keycloak on http://127.0.0.1:$kc_port (log: $demo_dir/keycloak.log) ..."
set -m
KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-kc-admin}" \
KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-kc-admin}" \
  "$kc_home/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port $kc_port \
  --hostname "http://127.0.0.1:$kc_port" --db dev-mem --import-realm \
  > "$demo_dir/keycloak.log" 2>&1 &
pids+=($!)

echo "Starting WildFly on http://127.0.0.1:$http_port (log: $demo_dir/server.log) ..."
CXALIGN_DEMO_SEED="${CXALIGN_DEMO_SEED:-true}" \
  "$server_dir/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
  -Djboss.server.base.dir="$demo_dir/standalone" \
  > "$demo_dir/server.log" 2>&1 &
pids+=($!)
set +m

wait_for "http://127.0.0.1:$kc_port/realms/cx-align/.well-known/openid-configuration" 240 Keycloak
wait_for "http://127.0.0.1:$mgmt_port/health/ready" 240 WildFly

cat <<INFO

CX Align is running.
  Application      http://127.0.0.1:$http_port/          (sign in: http://127.0.0.1:$http_port/app/)
  API docs         http://127.0.0.1:$http_port/api-docs/  (OpenAPI: http://127.0.0.1:$http_port/openapi)
  Health           http://127.0.0.1:$mgmt_port/health
  Keycloak         http://127.0.0.1:$kc_port/admin/      (kc-admin / kc-admin)

Demo logins (password = user name):
  admin                      cx-admin
  <dept>-head                department-head of <dept>
  <dept>-employee            employee of <dept>
  where <dept> is sales, marketing, service, product, engineering, operations, finance, people

A token for scripts:
  curl -s -d grant_type=password -d client_id=cx-cli -d username=admin -d password=admin \\
    http://127.0.0.1:$kc_port/realms/cx-align/protocol/openid-connect/token

Press Ctrl-C to stop.
INFO
wait

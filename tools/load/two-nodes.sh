#!/usr/bin/env bash
# Two WildFly nodes of one build on one PostgreSQL database behind a round-robin balancer (nginx
# from Debian, installed when missing), then the checks of tools/load/two-nodes.py (responses
# through the balancer reach both nodes, an import through A while both drain, a rebuild through B
# while employees answer through A, every report endpoint identical from either node, job status
# and browser sessions per node). Exits non-zero on any failed check.
#
#   tools/load/two-nodes.sh          (needs a build: ./mvnw -DskipTests package)
#
# Ports (loopback only; the demo and the integration tests keep 8080/8180/9990):
#   KC_PORT (8384) Keycloak, OFFSET_A/OFFSET_B (4000/4100): WildFly A on 12080 (mgmt 13990) and
#   B on 12180 (mgmt 14090), LB_PORT (12000) the balancer; database DB (cxalign_nodes, dropped and
#   created afresh); ROWS (3000) rows of the import. Work directory /tmp/cxalign-load/two-nodes: node logs, nginx.conf, access.log.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
KC_PORT=${KC_PORT:-8384}
OFFSET_A=${OFFSET_A:-4000}
OFFSET_B=${OFFSET_B:-4100}
LB_PORT=${LB_PORT:-12000}
DB=${DB:-cxalign_nodes}
# shellcheck source=stack.sh
source "$here/stack.sh"

if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  stack_log "installing nginx-light (Debian)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq nginx-light >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }
  # the package starts the system's nginx on :80; this script needs only the binary
  systemctl stop nginx 2>/dev/null || service nginx stop 2>/dev/null || true
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

LB_PID=""
lb_stop() {
  [[ -n $LB_PID ]] || return 0
  kill -TERM "$LB_PID" 2>/dev/null || true
  wait "$LB_PID" 2>/dev/null || true
  LB_PID=""
  stack_log "balancer stopped"
}

stack_init two-nodes
trap 'lb_stop; stack_stop' EXIT
stack_db "$DB"
stack_keycloak "$KC_PORT"
stack_node a "$OFFSET_A"
stack_node b "$OFFSET_B"

# the balancer: round robin over both nodes, no stickiness; its access log names the upstream
LB=$LOAD_DIR/nginx
mkdir -p "$LB/temp"
chmod 1777 "$LB/temp"
: > "$LB/access.log"
cat > "$LB/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $LB/nginx.pid;
error_log $LB/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '\$upstream_addr \$status "\$request" \$request_time';
  access_log $LB/access.log upstream;
  client_body_temp_path $LB/temp/body;
  proxy_temp_path $LB/temp/proxy;
  fastcgi_temp_path $LB/temp/fastcgi;
  uwsgi_temp_path $LB/temp/uwsgi;
  scgi_temp_path $LB/temp/scgi;
  client_max_body_size 0;
  upstream cxalign {
    server 127.0.0.1:$((8080 + OFFSET_A));
    server 127.0.0.1:$((8080 + OFFSET_B));
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://cxalign;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 300s;
      proxy_next_upstream off;
    }
  }
}
CONF
"$NGINX" -t -q -p "$LB" -c "$LB/nginx.conf" -e "$LB/error.log"
setsid "$NGINX" -p "$LB" -c "$LB/nginx.conf" -e "$LB/error.log" >> "$LB/error.log" 2>&1 < /dev/null &
LB_PID=$!
wait_url "http://127.0.0.1:$LB_PORT/openapi" 30 "balancer :$LB_PORT" "$LB_PID" || exit 1
stack_log "balancer on :$LB_PORT (round robin: $(node_url a), $(node_url b))"

started=$(date -u +%H:%M:%S)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rc=0
python3 "$here/two-nodes.py" --balancer "http://127.0.0.1:$LB_PORT" --a "$(node_url a)" --b "$(node_url b)" \
  --realm "$KC_URL" --keycloak "http://127.0.0.1:$KC_PORT" --access-log "$LB/access.log" --rows "${ROWS:-3000}" || rc=$?
stack_log "checks $started-$(date -u +%H:%M:%S) UTC, load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
stack_log "requests per node (balancer access log): $(awk '{print $1}' "$LB/access.log" | sort | uniq -c | tr -s ' ' | paste -sd, -)"
exit $rc

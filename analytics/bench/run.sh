#!/usr/bin/env bash
# Speed benchmark of `cx-align report` against R (psych + multilevel) on the same file.
#
#   analytics/bench/run.sh [WORKDIR]
#
# Environment: RUNS (Java repetitions, default 7), R_RUNS (default 1; 0 times Java only),
# R_READER (base|fread, default base: read.csv), ANALYTICS_BUILD_DIR (where cx-align.jar is,
# default analytics/target), COLLAB=1 to generate the collab.<Department> columns as well.
# Builds cx-align.jar if missing or older than the sources, generates the issue's file
# (1,000,000 employees + 200,000 customers x 30 items, 40 departments, seed 20261123) once, times
# `java -Xmx1g -jar cx-align.jar report` and `Rscript report.R` with /usr/bin/time -v (wall time,
# peak RSS, CPU), checks that both computed the same figures (compare.py) and prints a summary: the
# R/Java ratios of wall time (R best / Java median is the one the issue's "70 times faster" is
# checked against) and the load average at every run, since other work on the machine inflates
# the times.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
repo_root=$(dirname "$module")
build=${ANALYTICS_BUILD_DIR:-$module/target}
jar=$build/cx-align.jar
work=${1:-${TMPDIR:-/tmp}/cx-align-bench}
runs=${RUNS:-7}
r_runs=${R_RUNS:-1}
reader=${R_READER:-base}
mkdir -p "$work"

# (re)build when the jar is missing or older than a source file or the pom, so that the jar timed
# is the code checked out
if [ ! -f "$jar" ] || [ -n "$(find "$module/src/main" "$module/pom.xml" -newer "$jar" -print -quit)" ]; then
  # the project's Maven wrapper, so a machine with only a JDK can build the jar
  (cd "$repo_root" && ./mvnw -q -pl analytics -DskipUnitTests=true -Danalytics.build.dir="$build" package)
fi
data=$work/responses.csv
if [ ! -f "$data" ]; then
  extra=()
  [ "${COLLAB:-0}" = 1 ] && extra=(--collab)
  java -jar "$jar" generate --output "$data" --seed 20261123 "${extra[@]}"
fi

# seconds and peak RSS (MB) from /usr/bin/time -v output
measure() {
  local log=$1
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
    /Maximum resident set size/ { rss = $2 / 1024 }
    /User time/ { user = $2 }
    /System time/ { sys = $2 }
    END { printf "%.2f %.0f %.2f\n", wall, rss, user + sys }' "$log"
}

echo "== machine"
echo "nproc: $(nproc)"
lscpu | head -15
free -h
java -version 2>&1 | head -1
R --version | head -1
date -u
uptime
echo "file: $data ($(du -hL "$data" | cut -f1), $(wc -l < "$data") lines)"

echo "== java (x$runs): java -Xmx1g -jar $jar report --input $data"
java_results=()
for i in $(seq 1 "$runs"); do
  /usr/bin/time -v java -Xmx1g -jar "$jar" report --input "$data" > "$work/java.json" 2> "$work/java-time.log"
  m=$(measure "$work/java-time.log")
  echo "run $i: wall/s peakRSS/MB cpu/s = $m   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  java_results+=("$m")
done

echo "== R ($reader reader, x$r_runs)"
r_results=()
for i in $(seq 1 "$r_runs"); do
  /usr/bin/time -v Rscript "$here/report.R" "$data" "$work/r.json" --reader="$reader" 2> "$work/r-time.log"
  grep -E '^(read|items|rwg.j|anova|alpha|consensus|gap|total) ' "$work/r-time.log" || true
  m=$(measure "$work/r-time.log")
  echo "run $i: wall/s peakRSS/MB cpu/s = $m   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  r_results+=("$m")
done

best() { printf '%s\n' "$@" | sort -n -k1,1 | head -1; }
median() { printf '%s\n' "$@" | sort -n -k1,1 | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
if [ "$r_runs" = 0 ]; then
  echo "== summary (R_RUNS=0: java only)"
  echo "java best:   $(best "${java_results[@]}")   (wall s, peak RSS MB, cpu s)"
  echo "java median: $(median "${java_results[@]}")"
  uptime
  exit 0
fi

echo "== agreement (java vs R)"
python3 "$here/compare.py" "$work/java.json" "$work/r.json" || echo "WARNING: figures differ"

jb=$(best "${java_results[@]}"); jm=$(median "${java_results[@]}"); rb=$(best "${r_results[@]}")
echo "== summary"
echo "java best:   $jb   (wall s, peak RSS MB, cpu s)"
echo "java median: $jm"
echo "R best:      $rb"
rmed=$(median "${r_results[@]}")
echo "R median:    $rmed"
ratio() { awk -v j="$1" -v r="$2" 'BEGIN { printf "%.1f", r / j }'; }
echo "R best / java median: $(ratio "${jm%% *}" "${rb%% *}")x faster (wall)"
echo "R best / java best:   $(ratio "${jb%% *}" "${rb%% *}")x faster (wall)"
echo "R median / java median: $(ratio "${jm%% *}" "${rmed%% *}")x faster (wall)"
awk -v j="${jm%% *}" -v r="${rb%% *}" 'BEGIN {
  if (r / j >= 70) print "goal (>= 70x, R best / java median): met"; else print "goal (>= 70x, R best / java median): NOT met" }'
uptime

#!/usr/bin/env bash
# Batch benchmarks, on each database in DATABASES (default "postgres h2"; PostgreSQL is a real server the
# script starts itself, with fsync on):
#  enqueue  RUNS times on a fresh issuer and database: ROWS (default 100,000) CSV rows in one POST, with the
#           heap capped at 512 MB (-Xmx512m) and the peak heap in use read from the GC log; rows per
#           second. Baseline in the same run: the same file POSTed to a server that only reads it.
#  drain    for each rate limit in RATES (default "50 200"; empty for none), RUNS times: the issuer in
#           front of the Credenco simulator with a batch of DRAIN_ROWS (default 100,000) queued; over
#           DRAIN_SECONDS, the issue calls as the simulator saw them arrive (sustained rate, the busiest
#           one-second window, sliding);
#           and a portal start's latency during the drain (PORTAL_RATE starts a second, default 2, for
#           PORTAL_SECONDS), side by side with the same load on the same issuer before the batch came.
# Figures are medians over the runs. Runs inside a loopback-only network namespace when root.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
if [ "${BENCH_IN_NAMESPACE:-}" != 1 ]; then
  # Everything Maven needs is resolved here, with the network; inside the namespace it runs offline.
  mvn -B -q -ntp install -DskipTests
  mvn -B -q -ntp -pl adapters-persistence test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:help >/dev/null
  if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
    exec unshare -n env BENCH_IN_NAMESPACE=1 bash -c 'ip link set lo up && "$0" "$@"' "$0" "$@"
  fi
fi

DATABASES="${DATABASES:-postgres h2}" RATES="${RATES-50 200}" RUNS="${RUNS:-3}"
ROWS="${ROWS:-100000}" DRAIN_ROWS="${DRAIN_ROWS:-100000}" DRAIN_SECONDS="${DRAIN_SECONDS:-60}" PORTAL_SECONDS="${PORTAL_SECONDS:-20}" PORTAL_RATE="${PORTAL_RATE:-2}"
ISSUER=18280 SIMULATOR=18281 SINK=18282 POSTGRES=18283
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
sha() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
p50() { sed -E 's/.*p50=([0-9.]+).*/\1/'; }

csv() { # csv <file> <rows> <prefix>
  echo "reference,bigNumber,firstName,lastName,profession,specialism,registrationDate,validUntil" > "$1"
  awk -v n="$2" -v p="$3" 'BEGIN { for (i = 0; i < n; i++) printf "%s-%d,%011d,Sophie,de Vries,Physiotherapist,Sports Physiotherapy,2026-03-19,2031-03-19\n", p, i, 20000000000 + i }' >> "$1"
}

start_postgres() { # a fresh server per run: each run starts from an empty database
  mvn -B -q -o -pl adapters-persistence org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
    -Dexec.mainClass=nl.bigregister.issuer.adapters.persistence.bench.BenchPostgres -Dexec.args=$POSTGRES > "$work/postgres.log" 2>&1 &
  until grep -q "postgres ready" "$work/postgres.log"; do sleep 0.3; done
  postgres_pid=$(grep -o 'pid [0-9]*' "$work/postgres.log" | cut -d' ' -f2)
}
stop_postgres() { kill "$postgres_pid"; while kill -0 "$postgres_pid" 2>/dev/null; do sleep 0.2; done; }

start_issuer() { # start_issuer <db> <rate> <dir>
  local db_env=()
  [ "$1" = postgres ] && db_env=(DB_URL=jdbc:postgresql://127.0.0.1:$POSTGRES/postgres DB_USER=postgres DB_PASSWORD=postgres)
  mkdir -p "$3"
  ( cd "$3" && exec env "${db_env[@]}" ISSUER_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" PORT=$ISSUER \
    CREDENCO_BASE_URL=http://127.0.0.1:$SIMULATOR CREDENCO_API_KEY=demo-credenco-key \
    ISSUER_CLIENTS="jobs:batch:$(sha bench-batch-key);portal:portal:$(sha bench-portal-key)" \
    ISSUER_CREDENCO_RATE_LIMIT="$2" ISSUER_STATUS_POLL_INTERVAL=PT1M \
    java -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -Xlog:gc:file=gc.log -jar "$OLDPWD/distribution/target/big-issuer.jar" > issuer.log 2>&1 ) &
  issuer_pid=$!
  until curl -fs http://127.0.0.1:$ISSUER/health/ready >/dev/null 2>&1; do sleep 0.2; done
}
stop_issuer() { kill "$issuer_pid"; wait "$issuer_pid" 2>/dev/null || true; }

start_simulator() {
  SIMULATOR_PORT=$SIMULATOR java -jar credenco-simulator/target/credenco-simulator.jar > "$work/simulator.log" 2>&1 &
  simulator_pid=$!
  until grep -qs "ready" "$work/simulator.log"; do sleep 0.2; done
}
stop_simulator() { kill "$simulator_pid"; wait "$simulator_pid" 2>/dev/null || true; rm -f "$work/simulator.log"; }

post_batch() { # post_batch <file>; prints seconds taken and the batch id
  local start took receipt
  start=$(date +%s.%N)
  receipt=$(curl -s --max-time 900 -X POST http://127.0.0.1:$ISSUER/api/v1/batches -H 'X-API-Key: bench-batch-key' \
    -H 'Content-Type: text/csv' --data-binary @"$1")
  took=$(echo "$(date +%s.%N) - $start" | bc)
  echo "$took $(echo "$receipt" | grep -o '"id":"[^"]*"' | cut -d'"' -f4) $(echo "$receipt" | grep -o '"accepted":[0-9]*' | cut -d: -f2)"
}

csv "$work/enqueue.csv" "$ROWS" row
echo "batch file: $ROWS rows, $(du -h "$work/enqueue.csv" | cut -f1)"
java bench/IssuanceLoad.java stub $SINK > "$work/sink.log" 2>&1 & pids+=($!)
until grep -q "ready" "$work/sink.log"; do sleep 0.2; done

for db in $DATABASES; do
  : > "$work/$db-enqueue.txt"; : > "$work/$db-sink.txt"; : > "$work/$db-heap.txt"
  for run in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    curl -s -o /dev/null -X POST http://127.0.0.1:$SINK/api/v2/credential/issue -H 'Content-Type: text/csv' --data-binary @"$work/enqueue.csv"
    echo "$(date +%s.%N) - $start" | bc >> "$work/$db-sink.txt"
    [ "$db" = postgres ] && start_postgres
    start_simulator
    start_issuer "$db" 20 "$work/$db-enqueue-$run"
    read -r took id accepted < <(post_batch "$work/enqueue.csv")
    [ "$accepted" = "$ROWS" ] || { echo "run $run on $db accepted '$accepted' of $ROWS rows"; exit 1; }
    echo "$ROWS / $took" | bc >> "$work/$db-enqueue.txt"
    # peak heap in use: the occupancy before each collection, the highest one
    sed -nE 's/.* ([0-9]+)M->[0-9]+M\(.*/\1/p' "$work/$db-enqueue-$run/gc.log" | sort -n | tail -1 >> "$work/$db-heap.txt"
    echo "  $db enqueue run $run: $ROWS rows in ${took}s"
    stop_issuer; stop_simulator
    [ "$db" = postgres ] && stop_postgres
  done

  csv "$work/drain.csv" "$DRAIN_ROWS" drain
  for rate in $RATES; do
    : > "$work/$db-$rate-sustained.txt"; : > "$work/$db-$rate-busiest.txt"; : > "$work/$db-$rate-idle.txt"; : > "$work/$db-$rate-busy.txt"
    for run in $(seq "$RUNS"); do
      [ "$db" = postgres ] && start_postgres
      start_simulator
      start_issuer "$db" "$rate" "$work/$db-$rate-$run"
      java bench/IssuanceLoad.java load http://127.0.0.1:$ISSUER/api/v1/issuances bench-portal-key 1 5 >/dev/null
      java bench/IssuanceLoad.java load http://127.0.0.1:$ISSUER/api/v1/issuances bench-portal-key 1 "$PORTAL_SECONDS" "$PORTAL_RATE" | p50 >> "$work/$db-$rate-idle.txt"
      post_batch "$work/drain.csv" > /dev/null
      sleep 5 # past the start-up of the dispatch loops
      from=$(date +%s%3N)
      sleep $(( (DRAIN_SECONDS - PORTAL_SECONDS) / 2 ))
      java bench/IssuanceLoad.java load http://127.0.0.1:$ISSUER/api/v1/issuances bench-portal-key 1 "$PORTAL_SECONDS" "$PORTAL_RATE" | p50 >> "$work/$db-$rate-busy.txt"
      until [ $(( $(date +%s%3N) - from )) -ge $(( DRAIN_SECONDS * 1000 )) ]; do sleep 0.2; done
      to=$(( from + DRAIN_SECONDS * 1000 ))
      curl -s http://127.0.0.1:$SIMULATOR/admin/issue-calls -H 'X-API-Key: demo-credenco-key' \
        | awk -v from="$from" -v to="$to" '$1 >= from && $1 < to' > "$work/arrivals.txt"
      # sustained: all arrivals over the window; busiest: the most arrivals in any one second, sliding
      echo "scale=1; $(wc -l < "$work/arrivals.txt") / $DRAIN_SECONDS" | bc >> "$work/$db-$rate-sustained.txt"
      awk '{t[NR] = $1} END { j = 1; best = 0; for (i = 1; i <= NR; i++) { while (t[i] - t[j] >= 1000) j++; if (i - j + 1 > best) best = i - j + 1 } print best }' \
        "$work/arrivals.txt" >> "$work/$db-$rate-busiest.txt"
      echo "  $db drain at $rate/s run $run: $(tail -1 "$work/$db-$rate-sustained.txt")/s sustained, busiest second $(tail -1 "$work/$db-$rate-busiest.txt")"
      stop_issuer; stop_simulator
      [ "$db" = postgres ] && stop_postgres
    done
  done
done

echo
echo "Medians of $RUNS runs"
for db in $DATABASES; do
  enqueue=$(median < "$work/$db-enqueue.txt")
  echo "$db:"
  echo "  enqueue $ROWS CSV rows: $enqueue rows/s ($(echo "scale=1; $ROWS / $enqueue" | bc) s); peak heap in use $(median < "$work/$db-heap.txt") MB of 512;" \
       "baseline, the same upload to a server that only reads it: $(median < "$work/$db-sink.txt") s"
  for rate in $RATES; do
    sustained=$(median < "$work/$db-$rate-sustained.txt"); busiest=$(median < "$work/$db-$rate-busiest.txt")
    echo "  drain at $rate/s: sustained $sustained/s ($(echo "scale=1; 100 * $sustained / $rate" | bc)%)," \
         "busiest one-second window $busiest ($(echo "scale=1; 100 * $busiest / $rate" | bc)%, highest of the runs $(sort -n "$work/$db-$rate-busiest.txt" | tail -1));" \
         "portal start p50 idle $(median < "$work/$db-$rate-idle.txt") ms, during the drain $(median < "$work/$db-$rate-busy.txt") ms"
  done
done

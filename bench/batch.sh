#!/usr/bin/env bash
# Batch benchmarks, in one run per rate limit (RATES, default "50 200"):
#  1. a portal start's latency with the issuer idle (IssuanceLoad, 1 connection, PORTAL_SECONDS);
#  2. enqueueing ROWS (default 100,000) CSV rows in one request, with the heap capped at 512 MB (-Xmx512m:
#     finishing at all shows the heap stayed below it); rows per second;
#  3. the drain against the Credenco simulator, sampled every second for DRAIN_SECONDS: items leaving
#     `requested` per second (median and the highest one-second window) against the limit;
#  4. the portal start's latency again, during the drain, side by side with (1).
# Runs inside a loopback-only network namespace when root.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
[ -f distribution/target/big-issuer.jar ] && [ -f credenco-simulator/target/credenco-simulator.jar ] || mvn -B -q -ntp package -DskipTests
if [ "${BENCH_IN_NAMESPACE:-}" != 1 ] && [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
  exec unshare -n env BENCH_IN_NAMESPACE=1 bash -c 'ip link set lo up && "$0" "$@"' "$0" "$@"
fi

RATES="${RATES:-50 200}" ROWS="${ROWS:-100000}" DRAIN_SECONDS="${DRAIN_SECONDS:-30}" PORTAL_SECONDS="${PORTAL_SECONDS:-10}"
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
sha() { printf %s "$1" | sha256sum | cut -d' ' -f1; }

echo "reference,bigNumber,firstName,lastName,profession,specialism,registrationDate,validUntil" > "$work/batch.csv"
awk -v n="$ROWS" 'BEGIN { for (i = 0; i < n; i++) printf "row-%d,%011d,Sophie,de Vries,Physiotherapist,Sports Physiotherapy,2026-03-19,2031-03-19\n", i, 20000000000 + i }' >> "$work/batch.csv"
echo "batch file: $ROWS rows, $(du -h "$work/batch.csv" | cut -f1)"

SIMULATOR_PORT=18281 java -jar credenco-simulator/target/credenco-simulator.jar > "$work/simulator.log" 2>&1 & pids+=($!)
until grep -q "ready" "$work/simulator.log"; do sleep 0.2; done

for rate in $RATES; do
  mkdir -p "$work/$rate"
  ( cd "$work/$rate" && ISSUER_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" PORT=18280 CREDENCO_BASE_URL=http://127.0.0.1:18281 CREDENCO_API_KEY=demo-credenco-key \
    ISSUER_CLIENTS="jobs:batch:$(sha bench-batch-key);portal:portal:$(sha bench-portal-key)" \
    ISSUER_CREDENCO_RATE_LIMIT="$rate" ISSUER_DISPATCH_CONCURRENCY=16 ISSUER_STATUS_POLL_INTERVAL=PT1M \
    exec java -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -jar "$OLDPWD/distribution/target/big-issuer.jar" > issuer.log 2>&1 ) & issuer=$!
  pids+=($issuer)
  until curl -fs http://127.0.0.1:18280/health/ready >/dev/null 2>&1; do sleep 0.2; done
  java bench/IssuanceLoad.java load http://127.0.0.1:18280/api/v1/issuances bench-portal-key 1 5 >/dev/null
  idle=$(java bench/IssuanceLoad.java load http://127.0.0.1:18280/api/v1/issuances bench-portal-key 1 "$PORTAL_SECONDS")

  start=$(date +%s.%N)
  receipt=$(curl -s --max-time 600 -X POST http://127.0.0.1:18280/api/v1/batches -H 'X-API-Key: bench-batch-key' \
    -H 'Content-Type: text/csv' --data-binary @"$work/batch.csv")
  took=$(echo "$(date +%s.%N) - $start" | bc)
  id=$(echo "$receipt" | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
  accepted=$(echo "$receipt" | grep -o '"accepted":[0-9]*' | cut -d: -f2)

  : > "$work/$rate/drain.txt"
  for s in $(seq 0 "$DRAIN_SECONDS"); do
    requested=$(curl -s http://127.0.0.1:18280/api/v1/batches/$id -H 'X-API-Key: bench-batch-key' | grep -o '"requested":[0-9]*' | cut -d: -f2 || true)
    echo "$(date +%s.%N) $requested" >> "$work/$rate/drain.txt"
    if [ "$s" = 5 ]; then
      busy=$(java bench/IssuanceLoad.java load http://127.0.0.1:18280/api/v1/issuances bench-portal-key 1 "$PORTAL_SECONDS")
    fi
    sleep 1
  done
  rss=$(ps -o rss= -p $issuer)
  curl -fs -X POST http://127.0.0.1:18280/api/v1/batches/$id/cancel -H 'X-API-Key: bench-batch-key' >/dev/null
  kill $issuer; wait $issuer 2>/dev/null || true

  # items leaving `requested` per second, between consecutive samples
  awk 'NR > 1 { dt = $1 - t; d = r - $2; if (dt > 0) print d / dt } { t = $1; r = $2 }' "$work/$rate/drain.txt" > "$work/$rate/perSecond.txt"
  median=$(sort -n "$work/$rate/perSecond.txt" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  highest=$(sort -n "$work/$rate/perSecond.txt" | tail -1)
  p50() { echo "$1" | sed -E 's/.*p50=([0-9.]+).*/\1/'; }
  echo
  echo "rate limit $rate/s:"
  echo "  enqueue: $accepted rows accepted in ${took}s = $(echo "$accepted / $took" | bc) rows/s (heap capped at 512 MB; RSS after $((rss / 1024)) MiB)"
  echo "  drain: median $(printf %.1f "$median")/s ($(echo "scale=1; 100 * $median / $rate" | bc)% of the limit), highest one-second window $(printf %.1f "$highest")/s ($(echo "scale=1; 100 * $highest / $rate" | bc)%)"
  echo "  portal start p50: idle $(p50 "$idle") ms, during the drain $(p50 "$busy") ms"
  echo "  idle:  $idle"
  echo "  drain: $busy"
done

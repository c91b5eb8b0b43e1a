#!/usr/bin/env bash
# Benchmark of POST /api/v1/issuances against a zero-latency Credenco stub, side by side with the stub alone,
# in one run: RUNS rounds (default 5) of SECONDS (default 20) each, alternating, at CONNECTIONS (default 32);
# the medians are reported. Also: time from start to ready, and the issuer's resident memory under load.
# Runs inside a loopback-only network namespace when root (Payara Micro's data grid binds every interface).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
[ -f distribution/target/big-issuer.jar ] || mvn -B -q -ntp package -DskipTests

if [ "${BENCH_IN_NAMESPACE:-}" != 1 ] && [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
  exec unshare -n env BENCH_IN_NAMESPACE=1 bash -c 'ip link set lo up && "$0" "$@"' "$0" "$@"
fi

RUNS="${RUNS:-5}" SECONDS_PER_RUN="${SECONDS:-20}" CONNECTIONS="${CONNECTIONS:-32}"
# The JVM settings the README recommends for an instance: a bounded heap keeps resident memory bounded.
# The issuer's own cost is measured: Credenco's rate limit (which portal calls also keep to) is set out of reach.
ISSUER_JAVA_OPTS="${ISSUER_JAVA_OPTS:--Xmx384m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC}"
work=$(mktemp -d)
cleanup() { kill $stub $issuer 2>/dev/null || true; wait 2>/dev/null || true; if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
key=bench-portal-key
java bench/IssuanceLoad.java stub 18181 > "$work/stub.log" 2>&1 & stub=$!
started=$(date +%s.%N)
( cd "$work" && ISSUER_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" PORT=18180 CREDENCO_BASE_URL=http://127.0.0.1:18181 CREDENCO_API_KEY=k \
  ISSUER_CLIENTS="bench:portal:$(printf %s $key | sha256sum | cut -d' ' -f1)" \
  ISSUER_CREDENCO_RATE_LIMIT=1000000 \
  exec java $ISSUER_JAVA_OPTS -jar "$OLDPWD/distribution/target/big-issuer.jar" > issuer.log 2>&1 ) & issuer=$!
until curl -fs http://127.0.0.1:18180/health/ready >/dev/null 2>&1; do sleep 0.2; done
ready=$(echo "$(date +%s.%N) - $started" | bc)
until grep -q "stub ready" "$work/stub.log"; do sleep 0.2; done

echo "ready after ${ready}s; warming up"
java bench/IssuanceLoad.java load http://127.0.0.1:18180/api/v1/issuances $key "$CONNECTIONS" 15 >/dev/null
java bench/IssuanceLoad.java load http://127.0.0.1:18181/api/v2/credential/issue - "$CONNECTIONS" 5 >/dev/null

: > "$work/stub.txt"; : > "$work/issuer.txt"; : > "$work/rss.txt"
for run in $(seq 1 "$RUNS"); do
  java bench/IssuanceLoad.java load http://127.0.0.1:18181/api/v2/credential/issue - "$CONNECTIONS" "$SECONDS_PER_RUN" | tee -a "$work/stub.txt" | sed "s/^/stub   run $run: /"
  ( sleep $((SECONDS_PER_RUN / 2)); ps -o rss= -p $issuer >> "$work/rss.txt" ) &
  java bench/IssuanceLoad.java load http://127.0.0.1:18180/api/v1/issuances $key "$CONNECTIONS" "$SECONDS_PER_RUN" | tee -a "$work/issuer.txt" | sed "s/^/issuer run $run: /"
  wait %% 2>/dev/null || true
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" "$2" | median; }
s50=$(field p50 "$work/stub.txt"); s99=$(field p99 "$work/stub.txt"); st=$(field throughput "$work/stub.txt")
i50=$(field p50 "$work/issuer.txt"); i99=$(field p99 "$work/issuer.txt"); it=$(field throughput "$work/issuer.txt")
errs=$(sed -E 's/.*errors=([0-9]+).*/\1/' "$work/issuer.txt" | paste -sd+ | bc)
rss=$(sort -n "$work/rss.txt" | tail -1)
echo
echo "| median of $RUNS runs, $CONNECTIONS connections | throughput (req/s) | p50 (ms) | p99 (ms) |"
echo "|---|---|---|---|"
echo "| Credenco stub alone | $st | $s50 | $s99 |"
echo "| POST /api/v1/issuances (issuer + stub) | $it | $i50 | $i99 |"
echo "| added by the issuer | | $(echo "$i50 - $s50" | bc) | $(echo "$i99 - $s99" | bc) |"
echo
echo "errors: $errs; ready after ${ready}s; issuer RSS under load (max of samples): $((rss / 1024)) MiB"

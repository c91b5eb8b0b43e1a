#!/usr/bin/env bash
# The one-command demo: builds what is missing, then starts the Credenco simulator and the BIG Credential
# Issuer on loopback (embedded H2 under ./data, the published demo keys) and prints the walk-through.
# Ctrl-C stops both. Needs a JDK 21+ and Maven.
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

ISSUER_JAR=distribution/target/big-issuer.jar
SIMULATOR_JAR=credenco-simulator/target/credenco-simulator.jar
if [ ! -f "$ISSUER_JAR" ] || [ ! -f "$SIMULATOR_JAR" ]; then
  echo "Building (first run only; a few minutes)…"
  mvn -B -q -ntp package -DskipTests
fi

sha() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
export PORT="${PORT:-8080}"
export SIMULATOR_PORT="${SIMULATOR_PORT:-8081}"
export SIMULATOR_API_KEY=demo-credenco-key
export CREDENCO_BASE_URL="http://127.0.0.1:$SIMULATOR_PORT"
export CREDENCO_API_KEY="$SIMULATOR_API_KEY"
export ISSUER_DEMO=true
export ISSUER_CLIENTS="demo-portal:portal:$(sha demo-portal-key);demo-batch:batch:$(sha demo-batch-key);demo-auditor:auditor:$(sha demo-auditor-key);demo-admin:admin:$(sha demo-admin-key)"

mkdir -p data
# The demo's own encryption key for the personal claims, made once and kept beside its database.
[ -s data/encryption.key ] || head -c 32 /dev/urandom | base64 > data/encryption.key
export ISSUER_ENCRYPTION_KEY="$(cat data/encryption.key)"
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

"$JAVA" -jar "$SIMULATOR_JAR" > data/simulator.log 2>&1 &
pids+=($!)
"$JAVA" -XX:TieredStopAtLevel=1 -jar "$ISSUER_JAR" > data/issuer.log 2>&1 &
pids+=($!)

echo "Starting the Credenco simulator (:$SIMULATOR_PORT) and the issuer (:$PORT); logs in ./data …"
for _ in $(seq 1 240); do
  if curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "The issuer stopped; see data/issuer.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { echo "Not ready in time; see data/issuer.log" >&2; exit 1; }

cat <<TEXT

Ready: the issuer at http://127.0.0.1:$PORT, the Credenco simulator at $CREDENCO_BASE_URL.
Demo API keys (X-API-Key): demo-portal-key (portal), demo-batch-key (batch), demo-auditor-key (auditor),
demo-admin-key (admin). They are published: the issuer refuses them outside the demo.

In another terminal — Sophie's issuance:

  curl -s -X POST http://127.0.0.1:$PORT/api/v1/issuances -H 'Content-Type: application/json' \\
    -H 'X-API-Key: demo-portal-key' -o sophie.json \\
    -d '{"bigNumber":"29065432101","firstName":"Sophie","lastName":"de Vries","profession":"Physiotherapist",
         "specialism":"Sports Physiotherapy","registrationDate":"2026-03-19","validUntil":"2031-03-19"}'
  ID=\$(grep -o '"id":"[^"]*"' sophie.json | cut -d'"' -f4)
  grep -o '"qrCode":"[^"]*"' sophie.json | cut -d'"' -f4 | cut -d, -f2 | base64 -d > sophie-qr.png

Sophie scans the QR code with the test wallet:

  java -jar $SIMULATOR_JAR wallet sophie-qr.png

and the issuance is issued:

  curl -s http://127.0.0.1:$PORT/api/v1/issuances/\$ID -H 'X-API-Key: demo-portal-key'

Follow it live instead: curl -N http://127.0.0.1:$PORT/api/v1/issuances/\$ID/events -H 'X-API-Key: demo-portal-key'

Ctrl-C stops both.
TEXT
wait "${pids[1]}"

#!/usr/bin/env bash
# Runs every test: unit and contract tests, then the end-to-end tests on the packaged Payara Micro jar.
# Needs a JDK 21+ (Temurin 25 is picked when present) and Maven; everything else comes from Maven Central.
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ -n "${JAVA_HOME:-}" ]; then
  export PATH="$JAVA_HOME/bin:$PATH"
fi

# 1. With the network: resolve every dependency and plugin, compile, run the unit and contract tests
#    (H2 and an embedded PostgreSQL) and build big-issuer.jar.
mvn -B -ntp install -DskipITs

# 2. The end-to-end tests boot Payara Micro, whose data grid listens on every interface. Where we may,
#    run them in a network namespace with nothing but loopback, offline (everything is resolved above).
its="mvn -B -ntp -o -pl distribution failsafe:integration-test failsafe:verify"
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
  unshare -n bash -c "ip link set lo up && $its"
else
  echo "test.sh: no loopback-only namespace here (needs root); running the end-to-end tests directly" >&2
  $its
fi

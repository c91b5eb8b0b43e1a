#!/usr/bin/env bash
# Audit trail benchmark on a real PostgreSQL that the harness starts itself (embedded-postgres): fills
# EVENTS (default 1,000,000) chained events, then times three full verifications, 2,000 subject queries,
# and 3,000 transactions with an audit append side by side with the same transactions without it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp -pl adapters-persistence test-compile
mvn -B -q -ntp -pl adapters-persistence org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test -Dexec.mainClass=nl.bigregister.issuer.adapters.persistence.bench.AuditTrailBenchmark \
  -Devents="${EVENTS:-1000000}"

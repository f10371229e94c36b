#!/usr/bin/env bash
# The packaged Quarkus sink (target/quarkus-app) on a real broker: time to readiness, the metrics after three results
# and a duplicate, and that SIGTERM writes the file a last time (the write interval is 60 s, so the rows published
# after the first write can only come from that last write). Needs `./mvnw -o -q install -pl sink-service -DskipTests`
# and `./mvnw -o -q install -pl cli -DskipTests` first (the broker runs on cli's class path). Run from the repository root.
set -euo pipefail
DIR=$(mktemp -d)
PORT=${PORT:-18093}
CP="cli/target/cli-0.1.0-SNAPSHOT.jar:cli/target/lib/*"
java -cp "$CP" sink-service/bench/SinkSmokeBroker.java "$DIR" > "$DIR/broker.log" 2>&1 &
BROKER=$!
trap 'touch "$DIR/stop"; wait $BROKER || true' EXIT
for _ in $(seq 120); do [ -f "$DIR/bootstrap" ] && break; sleep 0.5; done
START=$(date +%s.%N)
LANDMARKS_KAFKA_BOOTSTRAP_SERVERS=$(cat "$DIR/bootstrap") LANDMARKS_SINK_OUT="$DIR/out/submission.csv" \
  LANDMARKS_SINK_WRITE_INTERVAL=60s LANDMARKS_HTTP_PORT=$PORT \
  java -jar sink-service/target/quarkus-app/quarkus-run.jar > "$DIR/app.log" 2>&1 &
APP=$!
until curl -sf -o /dev/null "localhost:$PORT/q/health/ready"; do sleep 0.2; done
echo "ready after $(echo "$(date +%s.%N) - $START" | bc) s"
until [ -f "$DIR/out/submission.csv" ]; do sleep 0.2; done
touch "$DIR/publish"
until [ -f "$DIR/published" ]; do sleep 0.2; done
until curl -s "localhost:$PORT/q/metrics" | grep -q 'landmarks_sink_duplicates_total{service="sink"} 1'; do sleep 0.2; done
curl -s "localhost:$PORT/q/metrics" | grep '^landmarks_sink_'
echo "--- file before SIGTERM:"; cat "$DIR/out/submission.csv"
STOP=$(date +%s.%N)
kill -TERM $APP
wait $APP || true
echo "process gone $(echo "$(date +%s.%N) - $STOP" | bc) s after SIGTERM"
echo "--- file after SIGTERM:"; cat "$DIR/out/submission.csv"

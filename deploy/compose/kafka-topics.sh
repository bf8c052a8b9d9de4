#!/bin/bash
# Creates Pantau's Kafka topics on the compose broker when they are missing: the one-shot service
# kafka-init runs it on every `docker compose up`, before ingest, dashboard-api and the jobs start
# (the broker creates no topic by itself). Reference data and the check-in records are compacted:
# the latest record per key is the current value; the audit trail is kept 400 days, never
# compacted. The lists are id.pantau.events.Topics.ALL, .COMPACTED and .RETENTION_MS; the build
# checks they match (local: ComposeFileTest).
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"
PARTITIONS="${TOPIC_PARTITIONS:-12}"
TOPICS="pantau.attendance.v1 pantau.location.v1 pantau.alerts.v1 pantau.deadletter.v1 pantau.audit.v1 pantau.units.v1 pantau.regions.v1 pantau.zones.v1 pantau.exposures.v1 pantau.policies.v1 pantau.rosters.v1 pantau.checkins.v1 pantau.hooks.v1 pantau.hook-deliveries.v1 pantau.devices.v1"
COMPACTED="pantau.units.v1 pantau.regions.v1 pantau.zones.v1 pantau.exposures.v1 pantau.policies.v1 pantau.rosters.v1 pantau.checkins.v1 pantau.hooks.v1 pantau.hook-deliveries.v1 pantau.devices.v1"
# topic=retention.ms of the topics kept longer than the broker's default (400 days)
RETAINED="pantau.audit.v1=34560000000"

topics_tool=/opt/kafka/bin/kafka-topics.sh
existing="$("$topics_tool" --bootstrap-server "$BOOTSTRAP" --list)"
for topic in $TOPICS; do
  if grep -qxF "$topic" <<< "$existing"; then
    echo "kafka-init: $topic exists"
    continue
  fi
  config=()
  if [[ " $COMPACTED " == *" $topic "* ]]; then
    config=(--config cleanup.policy=compact)
  fi
  for retained in $RETAINED; do
    if [[ "${retained%%=*}" == "$topic" ]]; then
      config=(--config "retention.ms=${retained#*=}")
    fi
  done
  "$topics_tool" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor 1 "${config[@]}"
done
touch /tmp/topics-ready
echo "kafka-init: every Pantau topic is there"

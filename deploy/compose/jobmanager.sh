#!/bin/bash
# The compose deployment's JobManager: Flink's application mode (`standalone-job`) running the jobs
# of /opt/flink/usrlib/pantau-jobs.jar, resumed where they were. Compose has no Flink HA, so a new
# JobManager (a restart, `docker compose up` after `down`) starts the job anew; this hands it the
# state the last one left on the flink-data volume. FLINK_RESTORE_FROM:
#   latest (default)  the newest checkpoint or savepoint under /flink-data, if there is one
#   none              no state: the sources start from PANTAU_START_FROM
#   <path>            that savepoint or checkpoint, e.g. file:///flink-data/savepoints/savepoint-…
set -euo pipefail

data="${FLINK_DATA:-/flink-data}"
entrypoint="${FLINK_ENTRYPOINT:-/docker-entrypoint.sh}"
restore="${FLINK_RESTORE_FROM:-latest}"
args=(standalone-job --job-classname id.pantau.jobs.PantauJobs)

case "$restore" in
  none) ;;
  latest)
    # A complete checkpoint or savepoint has its _metadata (written last).
    newest="$({ find "$data/checkpoints" "$data/savepoints" -name _metadata -printf '%T@ %h\n' \
      2>/dev/null || true; } | sort -n | tail -n 1 | cut -d ' ' -f 2-)"
    if [ -n "$newest" ]; then
      args+=(--fromSavepoint "file://$newest")
    fi
    ;;
  *) args+=(--fromSavepoint "$restore") ;;
esac

echo "jobmanager: ${args[*]}"
exec "$entrypoint" "${args[@]}"

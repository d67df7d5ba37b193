#!/bin/bash
# The compose stack's demo profile: deterministic base data in the reference OLTP (once), then a steady
# change workload (DEMO_RATE changes/s for DEMO_DURATION) for the pipeline to carry. The marker in /var/lib/esteira-demo (volume demo-state)
# keeps a restart from generating twice: "oltp generate" refuses a schema that already holds rows.
set -euo pipefail
MARKER=/var/lib/esteira-demo/generated
if [ ! -f "$MARKER" ]; then
    java -jar /app/esteira-local.jar oltp generate --seed 42 --scale "${DEMO_SCALE:-10}" --no-progress
    touch "$MARKER"
fi
exec java -jar /app/esteira-local.jar oltp workload --seed 43 --rate "${DEMO_RATE:-5}" --duration "${DEMO_DURATION:-8h}" --no-progress

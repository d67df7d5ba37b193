#!/bin/bash
# Writes the broker.xml a broker runs with: usage ha-config.sh <folder with broker.xml> <output file>.
# Called by entrypoint.sh; deploy/validation's BrokerPairConfigurationTest runs it too.
#
# Without ESTEIRA_BROKER_HA_ROLE: broker.xml as it is (the single broker). With ESTEIRA_BROKER_HA_ROLE=primary
# or backup (docs/adr/0016-broker-pair-on-a-shared-store.md): ha-primary.xml or ha-backup.xml goes in at
# broker.xml's "esteira:ha" marker, with ESTEIRA_BROKER_HA_SELF / ESTEIRA_BROKER_HA_PEER (host:port of this
# broker and of the other, as clients reach them) and ESTEIRA_BROKER_CLUSTER_PASSWORD filled in
# (XML-escaped), and the journal, bindings, paging, large-message and retention directories (data/...)
# move to ESTEIRA_BROKER_SHARED_DATA, the directory both brokers of the pair mount.
set -euo pipefail

source_dir=${1:?usage: ha-config.sh <folder with broker.xml> <output file>}
output=${2:?usage: ha-config.sh <folder with broker.xml> <output file>}

xml_escape() {
    local text=$1
    text=${text//&/"&amp;"}
    text=${text//</"&lt;"}
    text=${text//>/"&gt;"}
    printf '%s' "$text"
}

case "${ESTEIRA_BROKER_HA_ROLE:-}" in
    "")
        cp "$source_dir/broker.xml" "$output"
        ;;
    primary | backup)
        : "${ESTEIRA_BROKER_HA_SELF:?set ESTEIRA_BROKER_HA_SELF (host:port clients reach this broker at)}"
        : "${ESTEIRA_BROKER_HA_PEER:?set ESTEIRA_BROKER_HA_PEER (host:port of the other broker of the pair)}"
        : "${ESTEIRA_BROKER_CLUSTER_PASSWORD:?set ESTEIRA_BROKER_CLUSTER_PASSWORD (the login of the pair itself)}"
        : "${ESTEIRA_BROKER_SHARED_DATA:?set ESTEIRA_BROKER_SHARED_DATA (the journal directory both brokers mount)}"
        if ! grep -q '<!-- esteira:ha -->' "$source_dir/broker.xml"; then
            echo "$source_dir/broker.xml has no <!-- esteira:ha --> line for the pair's fragment" >&2
            exit 65
        fi
        fragment=$(cat "$source_dir/ha-${ESTEIRA_BROKER_HA_ROLE}.xml")
        self=$(xml_escape "$ESTEIRA_BROKER_HA_SELF")
        peer=$(xml_escape "$ESTEIRA_BROKER_HA_PEER")
        cluster_password=$(xml_escape "$ESTEIRA_BROKER_CLUSTER_PASSWORD")
        fragment=${fragment//'${ESTEIRA_BROKER_HA_SELF}'/"$self"}
        fragment=${fragment//'${ESTEIRA_BROKER_HA_PEER}'/"$peer"}
        fragment=${fragment//'${ESTEIRA_BROKER_CLUSTER_PASSWORD}'/"$cluster_password"}
        fragment_file=$(mktemp)
        trap 'rm -f "$fragment_file"' EXIT
        printf '%s\n' "$fragment" > "$fragment_file"
        awk -v fragment="$fragment_file" -v shared="$ESTEIRA_BROKER_SHARED_DATA" '
            index($0, "<!-- esteira:ha -->") { while ((getline line < fragment) > 0) print line; next }
            { gsub(/>data\//, ">" shared "/"); print }
        ' "$source_dir/broker.xml" > "$output"
        ;;
    *)
        echo "ESTEIRA_BROKER_HA_ROLE must be primary, backup or unset, not '${ESTEIRA_BROKER_HA_ROLE}'" >&2
        exit 64
        ;;
esac

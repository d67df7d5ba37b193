#!/bin/bash
# Starts Esteira's Artemis broker in the apache/activemq-artemis image (user artemis, instance in
# /var/lib/artemis-instance): creates the instance on first start, then on every start installs
# broker.xml (mounted at /opt/esteira/broker.xml) and writes the users and roles from the environment.
# Passwords never live in a committed file: they come from deploy/compose/.env (or a Kubernetes Secret).
#
# A broker pair (docs/adr/0015-broker-pair-on-a-shared-store.md): ESTEIRA_BROKER_HA_ROLE=primary or backup
# puts ha-primary.xml or ha-backup.xml into broker.xml at its "esteira:ha" marker, with
# ESTEIRA_BROKER_HA_SELF / ESTEIRA_BROKER_HA_PEER (host:port of this broker and of the other) and
# ESTEIRA_BROKER_CLUSTER_PASSWORD filled in, and moves the journal (data/...) to ESTEIRA_BROKER_SHARED_DATA,
# the directory both brokers mount. Without ESTEIRA_BROKER_HA_ROLE the broker is the single one it was.
set -euo pipefail

: "${ARTEMIS_USER:?set ARTEMIS_USER (the broker administrator)}"
: "${ARTEMIS_PASSWORD:?set ARTEMIS_PASSWORD}"
: "${ESTEIRA_BROKER_EXTRACTOR_PASSWORD:?set ESTEIRA_BROKER_EXTRACTOR_PASSWORD}"
: "${ESTEIRA_BROKER_LOADER_PASSWORD:?set ESTEIRA_BROKER_LOADER_PASSWORD}"
: "${ESTEIRA_BROKER_QUALITY_PASSWORD:?set ESTEIRA_BROKER_QUALITY_PASSWORD}"
: "${ESTEIRA_BROKER_ALERTING_PASSWORD:?set ESTEIRA_BROKER_ALERTING_PASSWORD}"

INSTANCE=/var/lib/artemis-instance
cd "$INSTANCE"

if [ ! -f etc/broker.xml ]; then
    /opt/activemq-artemis/bin/artemis create \
        --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --require-login --silent \
        --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
        --http-host 0.0.0.0 --relax-jolokia .
fi

xml_escape() {
    local text=$1
    text=${text//&/"&amp;"}
    text=${text//</"&lt;"}
    text=${text//>/"&gt;"}
    printf '%s' "$text"
}

case "${ESTEIRA_BROKER_HA_ROLE:-}" in
    "")
        cp /opt/esteira/broker.xml etc/broker.xml
        ;;
    primary | backup)
        : "${ESTEIRA_BROKER_HA_SELF:?set ESTEIRA_BROKER_HA_SELF (host:port clients reach this broker at)}"
        : "${ESTEIRA_BROKER_HA_PEER:?set ESTEIRA_BROKER_HA_PEER (host:port of the other broker of the pair)}"
        : "${ESTEIRA_BROKER_CLUSTER_PASSWORD:?set ESTEIRA_BROKER_CLUSTER_PASSWORD (the login of the pair itself)}"
        : "${ESTEIRA_BROKER_SHARED_DATA:?set ESTEIRA_BROKER_SHARED_DATA (the journal directory both brokers mount)}"
        fragment=$(cat "/opt/esteira/ha-${ESTEIRA_BROKER_HA_ROLE}.xml")
        self=$(xml_escape "$ESTEIRA_BROKER_HA_SELF")
        peer=$(xml_escape "$ESTEIRA_BROKER_HA_PEER")
        cluster_password=$(xml_escape "$ESTEIRA_BROKER_CLUSTER_PASSWORD")
        fragment=${fragment//'${ESTEIRA_BROKER_HA_SELF}'/"$self"}
        fragment=${fragment//'${ESTEIRA_BROKER_HA_PEER}'/"$peer"}
        fragment=${fragment//'${ESTEIRA_BROKER_CLUSTER_PASSWORD}'/"$cluster_password"}
        printf '%s\n' "$fragment" > etc/ha-fragment.xml
        shared=$ESTEIRA_BROKER_SHARED_DATA
        awk -v fragment=etc/ha-fragment.xml -v shared="$shared" '
            index($0, "<!-- esteira:ha -->") { while ((getline line < fragment) > 0) print line; next }
            { gsub(/>data\//, ">" shared "/"); print }
        ' /opt/esteira/broker.xml > etc/broker.xml
        rm etc/ha-fragment.xml
        ;;
    *)
        echo "ESTEIRA_BROKER_HA_ROLE must be primary, backup or unset, not '${ESTEIRA_BROKER_HA_ROLE}'" >&2
        exit 64
        ;;
esac

umask 077
{
    printf '%s = %s\n' "$ARTEMIS_USER" "$ARTEMIS_PASSWORD"
    printf 'extractor = %s\n' "$ESTEIRA_BROKER_EXTRACTOR_PASSWORD"
    printf 'loader = %s\n' "$ESTEIRA_BROKER_LOADER_PASSWORD"
    printf 'quality = %s\n' "$ESTEIRA_BROKER_QUALITY_PASSWORD"
    printf 'alerting = %s\n' "$ESTEIRA_BROKER_ALERTING_PASSWORD"
} > etc/artemis-users.properties
{
    printf 'amq = %s\n' "$ARTEMIS_USER"
    printf 'extractor = extractor\n'
    printf 'loader = loader\n'
    printf 'quality = quality\n'
    printf 'alerting = alerting\n'
} > etc/artemis-roles.properties

exec ./bin/artemis run

#!/bin/bash
# Starts Esteira's Artemis broker in the apache/activemq-artemis image (user artemis, instance in
# /var/lib/artemis-instance): creates the instance on first start, then on every start installs
# broker.xml (mounted at /opt/esteira/broker.xml) and writes the users and roles from the environment.
# Passwords never live in a committed file: they come from deploy/compose/.env (or a Kubernetes Secret).
#
# A broker pair (docs/adr/0016-broker-pair-on-a-shared-store.md): with ESTEIRA_BROKER_HA_ROLE=primary or
# backup, ha-config.sh writes broker.xml with the pair's fragment in it; without it, broker.xml as it is.
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

bash /opt/esteira/ha-config.sh /opt/esteira etc/broker.xml

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

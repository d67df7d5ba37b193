# syntax=docker/dockerfile:1
# The image of every Esteira service, one build parameterised by the module (docs/adr/0012-one-way-for-shared-things.md).
# Build from the repository root (the build needs the shared modules), e.g.:
#   docker build --build-arg SERVICE=loader-service --build-arg SERVER_PORT=8082 --build-arg MANAGEMENT_PORT=9082 \
#     -t esteira/loader-service:0.1.0-SNAPSHOT .
# deploy/compose/docker-compose.yml builds the four services this way; the ports are each service's own
# (its application.yml's server.port, and server.port + 1000 for the actuator).

FROM eclipse-temurin:17-jdk-jammy AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "Pass --build-arg SERVICE=<module>: extractor-service, loader-service, quality-service or alerting-service" >&2; exit 1; }
WORKDIR /src
COPY . .
# The Maven repository is a build cache, not a layer; tests ran in CI before an image is built.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl "$SERVICE" -am package -DskipTests -Dspotless.apply.skip=true \
    && cp "$SERVICE"/target/"$SERVICE"-*-exec.jar /app.jar

FROM eclipse-temurin:17-jre-jammy
ARG SERVER_PORT
ARG MANAGEMENT_PORT
RUN test -n "$SERVER_PORT" && test -n "$MANAGEMENT_PORT" \
    || { echo "Pass --build-arg SERVER_PORT=<port> and --build-arg MANAGEMENT_PORT=<port> (e.g. 8082 and 9082 for loader-service)" >&2; exit 1; }
RUN groupadd --system --gid 10001 esteira \
    && useradd --system --uid 10001 --gid esteira --home-dir /app --no-create-home --shell /usr/sbin/nologin esteira
# Class data sharing (docs/adr/0019-class-data-sharing.md): the runnable jar extracted into app.jar + lib/
# (an archive needs a class path of plain jars), then Spring's training run with the image's own JVM
# options and those of cds-training.options (the one place they are set; `esteira-local bench` runs the
# same training run, ADR 23): the application context is refreshed and the JVM halts before anything starts
# (-Dspring.context.exit=onRefresh), writing the classes it loaded into app.jsa, which every start then
# maps instead of reading, parsing and verifying them again. No database or broker answers here: in a
# training run the services open no connection (io.esteira.runtime.config.TrainingRun), Flyway stays off,
# and lazy initialisation leaves out the beans that check the databases at start-up (the quality checks
# against the catalogs). The archive records the class path as written, so the training run names the jar
# as the entry point does (/app/app.jar; "app.jar" from /app would be refused), and -Xshare:on checks that
# the entry point's JVM can map it: a build that wrote an archive the services would ignore fails here.
# The archive belongs to this JRE and these jars: the build writes it afresh.
RUN --mount=type=bind,from=build,source=/app.jar,target=/tmp/app.jar \
    --mount=type=bind,source=jvm.options,target=/tmp/jvm.options \
    --mount=type=bind,source=cds-training.options,target=/tmp/cds-training.options \
    java -Djarmode=tools -jar /tmp/app.jar extract --destination /app \
    && java @/tmp/jvm.options @/tmp/cds-training.options -XX:ArchiveClassesAtExit=/app/app.jsa -jar /app/app.jar \
    && java @/tmp/jvm.options -XX:SharedArchiveFile=/app/app.jsa -Xshare:on -XX:+PrintSharedArchiveAndExit -jar /app/app.jar \
        > /dev/null \
    || { echo "The class data sharing archive /app/app.jsa was not written or cannot be mapped: see the output above (-Xlog:cds for more)" >&2; exit 1; }
WORKDIR /app
# The JVM options of every service (heap, GC, JIT, metaspace, stacks), kept in one file that the bench
# reads too: see its comments and docs/performance.md ("Memory"). glibc's malloc arenas: two, not
# 8 per core, so that native allocations from many threads do not spread over up to 64 MB arenas each.
COPY --chown=10001:10001 jvm.options jvm.options
USER 10001:10001
ENV MALLOC_ARENA_MAX=2 \
    SERVER_PORT=${SERVER_PORT} \
    MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT}
# SERVER_PORT: the service's API; MANAGEMENT_PORT: actuator (health, info, prometheus open; the rest and Hawtio need the operator login).
EXPOSE ${SERVER_PORT} ${MANAGEMENT_PORT}
# Readiness on the management port, with bash's /dev/tcp (the JRE image ships no curl).
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$MANAGEMENT_SERVER_PORT && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]

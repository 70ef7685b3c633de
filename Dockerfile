# One image for every newspipe service; compose picks the service by command.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependencies first, in their own layer: it is rebuilt only when a pom changes, not on every
# source edit. The reactor's own modules are not in any repository yet, hence excludeReactor.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY schemas/pom.xml schemas/
COPY testkit/pom.xml testkit/
COPY ingest/pom.xml ingest/
COPY enrich/pom.xml enrich/
COPY store/pom.xml store/
COPY read/pom.xml read/
COPY notify/pom.xml notify/
COPY sink/pom.xml sink/
COPY web/pom.xml web/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true
COPY . .
RUN ./mvnw -B -q package -pl app -am -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
# curl for the health check below.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/newspipe newspipe && mkdir -p /var/lib/newspipe && chown newspipe /var/lib/newspipe
COPY --from=build /src/app/target/newspipe.jar /opt/newspipe/newspipe.jar
USER newspipe
WORKDIR /var/lib/newspipe
# newspipe web (set NEWSPIPE_WEB_HOST=0.0.0.0 in the container)
EXPOSE 8080
# Every service command serves /metrics and /health/{live,ready} on this management port
# (NEWSPIPE_MANAGEMENT_HOST=0.0.0.0 lets Prometheus in another container scrape it).
ENV NEWSPIPE_MANAGEMENT_PORT=9464
EXPOSE 9464
# Ready = the service does its work now (Streams running, consumer assigned, store and broker
# answering); a one-shot command (ingest --once, search, ...) has no port and no use for this.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=4 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${NEWSPIPE_MANAGEMENT_PORT}/health/ready" || exit 1
# Bounded heap, as the ./newspipe launcher sets it (RocksDB's off-heap memory is bounded by enrich).
ENTRYPOINT ["java", "-Xmx768m", "-XX:MaxMetaspaceSize=256m", "-XX:ReservedCodeCacheSize=128m", "-jar", "/opt/newspipe/newspipe.jar"]

# Pantau's container images, one target each, all from one Maven build:
#   ingest, dashboard-api  the HTTP services (java -jar on a JRE)
#   jobs                   Flink with the jobs jar in /opt/flink/usrlib (application mode)
#   sim                    the simulated city, posting to ingest
# docker compose builds them (docker-compose.yml); by hand, e.g.
#   docker build --target ingest -t pantau/ingest:0.1.0-SNAPSHOT .

# --- the build: the runnable jars of every image ---
FROM maven:3.9.16-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache keeps Maven's downloads between builds.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl ingest,dashboard-api,jobs,sim -am package

# --- a slim JRE 17, run as an unprivileged user ---
FROM eclipse-temurin:17.0.20_8-jre-noble AS jre
RUN useradd --system --uid 10001 --home-dir /opt/pantau --shell /usr/sbin/nologin pantau \
    && mkdir -p /opt/pantau
WORKDIR /opt/pantau

FROM jre AS ingest
COPY --from=build /src/ingest/target/pantau-ingest.jar /opt/pantau/pantau-ingest.jar
USER pantau
EXPOSE 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/pantau/pantau-ingest.jar"]

FROM jre AS dashboard-api
COPY --from=build /src/dashboard-api/target/pantau-dashboard-api.jar /opt/pantau/pantau-dashboard-api.jar
# The audit log's folder, owned by the service's user (a new volume mounted there takes it over).
RUN mkdir -p /opt/pantau/audit && chown pantau /opt/pantau/audit
USER pantau
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/pantau/pantau-dashboard-api.jar"]

FROM jre AS sim
COPY --from=build /src/sim/target/pantau-sim.jar /opt/pantau/pantau-sim.jar
USER pantau
# The sim logs through log4j2's default configuration: INFO and up to the console.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dlog4j2.level=INFO", "-jar", "/opt/pantau/pantau-sim.jar"]
CMD ["run"]

# --- Flink: the JobManager runs the jobs in application mode (standalone-job), the TaskManagers
# load the same jar; /flink-data (checkpoints, savepoints) belongs to the flink user, so a new
# named volume mounted there does too. ---
FROM flink:2.2.1-java17 AS jobs
USER root
RUN mkdir -p /flink-data/checkpoints /flink-data/savepoints && chown -R flink:flink /flink-data
USER flink
COPY --from=build --chown=flink:flink /src/jobs/target/pantau-jobs.jar /opt/flink/usrlib/pantau-jobs.jar

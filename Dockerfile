# syntax=docker/dockerfile:1
# Dunwell for production: the postgres profile, a non-root user, a health check.
# Build and run with docker compose (see docker-compose.yml), or: docker build -t dunwell .

FROM maven:3.9-eclipse-temurin-17 AS build
# the process engine: camunda (Camunda 7) or operaton (docker build --build-arg ENGINE=operaton);
# see "Engine: Camunda 7 or Operaton" in the README
ARG ENGINE=camunda
WORKDIR /build
COPY . .
# the cache mount keeps ~/.m2 between builds without baking it into a layer
RUN --mount=type=cache,target=/root/.m2 case "$ENGINE" in \
      camunda) mvn -B -DskipTests package && cp target/dunwell-*.jar /build/dunwell.jar ;; \
      operaton) mvn -B -DskipTests -Poperaton package && cp target/operaton/target/dunwell-*.jar /build/dunwell.jar ;; \
      *) echo "ENGINE must be camunda or operaton, not $ENGINE" >&2; exit 1 ;; \
    esac

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system dunwell \
    && useradd --system --gid dunwell --home-dir /app --no-create-home dunwell
WORKDIR /app
COPY --from=build --chown=dunwell:dunwell /build/dunwell.jar /app/dunwell.jar
USER dunwell
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# readiness: the database and the engine; an unreachable SMTP server only warns (see README, Metrics and health)
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/dunwell.jar"]

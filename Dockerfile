# syntax=docker/dockerfile:1
# Ratebook's production image: the jar that `./mvnw package` builds (Vaadin's pre-compiled production bundle,
# no dev server), run by a JRE as a non-root user. Build: `docker build -t ratebook .` (or `docker compose build`).

# --- build stage: JDK 21 and the Maven Wrapper, as on a developer's machine -------------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
# the wrapper and the poms first, so the dependency layer is cached while only sources change
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY rules/pom.xml rules/
COPY tenants/pom.xml tenants/
COPY engine/pom.xml engine/
COPY console/pom.xml console/
COPY features/pom.xml features/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl console -am dependency:go-offline -DskipTests || true
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B --no-transfer-progress -pl console -am -DskipTests package \
 && cp console/target/ratebook-console-*.jar /ratebook.jar

# --- runtime stage: a JRE, the jar, nothing else ------------------------------------------------------------------
FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 ratebook \
 && useradd --system --uid 10001 --gid ratebook --home-dir /var/lib/ratebook --create-home ratebook \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /ratebook.jar /opt/ratebook/ratebook.jar
USER ratebook:ratebook
WORKDIR /var/lib/ratebook
ENV RATEBOOK_DATA_DIR=/var/lib/ratebook \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
# exec: the JVM is PID 1's only child and gets SIGTERM from `docker stop` -> graceful shutdown
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/ratebook/ratebook.jar"]

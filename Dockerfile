# EventOS image: Payara Micro running the WAR, configured only by EVENTOS_* environment variables.
#   docker build -t eventos .
#   docker run -p 8080:8080 -e EVENTOS_DB_URL=jdbc:postgresql://db:5432/eventos \
#     -e EVENTOS_DB_USER=eventos_app -e EVENTOS_DB_PASSWORD=... \
#     -e EVENTOS_DB_OWNER_USER=eventos_owner -e EVENTOS_DB_OWNER_PASSWORD=... \
#     -e EVENTOS_SECRET_KEY=$(openssl rand -base64 32) eventos      # keep that key: it decrypts stored secrets
# The image has no embedded database: it always needs a PostgreSQL server (see README, Configuration).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY db db
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /opt/eventos eventos
WORKDIR /opt/eventos
COPY --from=build /src/target/payara-micro.jar /src/target/eventos.war ./
COPY src/main/payara/pre-boot-commands.asadmin src/main/payara/post-boot-commands.asadmin ./
USER 10001
ENV EVENTOS_HTTP_PORT=8080 \
    JAVA_OPTS="-Xmx512m"
EXPOSE 8080
# Set EVENTOS_BASE_URL (e.g. https://events.example.com) when running the image: links in emails are built from it and
# never from the request's Host header; without it, pages that send a link answer "cannot be sent right now".
# --nocluster: no multicast discovery; run one container per instance behind a load balancer.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar payara-micro.jar --deploy eventos.war --contextroot / --port \"$EVENTOS_HTTP_PORT\" --nocluster --prebootcommandfile pre-boot-commands.asadmin --postbootcommandfile post-boot-commands.asadmin"]

# One image for every newspipe service; compose picks the service by command.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -pl app -am -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/newspipe newspipe && mkdir -p /var/lib/newspipe && chown newspipe /var/lib/newspipe
COPY --from=build /src/app/target/newspipe.jar /opt/newspipe/newspipe.jar
USER newspipe
WORKDIR /var/lib/newspipe
# newspipe web (set NEWSPIPE_WEB_HOST=0.0.0.0 in the container)
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/newspipe/newspipe.jar"]

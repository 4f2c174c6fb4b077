# syntax=docker/dockerfile:1
# Multi-stage build of the nokobot service; the final image runs as the non-root 'app' user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so source edits reuse the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Bot/Bot.csproj Bot/
COPY Bot.Domain/Bot.Domain.csproj Bot.Domain/
RUN dotnet restore Bot/Bot.csproj
COPY Bot/ Bot/
COPY Bot.Domain/ Bot.Domain/
COPY config/ config/
RUN dotnet publish Bot/Bot.csproj -c Release -o /app --no-restore

# The runtime image is Debian-based and ships ICU and tzdata (Russian dates, IANA zones); the ASP.NET one, since
# nokobot run serves the council pages with Kestrel.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
COPY config/ ./config/
RUN mkdir -p /data && chown "$APP_UID" /data
ENV Storage__Path=/data/nokobot.db
# Inside a container the pages listen on every interface; set Web__PublicBaseUrl to the address people use.
ENV Web__Urls=http://+:8080
EXPOSE 8080
VOLUME /data
USER $APP_UID
ENTRYPOINT ["/app/nokobot"]
CMD ["--help"]

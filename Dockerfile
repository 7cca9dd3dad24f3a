# syntax=docker/dockerfile:1
# Stockroom's image: `docker build -t stockroom .` then see docs/deploy.md (or docker-compose.yml).
# The runtime stage holds only the folder scripts/assemble-standalone.mjs builds, the same
# folder the e2e spec tests/e2e/deploy-standalone.spec.ts starts, so the two cannot drift.
ARG NODE_IMAGE=node:20-bookworm-slim

# Dependencies, with what better-sqlite3 needs to compile if no prebuilt binary matches.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/generate-clients.mjs ./scripts/
# postinstall generates both Prisma clients from prisma/schema.prisma.
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build \
 && node scripts/assemble-standalone.mjs --out /standalone

FROM ${NODE_IMAGE} AS runtime
# pg_dump/pg_restore for `db:backup`/`db:restore` on PostgreSQL (Debian 12's are version 15:
# they back up servers up to 15, the version docker-compose.yml runs).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 1001 stockroom \
 && useradd --system --uid 1001 --gid stockroom --home-dir /app --shell /usr/sbin/nologin stockroom \
 && mkdir -p /app/data \
 && chown stockroom:stockroom /app/data \
 && chmod 700 /app/data
WORKDIR /app
# The code belongs to root and is read-only to the server's user; only /app/data is writable.
COPY --from=build /standalone ./
ENV NODE_ENV=production \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=file:/app/data/inventory.db \
    EXPORT_DIR=/app/data/exports \
    NEXT_TELEMETRY_DISABLED=1
USER stockroom
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server drains for up to 10 s on SIGTERM: give `docker stop` a little longer (-t 15).
STOPSIGNAL SIGTERM
# Applies pending migrations, then execs `node server.js` (PID 1 receives SIGTERM itself).
ENTRYPOINT ["./docker-entrypoint.sh"]

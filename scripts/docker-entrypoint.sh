#!/bin/sh
# The container's entrypoint (and the standalone folder's): apply pending migrations to the
# database DATABASE_URL names, then become the server, so that SIGTERM reaches Node directly
# and the graceful stop (lib/http/server-lifecycle.ts) runs. A migration that fails stops
# the start: the old schema is never served by a new build.
set -e
cd "$(dirname "$0")"
node scripts/db-migrate.mjs
exec node server.js "$@"

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * There is no Docker daemon on these machines, so the image and the compose file are checked as
 * files: compose parses (anchors merged, as `docker compose config` does) and wires the app to a
 * healthy PostgreSQL with named volumes and a SQLite-only profile; the Dockerfile builds the
 * folder with the script the standalone e2e spec tests, runs as a non-root user, checks
 * /api/health and keeps data in /app/data.
 */
interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  environment: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync('Dockerfile', 'utf8');

describe('docker-compose.yml', () => {
  const { app, db, 'app-sqlite': sqlite } = compose.services;

  it('runs the app on PostgreSQL once the database is healthy, both on named volumes', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'app-sqlite', 'db']);
    expect(app?.build).toBe('.');
    expect(app?.profiles).toBeUndefined();
    expect(app?.environment.DATABASE_URL).toMatch(/^postgresql:\/\/stockroom:.+@db:5432\/stockroom$/);
    expect(app?.depends_on?.db?.condition).toBe('service_healthy');
    expect(db?.image).toMatch(/^postgres:15/);
    expect(db?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(db?.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(app?.volumes).toContain('app-data:/app/data');
    expect(Object.keys(compose.volumes).sort()).toEqual(['app-data', 'postgres-data', 'sqlite-data']);
  });

  it('has a SQLite-only profile whose database lives in a volume at /app/data', () => {
    expect(sqlite?.profiles).toEqual(['sqlite']);
    expect(sqlite?.depends_on).toBeUndefined();
    expect(sqlite?.environment.DATABASE_URL).toBe('file:/app/data/inventory.db');
    expect(sqlite?.volumes).toEqual(['sqlite-data:/app/data']);
  });

  it('gives both app services the secrets from the environment, a health check and time to drain', () => {
    for (const service of [app, sqlite]) {
      expect(service?.environment.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
      expect(service?.healthcheck?.test.join(' ')).toContain('/api/health');
      expect(Number.parseInt(service?.stop_grace_period ?? '0', 10)).toBeGreaterThan(10);
    }
  });
});

describe('Dockerfile', () => {
  it('is multi-stage on node:20-bookworm-slim and builds the folder with scripts/assemble-standalone.mjs', () => {
    expect(dockerfile).toContain('ARG NODE_IMAGE=node:20-bookworm-slim');
    expect(dockerfile.match(/^FROM \S+ AS (deps|build|runtime)$/gm)).toHaveLength(3);
    expect(dockerfile).toMatch(/RUN npx next build \\\n\s+&& node scripts\/assemble-standalone\.mjs --out \/standalone/);
    expect(dockerfile).toContain('COPY --from=build /standalone ./');
  });

  it('runs as a non-root user, checks /api/health, migrates in its entrypoint, keeps data in /app/data', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER stockroom$/m);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health/m);
    expect(runtime).toContain('ENTRYPOINT ["./docker-entrypoint.sh"]');
    expect(readFileSync('scripts/docker-entrypoint.sh', 'utf8')).toMatch(/node scripts\/db-migrate\.mjs\nexec node server\.js/);
    expect(runtime).toContain('VOLUME ["/app/data"]');
    expect(runtime).toContain('DATABASE_URL=file:/app/data/inventory.db');
  });

  it('leaves the local databases, secrets and build output out of the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const entry of ['node_modules', '.next-*', 'data', '.env', '.env.*', '*.db']) expect(ignored).toContain(entry);
  });
});

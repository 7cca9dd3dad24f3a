import { describe, expect, it } from 'vitest';
import { EnvironmentError, loadEnvironment } from '@/lib/env';

describe('environment validation at start-up', () => {
  it('has working defaults for a development machine', () => {
    const environment = loadEnvironment({ NODE_ENV: 'development' });
    expect(environment.DATABASE_URL).toBe('file:./data/inventory.db');
    expect(environment.EXPORT_DIR).toBe('data/exports');
  });

  it('refuses production without AUTH_SECRET, naming the variable', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(EnvironmentError);
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(loadEnvironment({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) }).AUTH_SECRET).toHaveLength(40);
  });

  it('refuses half an admin and a database URL of neither engine', () => {
    expect(() => loadEnvironment({ ADMIN_EMAIL: 'boss@shop.test' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadEnvironment({ DATABASE_URL: 'mysql://nope' })).toThrow(/DATABASE_URL/);
    expect(loadEnvironment({ DATABASE_URL: 'postgresql://u:p@h:5432/d' }).DATABASE_URL).toMatch(/^postgresql/);
  });
});

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

  it('names each wrong variable: a short secret, a password without its email, an unknown URL scheme', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production', AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => loadEnvironment({ ADMIN_PASSWORD: 'long-enough-password' })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD go together/);
    expect(() => loadEnvironment({ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long-enough-password' })).toThrow(/ADMIN_EMAIL must be an email address/);
    for (const url of ['sqlite:./data.db', 'mysql://u:p@h/d', 'http://localhost:5432/db']) expect(() => loadEnvironment({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
    expect(loadEnvironment({ ADMIN_EMAIL: 'boss@shop.test', ADMIN_PASSWORD: 'long-enough-password' }).ADMIN_EMAIL).toBe('boss@shop.test');
    expect(loadEnvironment({ DATABASE_URL: 'postgres://u:p@h:5432/d' }).DATABASE_URL).toBe('postgres://u:p@h:5432/d');
  });

  it('takes the password hash cost from 4 to 15, 11 unless set', () => {
    expect(loadEnvironment({}).PASSWORD_HASH_COST).toBe(11);
    expect(loadEnvironment({ PASSWORD_HASH_COST: '4' }).PASSWORD_HASH_COST).toBe(4);
    expect(loadEnvironment({ PASSWORD_HASH_COST: '15' }).PASSWORD_HASH_COST).toBe(15);
    for (const value of ['3', '16', '10.5', 'fast', '-4']) expect(() => loadEnvironment({ PASSWORD_HASH_COST: value })).toThrow(/PASSWORD_HASH_COST/);
  });
});

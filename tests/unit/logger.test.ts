import { describe, expect, it } from 'vitest';
import { logLevel, REDACTED_PATHS } from '@/lib/logger';

describe('logger settings', () => {
  it('takes LOG_LEVEL in any case, defaults to info, and falls back to info naming an unknown value', () => {
    expect(logLevel(undefined)).toEqual({ level: 'info' });
    expect(logLevel(' Debug ')).toEqual({ level: 'debug' });
    expect(logLevel('silent')).toEqual({ level: 'silent' });
    expect(logLevel('verbose')).toEqual({ level: 'info', unknown: 'verbose' });
  });

  it('redacts credentials at the top level, one level down and in headers', () => {
    for (const path of ['password', '*.password', 'token', '*.token', '*.headers.authorization', '*.headers.cookie', '*.headers["set-cookie"]', 'secret']) {
      expect(REDACTED_PATHS).toContain(path);
    }
  });
});

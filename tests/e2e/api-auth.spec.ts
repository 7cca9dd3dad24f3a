import { expect, test } from '@playwright/test';
import { adminToken, bearer, createUserWithToken, exchangeToken, uniqueEmail } from './fixtures/api';
import { E2E_ADMIN } from './fixtures/constants';
import { postJsonFrom } from './fixtures/from-address';

const errorShape = { code: expect.any(String), message: expect.any(String) };

test('health answers ok with the database checked', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok' });
});

test('calls without credentials get 401 in the API error shape', async ({ request }) => {
  for (const path of ['/api/users', '/api/tokens']) {
    const response = await request.get(path);
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ ...errorShape, code: 'UNAUTHENTICATED' });
  }
  const write = await request.post('/api/users', { data: { email: 'x@y.z' } });
  expect(write.status()).toBe(401);
  const badToken = await request.get('/api/users', { headers: bearer('sr_not-a-real-token-at-all-1234567890') });
  expect(badToken.status()).toBe(401);
});

test('x-middleware-subrequest never signs anyone in', async ({ request }) => {
  const headers = { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware' };
  const api = await request.get('/api/users', { headers });
  expect(api.status()).toBe(401);
  const page = await request.get('/', { headers, maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toContain('/login');
});

test('unknown API paths answer 404 JSON', async ({ request }) => {
  const response = await request.get('/api/no-such-thing');
  expect(response.status()).toBe(404);
  expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
});

test('token exchange, listing without secrets, and revocation', async ({ request }) => {
  const token = await exchangeToken(request, E2E_ADMIN.email, E2E_ADMIN.password);
  expect(token).toMatch(/^sr_/);

  const list = await request.get('/api/tokens', { headers: bearer(token) });
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { data: Array<Record<string, unknown>>; nextCursor: string | null };
  expect(body.data.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toContain(token);
  expect(body.data[0]).not.toHaveProperty('tokenHash');

  const ownId = body.data.find((row) => typeof row.prefix === 'string' && token.startsWith(row.prefix))?.id;
  expect(ownId).toBeDefined();
  const revoke = await request.delete(`/api/tokens/${ownId}`, { headers: bearer(token) });
  expect(revoke.status()).toBe(204);
  const afterRevoke = await request.get('/api/tokens', { headers: bearer(token) });
  expect(afterRevoke.status()).toBe(401);
});

test('a wrong password is 401 and does not say which part was wrong', async ({ request }) => {
  const response = await request.post('/api/tokens', {
    data: { email: E2E_ADMIN.email, password: 'definitely-wrong', name: 'x' },
  });
  expect(response.status()).toBe(401);
  const body = (await response.json()) as { message: string };
  expect(body.message).toBe('Wrong email or password.');
});

test('token exchange is rate limited after repeated failures, with Retry-After', async ({ request }) => {
  const viewer = await createUserWithToken(request, 'VIEWER');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const response = await request.post('/api/tokens', { data: { email: viewer.email, password: 'wrong-password', name: 'x' } });
    expect(response.status()).toBe(401);
  }
  const limited = await request.post('/api/tokens', { data: { email: viewer.email, password: viewer.password, name: 'x' } });
  expect(limited.status()).toBe(429);
  expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
});

test('only an ADMIN manages users; a VIEWER gets 403 on writes', async ({ request }) => {
  const viewer = await createUserWithToken(request, 'VIEWER');
  const create = await request.post('/api/users', {
    headers: bearer(viewer.token),
    data: { email: uniqueEmail('nope'), name: 'Nope', password: 'long-enough-password', role: 'ADMIN' },
  });
  expect(create.status()).toBe(403);
  expect(await create.json()).toMatchObject({ ...errorShape, code: 'FORBIDDEN' });

  const promote = await request.patch(`/api/users/${viewer.id}`, { headers: bearer(viewer.token), data: { role: 'ADMIN' } });
  expect(promote.status()).toBe(403);
  const list = await request.get('/api/users', { headers: bearer(viewer.token) });
  expect(list.status()).toBe(403);
});

test('users: validation errors per field, duplicates 409, never a password hash', async ({ request }) => {
  const admin = await adminToken(request);
  const invalid = await request.post('/api/users', {
    headers: bearer(admin),
    data: { email: 'not-an-email', name: '', password: 'short', role: 'OWNER' },
  });
  expect(invalid.status()).toBe(400);
  const invalidBody = (await invalid.json()) as { code: string; errors: Record<string, string> };
  expect(invalidBody.code).toBe('VALIDATION_FAILED');
  expect(Object.keys(invalidBody.errors).sort()).toEqual(['email', 'name', 'password', 'role']);

  const malformed = await request.post('/api/users', {
    headers: { ...bearer(admin), 'content-type': 'application/json' },
    data: '{"email": ',
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });

  const email = uniqueEmail('clerk');
  const first = await request.post('/api/users', {
    headers: bearer(admin),
    data: { email, name: 'Clerk', password: 'long-enough-password', role: 'CLERK' },
  });
  expect(first.status()).toBe(201);
  const created = (await first.json()) as Record<string, unknown>;
  expect(created).toMatchObject({ email, role: 'CLERK', disabled: false });
  expect(created).not.toHaveProperty('passwordHash');

  const duplicate = await request.post('/api/users', {
    headers: bearer(admin),
    data: { email: email.toUpperCase(), name: 'Clerk again', password: 'long-enough-password', role: 'CLERK' },
  });
  expect(duplicate.status()).toBe(409);
  expect(await duplicate.json()).toMatchObject({ code: 'CONFLICT', errors: { email: expect.any(String) } });

  const disable = await request.patch(`/api/users/${created.id}`, { headers: bearer(admin), data: { disabled: true } });
  expect(disable.status()).toBe(200);
  expect(await disable.json()).toMatchObject({ disabled: true });
  const signInDisabled = await request.post('/api/tokens', { data: { email, password: 'long-enough-password', name: 'x' } });
  expect(signInDisabled.status()).toBe(401);

  const missing = await request.patch('/api/users/999999', { headers: bearer(admin), data: { name: 'Ghost' } });
  expect(missing.status()).toBe(404);
});

test('a cookie-authenticated write from another origin is refused', async ({ page, baseURL }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  const body = { email: uniqueEmail('cookie'), name: 'Cookie', password: 'long-enough-password', role: 'VIEWER' };
  const foreign = await page.request.post('/api/users', { data: body, headers: { origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  const nullOrigin = await page.request.post('/api/users', { data: body, headers: { origin: 'null' } });
  expect(nullOrigin.status()).toBe(403);
  const sameOrigin = await page.request.post('/api/users', { data: body, headers: { origin: baseURL ?? '' } });
  expect(sameOrigin.status()).toBe(201);
  const read = await page.request.get('/api/users');
  expect(read.status()).toBe(200);
});

/**
 * Throttling over real HTTP against `next start`: the client is the socket's address, which
 * the server stamps on each request itself. Each test sends from its own 127.x address, so the
 * rest of the suite (from 127.0.0.1) is never slowed by these failures.
 */
test.describe('sign-in throttling by client address', () => {
  test('40 attempts from one client, each claiming another X-Forwarded-For: 429 from the 31st on', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const answer = await postJsonFrom(
        '127.0.0.2',
        '/api/tokens',
        { email: uniqueEmail('nobody'), password: 'wrong-password', name: 'x' },
        { 'x-forwarded-for': `198.51.100.${attempt}`, 'x-real-ip': `203.0.113.${attempt}` },
      );
      statuses.push(answer.status);
      if (answer.status === 429) expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
  });

  test("someone else's 5 failures from another address do not stop the owner's correct password", async ({ request }) => {
    const owner = await createUserWithToken(request, 'CLERK');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await postJsonFrom('127.0.0.3', '/api/tokens', { email: owner.email, password: 'a-guess-at-it', name: 'x' })).status).toBe(401);
    }
    const guesser = await postJsonFrom('127.0.0.3', '/api/tokens', { email: owner.email, password: owner.password, name: 'x' });
    expect(guesser.status).toBe(429);
    const ownerAnswer = await postJsonFrom('127.0.0.4', '/api/tokens', { email: owner.email, password: owner.password, name: 'x' });
    expect(ownerAnswer.status, ownerAnswer.body).toBe(201);
  });

  test('30 wrong passwords for one email sent at the same instant: at most 5 answers of 401, the rest 429 with Retry-After', async ({ request }) => {
    const target = await createUserWithToken(request, 'VIEWER');
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => postJsonFrom('127.0.0.5', '/api/tokens', { email: target.email, password: 'not-the-password', name: 'x' })),
    );
    const unauthorized = answers.filter((answer) => answer.status === 401);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(unauthorized.length).toBeLessThanOrEqual(5);
    expect(unauthorized.length + limited.length).toBe(30);
    for (const answer of limited) expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  });
});

test.describe('tokens expire and may be read-only', () => {
  test('a read token reads and may not write; scope and expiry are answered and listed', async ({ request }) => {
    const admin = await createUserWithToken(request, 'ADMIN');
    const created = await request.post('/api/tokens', { data: { email: admin.email, password: admin.password, name: 'reader', scope: 'read', expiresInDays: 7 } });
    expect(created.status()).toBe(201);
    const reader = (await created.json()) as { token: string; scope: string; expiresAt: string };
    expect(reader.scope).toBe('read');
    expect(Date.parse(reader.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 60 * 60 * 1000);
    expect((await request.get('/api/products', { headers: bearer(reader.token) })).status()).toBe(200);
    const write = await request.post('/api/categories', { headers: bearer(reader.token), data: { name: uniqueEmail('read-only') } });
    expect(write.status()).toBe(403);
    expect(await write.json()).toMatchObject({ code: 'FORBIDDEN' });
    const listed = (await (await request.get('/api/tokens', { headers: bearer(admin.token) })).json()) as { data: Array<{ scope: string; expiresAt: string }> };
    expect(listed.data.map((token) => token.scope).sort()).toEqual(['read', 'write']);
  });
});

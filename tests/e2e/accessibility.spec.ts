import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { adminToken, bearer, createUserWithToken, json, unique, type Role } from './fixtures/api';
import { axeFindings, describeFindings, type Finding } from './fixtures/axe';
import { E2E_ADMIN } from './fixtures/constants';
import { signIn } from './fixtures/ui';

/**
 * axe-core over every page of the app, signed in as each role, at a laptop's width and a
 * phone's: no serious or critical violation of WCAG 2.1 A/AA. Pages are discovered, not
 * listed: the main navigation, then the links inside each page (settings sections, a
 * product and its edit form, a supplier, "new" forms), two steps deep, one page per
 * kind of address (/products/12 and /products/13 are one kind; filters and sorting are not a
 * kind). A page added to the navigation, or linked from one, is covered without touching
 * this file. The shop is seeded first so that lists, charts and alerts have rows to check.
 *
 * The first dialog each page offers (a button with aria-haspopup="dialog") is opened from the
 * keyboard too, as an admin at desktop width: axe checks it open, focus must be inside it and
 * stay inside it under Tab, and Escape must hand focus back to the button that opened it.
 *
 * Budget: three tests in `npm test`, six with A11Y_MATRIX=full (RUNS below), one browser page
 * each, so that CI's two workers share them evenly; each visit is one navigation and one axe run.
 */

const WIDTHS = [
  { label: '1366px', size: { width: 1366, height: 800 } },
  { label: '375px', size: { width: 375, height: 812 } },
] as const;

/** Links followed from a page: this many steps from the navigation. */
const DEPTH = 2;
/** A ceiling, so that a page with many kinds of links cannot make the run unbounded. */
const MAX_PAGES = 45;

test.describe.configure({ mode: 'parallel' });

// Some thirty pages and axe runs per test (the admin's desktop pass opens dialogs too), with
// the server shared by other files in CI.
test.beforeEach(() => {
  test.setTimeout(300_000);
});

/**
 * Which role is checked at which width. `npm test` runs three of the six: the admin, who sees
 * every page, at both widths, and a clerk on a phone in the aisle (with the sign-in page). A
 * manager's pages are the admin's less the admin's sections. `npm run test:a11y`
 * (A11Y_MATRIX=full) runs every role at every width.
 */
const FULL_MATRIX = process.env.A11Y_MATRIX === 'full';
const RUNS = (['ADMIN', 'MANAGER', 'CLERK'] as const).flatMap((role) =>
  WIDTHS.filter((width) => FULL_MATRIX || role === 'ADMIN' || (role === 'CLERK' && width === WIDTHS[1])).map((width) => ({ role, width })),
);

for (const { role, width } of RUNS) {
  const phone = width === WIDTHS[1];
  test(`axe: no serious or critical violation on any page as ${role} at ${width.label}${role === 'CLERK' && phone ? ', nor on the sign-in page signed out' : ''}`, async ({ browser, request }) => {
    await seedShop(request);
    if (role === 'CLERK' && phone) await checkSignInPage(browser);

    const context = await browser.newContext({ viewport: width.size });
    // Every full page load would also have the server render each link's prefetch: work that
    // slows the run and checks nothing here (pages are loaded in full, never navigated to).
    await context.route(/[?&]_rsc=/, (route) => route.abort());
    try {
      const page = await context.newPage();
      const credentials = role === 'ADMIN' ? E2E_ADMIN : await createUserWithToken(request, role);
      await signIn(page, credentials.email, credentials.password);

      const visited = await crawl(page, { width: width.label, checkDialogs: role === 'ADMIN' && !phone });
      // The walk found the pages the navigation promises, the product and settings among them.
      expect(visited.some((path) => /^\/products\/\d+$/.test(path)), visited.join(' ')).toBe(true);
      expect(visited.some((path) => /^\/suppliers\/\d+$/.test(path)), visited.join(' ')).toBe(true);
      expect(visited.some((path) => path.startsWith('/settings?tab=')), visited.join(' ')).toBe(true);
      // The purchase order form, linked from the Purchasing list for the roles that may order.
      if (role !== 'CLERK') expect(visited, visited.join(' ')).toContain('/purchasing/new');
      console.log(`${role} at ${width.label}: ${visited.length} pages: ${visited.join(' ')}`);
      if (phone) await checkPhoneMenu(page, role);
    } finally {
      await context.close();
    }
  });
}

/** Each page's findings are asserted as soon as they are known, softly: one run names every page that fails. */
function expectNone(findings: Finding[]): void {
  expect.soft(findings, describeFindings(findings)).toEqual([]);
}

/** The sign-in page, signed out, at both widths: axe, and the one main landmark it needs. */
async function checkSignInPage(browser: Browser): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    for (const { label, size } of WIDTHS) {
      await page.setViewportSize(size);
      await page.goto('/login');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('main'), 'the sign-in page has exactly one main landmark').toHaveCount(1);
      expectNone(await axeFindings(page, `/login at ${label}`));
    }
  } finally {
    await context.close();
  }
}

/** The phone menu: its button's name says what it shows; axe over the open menu. */
async function checkPhoneMenu(page: Page, role: Role): Promise<void> {
  await page.goto('/');
  const button = page.getByRole('button', { name: /^Open menu/ });
  const menu = page.getByRole('dialog', { name: 'Menu' });
  await expect(button).toBeVisible();
  // Clicked again only while the menu is not open (once open, the rest of the page is inert),
  // each step bounded so that a menu that never opens fails instead of hanging. The dialog's
  // own element has no box of its own (its panel is fixed), so "open" is "in the page".
  await expect(async () => {
    if ((await menu.count()) === 0) await button.click({ timeout: 2_000 });
    await expect(menu).toBeAttached({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await transitionsDone(page);
  expectNone(await axeFindings(page, `phone menu as ${role}`));
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
}

/** A dialog fades in: colours measured half-way through its transition are not the ones people read. */
async function transitionsDone(page: Page): Promise<void> {
  // Endless ones (a spinner, a pulse) never finish and are not transitions.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined))));
}

/**
 * What kind of page an address is: numbers in the path become ":id"; of the query, only `tab`
 * counts (a settings section is another page): filters, status tabs, sorting and paging show
 * the same page with other rows, which would cost a visit and find nothing new.
 */
function kindOf(url: URL): string {
  const path = url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id');
  const tab = url.searchParams.get('tab');
  return tab === null ? path : `${path}?tab=${tab}`;
}

/** The app's own page links inside an element: no API address, no download, no other origin. */
async function pageLinks(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((element) => [...element.querySelectorAll('a[href]')]).filter((a) => !a.hasAttribute('download') && a.getAttribute('target') !== '_blank').map((a) => (a as HTMLAnchorElement).href),
  );
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !url.pathname.startsWith('/api/') && url.pathname !== '/login')
    .map((url) => url.pathname + url.search);
}

/** Breadth first from the navigation; axe on each page (and its dialogs when asked). Returns the paths visited. */
async function crawl(page: Page, { width, checkDialogs }: { width: string; checkDialogs: boolean }): Promise<string[]> {
  const navigation = await pageLinks(page, 'nav[aria-label="Main"]');
  expect(navigation.length, 'links in the main navigation').toBeGreaterThan(3);
  const seen = new Set<string>();
  const queue: Array<{ path: string; depth: number }> = [];
  const enqueue = (path: string, depth: number) => {
    const kind = kindOf(new URL(path, page.url()));
    if (seen.has(kind)) return;
    seen.add(kind);
    queue.push({ path, depth });
  };
  for (const path of navigation) enqueue(path, 0);

  const visited: string[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const { path, depth } = queue.shift()!;
    await visitAndCheck(page, path, width);
    visited.push(path);
    if (checkDialogs) await checkDialogsOf(page, path);
    if (depth < DEPTH) for (const link of await pageLinks(page, 'main')) enqueue(link, depth + 1);
  }
  return visited;
}

/** Loads the page (a link that answers an error is a finding too) and runs axe on it. */
async function visitAndCheck(page: Page, path: string, width: string): Promise<void> {
  const response = await page.goto(path);
  const label = `${path} at ${width}`;
  expect.soft(response?.status(), `${label} answers`).toBe(200);
  await expect(page.getByRole('heading', { level: 1 }).first(), `${label} has a page title`).toBeVisible();
  expectNone(await axeFindings(page, label));
}

/**
 * The first dialog the page offers, opened with Enter: axe inside it, focus moved in and
 * trapped there, and handed back to its button on Escape. One per page keeps the run short;
 * every dialog is the shared Dialog (components/ui/dialog.tsx) or Headless UI's own.
 */
async function checkDialogsOf(page: Page, path: string): Promise<void> {
  const opener = page.locator('main [aria-haspopup="dialog"]:visible:not(:disabled)').first();
  if ((await opener.count()) === 0) return;
  const name = (await opener.getAttribute('aria-label')) ?? (await opener.textContent())?.trim() ?? '';
  const label = `${path}, dialog of "${name}"`;
  const dialog = page.getByRole('dialog');
  const focusInside = () => dialog.evaluate((element) => element.contains(document.activeElement));
  // The button works once the page has hydrated: Enter again until the dialog shows.
  await expect(async () => {
    if (!(await dialog.isVisible())) {
      await opener.focus({ timeout: 2_000 });
      await page.keyboard.press('Enter');
    }
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }, `${label} opens`).toPass({ timeout: 30_000 });
  await expect.poll(focusInside, `${label}: focus moves inside`).toBe(true);
  await transitionsDone(page);
  expectNone(await axeFindings(page, label));
  // More presses than the dialog has stops, each way: focus cycles inside, never reaching the page.
  const stops = (await dialog.locator('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').count()) + 1;
  for (let press = 0; press < stops; press += 1) await page.keyboard.press('Tab');
  expect(await focusInside(), `${label}: focus stays inside after ${stops} Tabs`).toBe(true);
  for (let press = 0; press < stops; press += 1) await page.keyboard.press('Shift+Tab');
  expect(await focusInside(), `${label}: focus stays inside after ${stops} Shift+Tabs`).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener, `${label}: focus returns to the button that opened it`).toBeFocused();
}

/**
 * A shop with something on every page: a category, a supplier linked to a product, a second
 * location holding stock, a product below its reorder level (an active alert) and one with
 * nothing. Created per test with unique names; other spec files add their own alongside.
 */
async function seedShop(request: APIRequestContext): Promise<void> {
  const token = await adminToken(request);
  const headers = bearer(token);
  const name = unique('A11y');
  const category = await json<{ id: number }>(await request.post('/api/categories', { headers, data: { name: `${name} coffee` } }), 201);
  const supplier = await json<{ id: number }>(await request.post('/api/suppliers', { headers, data: { name: `${name} roastery`, email: 'orders@roastery.test' } }), 201);
  const location = await json<{ id: number }>(await request.post('/api/locations', { headers, data: { code: name.toUpperCase(), name: `${name} shelf` } }), 201);
  const product = await json<{ id: number }>(
    await request.post('/api/products', { headers, data: { sku: name.toUpperCase(), name: `${name} house blend`, price: '24.50', cost: '11.20', categoryId: category.id, reorderLevel: 10 } }),
    201,
  );
  await json(await request.post('/api/products', { headers, data: { sku: `${name.toUpperCase()}-2`, name: `${name} grinder`, price: '89.00' } }), 201);
  await json(await request.put(`/api/products/${product.id}/suppliers/${supplier.id}`, { headers, data: { leadTimeDays: 3, preferred: true } }), 200);
  await json(await request.post('/api/stock-movements', { headers, data: { productId: product.id, type: 'RECEIPT', quantity: 20, unitCost: '11.20', reference: 'PO-1' } }), 201);
  await json(await request.post('/api/stock-movements', { headers, data: { productId: product.id, type: 'RECEIPT', quantity: 4, unitCost: '11.20', locationId: location.id } }), 201);
  await json(await request.post('/api/stock-movements', { headers, data: { productId: product.id, type: 'SHIPMENT', quantity: 15, reference: 'ORDER-1' } }), 201);
}

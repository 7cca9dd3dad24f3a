import { expect, test, type Locator, type Page } from '@playwright/test';
import { createUserWithToken } from './fixtures/api';
import { card, DESKTOP, onHandStat, suffix } from './fixtures/ui';

/**
 * The day in the shop (day-in-the-shop.spec.ts) with the keyboard alone: no click, no fill,
 * no selectOption; only Tab, Shift+Tab, Enter, Escape, arrow keys and typed characters, as a
 * person without a mouse works. page.goto opens the sign-in page, as typing an address would;
 * every other page is reached through the navigation's links.
 *
 * Along the way: the skip link is the first stop, each dialog takes focus and gives it back
 * to its button on close, a refusal moves focus to the field at fault, and each result is
 * said in the toasts' live region.
 */

test.use({ viewport: DESKTOP });

/** Presses Tab (or Shift+Tab) until the target has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 80, backwards = false }: { max?: number; backwards?: boolean } = {}): Promise<void> {
  const element = await target.elementHandle();
  for (let press = 0; press <= max; press += 1) {
    if (await page.evaluate((candidate) => candidate === document.activeElement, element)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} not reached in ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** Focus to the field, then the characters typed one by one. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** Arrow keys on a focused native select until the chosen option starts with the text. */
async function chooseOption(page: Page, select: Locator, start: string): Promise<void> {
  await tabTo(page, select);
  const texts = await select.locator('option').allTextContents();
  const wanted = texts.findIndex((text) => text.startsWith(start));
  expect(wanted, `an option starting with "${start}" in ${texts.join(' | ')}`).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Home');
  for (let index = 0; index < wanted; index += 1) await page.keyboard.press('ArrowDown');
  await expect(select.locator('option:checked')).toHaveText(texts[wanted]!);
}

/** A section of the main navigation, reached with Tab from wherever focus is and followed with Enter. */
async function goToSection(page: Page, label: string, heading: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${label}\\b`) });
  await tabTo(page, link, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/**
 * Opens a dialog from its button with Enter: the button works once the page has hydrated, so
 * Enter is pressed again until the dialog shows. Focus must then be inside it.
 */
async function openWithKeyboard(page: Page, button: Locator, title: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await tabTo(page, button);
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement)), `focus is inside "${title}"`).toBe(true);
  return dialog;
}

/** The toast saying it, in the live region the notifications live in (polite: read after what is being said). */
async function expectAnnounced(page: Page, text: string): Promise<void> {
  const region = page.locator('section[aria-live="polite"]');
  await expect(region.getByText(text)).toBeVisible();
}

test('a day in the shop with the keyboard alone: set up, receive, ship below reorder, transfer, count, a refusal', async ({ page, request }) => {
  test.slow(); // about 300 key presses and 20 server round trips on a shared two-core machine
  const id = suffix();
  const manager = await createUserWithToken(request, 'MANAGER');

  // --- Sign in: the email field has focus on arrival; Enter in the password submits.
  await page.goto('/login');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(manager.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(manager.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // The first Tab lands on the skip link, shown while focused; Enter moves focus to the page.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // --- Morning: a category, a supplier and a location, each in its dialog.
  const categoryName = `Coffee ${id}`;
  await goToSection(page, 'Categories', 'Categories');
  const newCategory = page.getByRole('button', { name: 'New category' });
  let dialog = await openWithKeyboard(page, newCategory, 'New category');
  await typeInto(page, dialog.getByLabel('Name'), categoryName);
  await typeInto(page, dialog.getByLabel('Description'), 'Beans and grinders');
  await tabTo(page, dialog.getByRole('button', { name: 'Create category' }));
  await page.keyboard.press('Enter');
  await expectAnnounced(page, `Category “${categoryName}” created.`);
  await expect(dialog).toBeHidden();
  await expect(newCategory, 'focus returns to the button that opened the dialog').toBeFocused();
  await expect(page.getByRole('cell', { name: categoryName, exact: true })).toBeVisible();

  const supplierName = `Roastery ${id}`;
  await goToSection(page, 'Suppliers', 'Suppliers');
  dialog = await openWithKeyboard(page, page.getByRole('button', { name: 'New supplier' }), 'New supplier');
  await typeInto(page, dialog.getByLabel('Name'), supplierName);
  await typeInto(page, dialog.getByLabel('Email'), `orders-${id}@roastery.test`);
  await page.keyboard.press('Enter'); // Enter in a text field submits its form
  await expectAnnounced(page, `Supplier “${supplierName}” created.`);
  await expect(dialog).toBeHidden();

  const locationCode = `SHOP-${id}`.toUpperCase();
  await goToSection(page, 'Locations', 'Locations');
  dialog = await openWithKeyboard(page, page.getByRole('button', { name: 'New location' }), 'New location');
  await typeInto(page, dialog.getByLabel('Code'), locationCode);
  await typeInto(page, dialog.getByLabel('Name'), `Shop floor ${id}`);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: locationCode, exact: true })).toBeVisible();

  // --- The product, reorder level 10, from the "New product" link of the products page.
  const sku = `KEY-${id}`.toUpperCase();
  const productName = `House blend 1kg ${id}`;
  await goToSection(page, 'Products', 'Products');
  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'New product' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();
  await typeInto(page, page.getByLabel('SKU'), sku);
  await typeInto(page, page.getByLabel('Name'), productName);
  await chooseOption(page, page.getByLabel('Category'), categoryName);
  await typeInto(page, page.getByLabel('Price'), '24.50');
  await typeInto(page, page.getByLabel('Cost'), '11.20');
  await typeInto(page, page.getByLabel('Reorder level'), '10');
  await page.keyboard.press('Enter');
  await expectAnnounced(page, `Product ${sku} created.`);
  await expect(page.getByRole('heading', { level: 1, name: productName })).toBeVisible();

  // --- Receive 20: the dialog's form is submitted with Enter in its quantity.
  const receive = page.getByRole('group', { name: 'Stock actions' }).getByRole('button', { name: 'Receive', exact: true });
  dialog = await openWithKeyboard(page, receive, 'Receive stock');
  await typeInto(page, dialog.getByLabel('Quantity received'), '20');
  await page.keyboard.press('Enter');
  await expectAnnounced(page, 'Received 20. On hand now 20.');
  await expect(dialog).toBeHidden();
  await expect(receive).toBeFocused();
  await expect(onHandStat(page)).toHaveText('20');

  // --- Ship 15: 5 left, below the reorder level; the alert opens.
  const ship = page.getByRole('group', { name: 'Stock actions' }).getByRole('button', { name: 'Ship', exact: true });
  dialog = await openWithKeyboard(page, ship, 'Ship stock');
  await typeInto(page, dialog.getByLabel('Quantity shipped'), '15');
  await page.keyboard.press('Enter');
  await expectAnnounced(page, 'Shipped 15. On hand now 5.');
  await expect(dialog).toBeHidden();
  await expect(ship).toBeFocused();
  await expect(card(page, 'Alerts')).toContainText('Active');

  // --- Receive 10 more (the alert resolves), then transfer 3 to the shop floor with the arrow keys.
  dialog = await openWithKeyboard(page, receive, 'Receive stock');
  await typeInto(page, dialog.getByLabel('Quantity received'), '10');
  await page.keyboard.press('Enter');
  await expectAnnounced(page, 'Received 10. On hand now 15.');
  await expect(dialog).toBeHidden();
  await expect(card(page, 'Alerts')).toContainText('Resolved');

  const transfer = page.getByRole('group', { name: 'Stock actions' }).getByRole('button', { name: 'Transfer', exact: true });
  dialog = await openWithKeyboard(page, transfer, 'Transfer stock');
  await typeInto(page, dialog.getByLabel('Quantity to move'), '3');
  await chooseOption(page, dialog.getByLabel('To', { exact: true }), `${locationCode} `);
  await tabTo(page, dialog.getByRole('button', { name: 'Transfer', exact: true }));
  await page.keyboard.press('Enter');
  await expectAnnounced(page, 'Transferred 3. On hand now 15.');
  await expect(dialog).toBeHidden();

  // --- Count the shop floor: 2 where the system has 3.
  const count = page.getByRole('group', { name: 'Stock actions' }).getByRole('button', { name: 'Count', exact: true });
  dialog = await openWithKeyboard(page, count, 'Record a count');
  await chooseOption(page, dialog.getByLabel('Location'), `${locationCode} `);
  await expect(dialog.getByText(`The system has 3 at ${locationCode}`)).toBeVisible();
  await typeInto(page, dialog.getByLabel('Counted quantity'), '2');
  await page.keyboard.press('Enter');
  await expectAnnounced(page, 'Counted 2 (-1). On hand now 14.');
  await expect(dialog).toBeHidden();
  await expect(onHandStat(page)).toHaveText('14');

  // --- Ship 13 from MAIN, which holds 12: refused, focus moves to the quantity and its error is its description.
  dialog = await openWithKeyboard(page, ship, 'Ship stock');
  await chooseOption(page, dialog.getByLabel('Location'), 'MAIN ');
  await typeInto(page, dialog.getByLabel('Quantity shipped'), '13');
  await page.keyboard.press('Enter');
  const quantity = dialog.getByLabel('Quantity shipped');
  await expect(quantity).toHaveAttribute('aria-invalid', 'true');
  await expect(quantity).toBeFocused();
  await expect(quantity).toHaveAccessibleDescription('Only 12 on hand');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(ship).toBeFocused();
  await expect(onHandStat(page)).toHaveText('14');

  // --- Evening: the resolved alert, found through the navigation and the status tabs.
  await goToSection(page, 'Alerts', 'Alerts');
  await tabTo(page, page.getByRole('navigation', { name: 'Alert status' }).getByRole('link', { name: 'Resolved' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/status=resolved/);
  await expect(page.getByRole('list', { name: 'Alerts' }).getByRole('listitem').filter({ hasText: sku }).first()).toBeVisible();
});

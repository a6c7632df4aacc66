import type { Locator, Page } from 'playwright-core';

/**
 * Filling the app's forms the way a person does: find a field by the label they read, click,
 * type, choose. Covers the Formily (antd v5) fields the templates use; `scope` narrows to a part
 * of the page (a card, a modal) when a label appears twice.
 */

type Scope = Page | Locator;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression for a button or tab name as a screen reader reads it: antd puts a space
 * between two CJK letters, and an icon adds its own name in front (`check 提 交`).
 */
export function named(text: string): RegExp {
  return new RegExp(`^\\s*(?:[a-z-]+\\s+)?${[...text].map(escape).join('\\s*')}\\s*$`);
}

/** The page a scope belongs to. */
export function pageOf(scope: Scope): Page {
  return 'goto' in scope ? scope : scope.page();
}

/** The whole form item (label, control, help and error) whose label reads exactly `label`. */
export function field(scope: Scope, label: string): Locator {
  const ownLabel = pageOf(scope).locator(':scope > .ant-formily-item-label label', {
    hasText: exactly(label),
  });
  return scope.locator('.ant-formily-item').filter({ has: ownLabel }).first();
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escape(text)}\\s*$`);
}

export async function fillText(scope: Scope, label: string, text: string): Promise<void> {
  await field(scope, label)
    .locator('input:not([type=radio]):not([type=checkbox]), textarea')
    .first()
    .fill(text);
}

export async function chooseRadio(scope: Scope, label: string, option: string): Promise<void> {
  await field(scope, label)
    .locator('label.ant-radio-wrapper', { hasText: exactly(option) })
    .click();
}

export async function tick(scope: Scope, label: string, option: string): Promise<void> {
  await field(scope, label)
    .locator('label.ant-checkbox-wrapper', { hasText: exactly(option) })
    .click();
}

/** The open dropdown of a select (antd renders it at the end of the page). */
function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
}

async function pickFromSelect(select: Locator, option: string, typed?: string): Promise<void> {
  const page = select.page();
  await select.click();
  if (typed !== undefined) await select.locator('input').fill(typed);
  const item = openDropdown(page)
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^\\s*${escape(option)}`) })
    .first();
  await item.click();
  // a multiple select stays open: close it as a person would
  if (await openDropdown(page).isVisible()) await page.keyboard.press('Escape');
}

/** A plain select: click it, click the option. */
export async function choose(scope: Scope, label: string, option: string): Promise<void> {
  await pickFromSelect(field(scope, label).locator('.ant-select').first(), option);
}

/** A person or unit picker: click, type a few letters of the name, click the match. */
export async function pick(scope: Scope, label: string, name: string): Promise<void> {
  await pickFromSelect(field(scope, label).locator('.ant-select').first(), name, name.slice(0, 2));
}

/** A date picker: type the date as written (YYYY-MM-DD) and press Enter. */
export async function fillDate(scope: Scope, label: string, date: string): Promise<void> {
  const input = field(scope, label).locator('.ant-picker input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The error message shown under a field (waits until there is one). */
export async function errorOf(scope: Scope, label: string): Promise<string> {
  const help = field(scope, label).locator('.ant-formily-item-error-help, .ant-formily-item-help');
  await help.first().waitFor();
  return (await help.first().innerText()).trim();
}

/** The text a read-only field shows. */
export async function shownValue(scope: Scope, label: string): Promise<string> {
  return (
    await field(scope, label)
      .locator('.ant-formily-item-control-content-component')
      .first()
      .innerText()
  ).trim();
}

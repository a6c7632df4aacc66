import type { Locator, Page } from 'playwright-core';

/** Working in the bpmn-js process designer with the mouse, as a person does. */

export function shape(page: Page, elementId: string): Locator {
  return page.locator(`g.djs-element[data-element-id="${elementId}"]`).first();
}

export function connection(page: Page, elementId: string): Locator {
  return page.locator(`g.djs-connection[data-element-id="${elementId}"]`).first();
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not on the screen`);
  return box;
}

const centre = (b: { x: number; y: number; width: number; height: number }) => ({
  x: b.x + b.width / 2,
  y: b.y + b.height / 2,
});

/** Drags with a few intermediate moves, so the modeler sees hover and drop targets. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 10, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/**
 * Brings an element into view at a readable size: drags the canvas by an empty spot, then zooms
 * with Ctrl + mouse wheel over the element until it is `minWidth` pixels wide.
 */
export async function zoomTo(
  page: Page,
  elementId: string,
  emptySpot: { x: number; y: number },
  minWidth = 36,
): Promise<void> {
  const target = shape(page, elementId);
  let box = await boxOf(target);
  const canvas = await boxOf(page.locator('.djs-container'));
  const aim = { x: canvas.x + canvas.width / 3, y: canvas.y + canvas.height / 4 };
  await drag(page, emptySpot, {
    x: emptySpot.x + aim.x - centre(box).x,
    y: emptySpot.y + aim.y - centre(box).y,
  });
  for (let i = 0; i < 12 && box.width < minWidth; i++) {
    const at = centre(await boxOf(target));
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    box = await boxOf(target);
  }
}

/** Drags the palette's task onto an arrow: bpmn-js splits the arrow around the new task. */
export async function dropTaskOnArrow(page: Page, flowId: string): Promise<void> {
  const palette = await boxOf(page.locator('.djs-palette .entry.bpmn-icon-task'));
  await drag(page, centre(palette), centre(await boxOf(connection(page, flowId))));
}

/** Opens a group of the properties panel (a click on a closed header). */
export async function panelGroup(page: Page, title: string): Promise<Locator> {
  const header = page.locator('.bio-properties-panel-group-header', { hasText: title }).first();
  if (!((await header.getAttribute('class')) ?? '').split(/\s+/).includes('open')) {
    await header.click();
  }
  return page.locator('.bio-properties-panel-group', { has: header });
}

export { boxOf, centre };

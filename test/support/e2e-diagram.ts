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

/**
 * Opens a .bpmn file in the process designer as a person does: the list's "导入 .bpmn 文件"
 * button and its file dialog; waits until the diagram is drawn.
 */
export async function importBpmn(page: Page, fileName: string, xml: string): Promise<void> {
  if (!/\/admin\/processes\/?$/.test(new URL(page.url()).pathname)) {
    await page.goto('/admin/processes');
  }
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /导入/ }).first().click();
  await (
    await chooser
  ).setFiles({ name: fileName, mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await page.locator('.djs-container g.djs-element.djs-shape').first().waitFor();
}

/** 导出 → BPMN 文件: the file the browser downloads, as text. */
export async function exportBpmn(page: Page): Promise<string> {
  await page.getByRole('button', { name: /导\s*出/ }).hover();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /BPMN 文件/ }).click();
  const stream = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Clicks an element of the diagram, which shows its properties in the panel. */
export async function selectElement(page: Page, elementId: string): Promise<void> {
  await shape(page, elementId).click();
  await page.locator(`g.djs-element.selected[data-element-id="${elementId}"]`).waitFor();
}

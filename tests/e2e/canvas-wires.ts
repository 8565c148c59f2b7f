// Dragging wires between ports on the canvas, as a person does: press on an output port's handle,
// move towards an input port's handle, release (or keep holding to read a refusal).
import { expect, type Page } from '@playwright/test';

function handle(page: Page, side: 'source' | 'target', nodeId: string, port: string) {
  return page.locator(`.react-flow__handle.${side}[data-nodeid="${nodeId}"][data-handleid="${port}"]`);
}

export async function handleCentre(page: Page, side: 'source' | 'target', nodeId: string, port: string) {
  const box = await handle(page, side, nodeId, port).boundingBox();
  if (!box) throw new Error(`no ${side} handle ${nodeId}.${port} on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Presses the mouse on an output port's handle. The pointer first hovers where the handle is and
 * presses only once that point is the handle itself: the canvas may still be moving (a pan after
 * the last drag), and a press that lands on the node's body beside the handle drags the node away.
 */
async function pressOnHandle(page: Page, nodeId: string, port: string): Promise<void> {
  await expect
    .poll(async () => {
      const at = await handleCentre(page, 'source', nodeId, port);
      await page.mouse.move(at.x, at.y);
      return page.evaluate(({ x, y }) => {
        const hit = document.elementFromPoint(x, y)?.closest('.react-flow__handle');
        return hit ? `${hit.getAttribute('data-nodeid')}.${hit.getAttribute('data-handleid')}` : null;
      }, at);
    })
    .toBe(`${nodeId}.${port}`);
  await page.mouse.down();
}

/** Drags from an output port towards an input port; `release` false leaves the mouse held down. */
export async function dragWire(page: Page, from: [string, string], to: [string, string], release = true): Promise<void> {
  await pressOnHandle(page, ...from);
  const a = await handleCentre(page, 'source', ...from);
  const b = await handleCentre(page, 'target', ...to);
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  if (release) await page.mouse.up();
}

/** Wires an output to an input and waits for the new edge. */
export async function connect(page: Page, from: [string, string], to: [string, string]): Promise<void> {
  const edges = page.locator('.react-flow__edge');
  const before = await edges.count();
  await dragWire(page, from, to);
  await expect(edges).toHaveCount(before + 1);
}

import type Canvas from 'diagram-js/lib/core/Canvas';

/** Room kept free around the diagram, in screen pixels: the palette sits on the left. */
const PADDING = { left: 96, right: 40, top: 40, bottom: 40 };

/** Shows the whole diagram centred in the free area, never enlarged. */
export function fitDiagram(canvas: Canvas): void {
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height || !outer.width || !outer.height) return;
  const freeWidth = Math.max(outer.width - PADDING.left - PADDING.right, 100);
  const freeHeight = Math.max(outer.height - PADDING.top - PADDING.bottom, 100);
  const scale = Math.min(1, freeWidth / inner.width, freeHeight / inner.height);
  canvas.viewbox({
    x: inner.x - PADDING.left / scale - (freeWidth / scale - inner.width) / 2,
    y: inner.y - PADDING.top / scale - (freeHeight / scale - inner.height) / 2,
    width: outer.width / scale,
    height: outer.height / scale,
  });
}

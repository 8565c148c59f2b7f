// Where a node added from the keyboard goes: right of the selected node, or in the middle of what
// the canvas shows, then moved down until it overlaps nothing.
import { DEFAULT_NODE_SIZE, type PipelineDoc, type Size, type XY } from './editor-types';

const GAP = 60;
const STEP = 40;
const MAX_TRIES = 200;

export function besideNode(anchor: XY, anchorSize: Size = DEFAULT_NODE_SIZE): XY {
  return { x: anchor.x + anchorSize.width + GAP, y: anchor.y };
}

/** The centre of the view given as a top-left corner for a node of the default size. */
export function centredAt(centre: XY): XY {
  return { x: centre.x - DEFAULT_NODE_SIZE.width / 2, y: centre.y - DEFAULT_NODE_SIZE.height / 2 };
}

export function freeSpot(doc: PipelineDoc, wanted: XY, sizes: ReadonlyMap<string, Size>): XY {
  const boxes = doc.nodes.map((n) => ({ ...n.position, ...(sizes.get(n.id) ?? DEFAULT_NODE_SIZE) }));
  const { width, height } = DEFAULT_NODE_SIZE;
  const overlaps = (p: XY) => boxes.some((b) => p.x < b.x + b.width && p.x + width > b.x && p.y < b.y + b.height && p.y + height > b.y);
  let spot = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (let i = 0; i < MAX_TRIES && overlaps(spot); i++) spot = { x: spot.x, y: spot.y + STEP };
  return spot;
}

// Builds small graphs for tests from "a>b" strings, so a test reads like its picture.
export function graphOf(nodes: string[], arrows: string[] = []) {
  return {
    nodes: nodes.map((id) => ({ id })),
    edges: arrows.map((arrow, i) => {
      const [source, target] = arrow.split('>');
      return { id: `e${i}`, source, target };
    }),
  };
}

// A tiny bar chart of a numeric column's histogram, drawn as inline SVG.
import { formatNumber } from '../ui/format';

export function MiniHistogram({ edges, counts, width: WIDTH = 80, height: HEIGHT = 28 }: { edges: number[]; counts: number[]; width?: number; height?: number }) {
  if (counts.length === 0) return null;
  const max = Math.max(...counts, 1);
  const bar = WIDTH / counts.length;
  const label = `Histogram from ${formatNumber(edges[0])} to ${formatNumber(edges[edges.length - 1])}`;
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="shrink-0">
      <title>{label}</title>
      {counts.map((c, i) => {
        const h = c === 0 ? 0 : Math.max(1, (c / max) * (HEIGHT - 1));
        return (
          <rect key={i} x={i * bar + 0.5} y={HEIGHT - h} width={Math.max(bar - 1, 0.5)} height={h} rx={0.5} className="fill-indigo-400">
            <title>{`${formatNumber(edges[i])} – ${formatNumber(edges[i + 1])}: ${c}`}</title>
          </rect>
        );
      })}
      <line x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-zinc-300" />
    </svg>
  );
}

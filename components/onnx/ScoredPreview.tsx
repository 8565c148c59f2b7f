'use client';
// The first scored rows: the CSV's own columns, then the model's outputs, set apart.

interface ScoredPreviewProps {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  outputCount: number;
}

export function ScoredPreview({ header, rows, outputCount }: ScoredPreviewProps) {
  const firstOutput = header.length - outputCount;
  return (
    <div className="max-h-96 overflow-auto rounded-md border border-zinc-200">
      <table className="w-full text-xs" data-testid="onnx-scored-preview">
        <thead className="sticky top-0 bg-zinc-50">
          <tr className="border-b border-zinc-200 text-left">
            <th className="px-2 py-1.5 text-right font-medium text-zinc-400">#</th>
            {header.map((h, c) => (
              <th key={c} className={`px-2 py-1.5 font-medium whitespace-nowrap ${c >= firstOutput ? 'bg-indigo-50 text-indigo-800' : 'text-zinc-600'}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="border-b border-zinc-100 last:border-0">
              <td className="px-2 py-1 text-right text-zinc-400 tabular-nums">{r + 1}</td>
              {row.map((v, c) => (
                <td key={c} className={`px-2 py-1 font-mono whitespace-nowrap tabular-nums ${c >= firstOutput ? 'bg-indigo-50/50 text-zinc-900' : 'text-zinc-700'}`}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

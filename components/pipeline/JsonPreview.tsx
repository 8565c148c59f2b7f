// Any JSON-shaped artifact the UI has no dedicated view for yet.
export function JsonPreview({ value }: { value: unknown }) {
  return (
    <pre className="max-h-80 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-[11px] leading-relaxed text-zinc-700">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

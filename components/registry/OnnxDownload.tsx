'use client';
// "Download ONNX": the version's model with its preprocessing as one .onnx file, exported on the
// server (GET /api/artifacts/<id>?format=onnx). Fetched rather than linked, so a model the export
// cannot express shows the server's reason here instead of a failed download.
import { useState } from 'react';
import { InlineError } from '../ui/InlineError';

export function OnnxDownload({ artifactId, fileName }: { artifactId: string; fileName: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const res = await fetch(`/api/artifacts/${artifactId}?format=onnx&name=${encodeURIComponent(fileName)}`);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        setState({ busy: false, error: body?.error ?? `The export failed (HTTP ${res.status})` });
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `${fileName}.onnx`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: `The export failed: ${(error as Error).message}` });
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        onClick={download}
        disabled={state.busy}
        data-testid="download-onnx"
        className="w-fit rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-50 disabled:opacity-50"
      >
        {state.busy ? 'Exporting…' : 'Download ONNX'}
      </button>
      <p className="text-xs text-zinc-500">
        With its preprocessing: one input per raw column (numbers as double, NaN when missing; categories as
        strings, &quot;&quot; when missing); outputs label and probabilities, or value.
      </p>
      <InlineError message={state.error} />
    </div>
  );
}

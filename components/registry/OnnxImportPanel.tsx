'use client';
// Import an ONNX model (e.g. from scikit-learn through skl2onnx) as the next version of a registered
// model. The file is read here with the same rules the server applies (engine/onnx), the signature
// pre-filled and checked before upload; the server checks again, runs it once, and stores it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { prepareOnnxModel, type PreparedOnnxModel } from '../../engine/onnx/prepare-model';
import { checkSignature, proposeSignature, type SignatureDraft } from '../../nodes/onnx/import-signature';
import { featureNamesFromMetadata } from '../onnx/feature-names';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { LocalFileDrop } from '../ui/LocalFileDrop';
import { TextField } from '../ui/TextField';
import { versionHref } from './links';
import { SignatureEditor, type FieldErrors } from './SignatureEditor';

interface Loaded {
  file: File;
  prepared: PreparedOnnxModel;
}

type Imported = { modelId: string; modelName: string; version: number };

export function OnnxImportPanel({ projectId: initialProject, onClose }: { projectId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const projects = useQuery(trpc.project.list.queryOptions());
  const [projectId, setProjectId] = useState(initialProject);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<SignatureDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<Imported | null>(null);

  async function choose(file: File) {
    setImported(null);
    const prepared = prepareOnnxModel(new Uint8Array(await file.arrayBuffer()));
    if (!prepared.ok) {
      setLoaded(null);
      setDraft(null);
      setErrors({ file: `${file.name} is not an ONNX model: ${prepared.error}.` });
      return;
    }
    setLoaded({ file, prepared: prepared.value });
    setDraft(proposeSignature(prepared.value, featureNamesFromMetadata(prepared.value.summary.metadata)));
    setErrors({});
    if (!name) setName(file.name.replace(/\.onnx$/i, '').replace(/[^A-Za-z0-9_.-]+/g, '-'));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!projectId) found.project = 'Choose a project';
    if (!name.trim()) found.name = 'Name the model';
    if (!loaded || !draft) found.file = 'Choose a .onnx file';
    else {
      const checked = checkSignature(loaded.prepared, draft);
      if (!checked.ok) for (const issue of checked.issues) found[issue.field] ??= issue.message;
    }
    setErrors(found);
    if (Object.keys(found).length || !loaded || !draft) return;
    setBusy(true);
    try {
      const query = new URLSearchParams({ projectId, name: name.trim(), signature: JSON.stringify(draft), ...(description.trim() ? { description } : {}) });
      const res = await fetch(`/api/models/import?${query}`, { method: 'POST', body: loaded.file });
      const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string } & Partial<Imported>;
      if (!res.ok) {
        setErrors({ [body.field && body.field !== 'projectId' ? body.field : body.field === 'projectId' ? 'project' : 'form']: body.error ?? `The server answered ${res.status}` });
        return;
      }
      setImported(body as Imported);
      await queryClient.invalidateQueries();
    } catch (error) {
      setErrors({ form: `The upload failed: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  const zip = loaded?.prepared.zipMaps[0];
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="onnx-import">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 className="text-sm font-semibold text-zinc-900">Import an ONNX model</h2>
          <p className="mt-0.5 text-xs text-zinc-500">
            A model trained elsewhere (scikit-learn through skl2onnx, LightGBM or XGBoost through onnxmltools) becomes the next version of a registered model. The server loads it with onnxruntime and runs it once on a row before storing it.
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
      </div>
      <LocalFileDrop file={loaded?.file ?? null} onFile={(f) => void choose(f)} accept=".onnx" prompt="Drop a .onnx model here, or click to choose one" hint="It is read here first, to fill in the signature" testId="import-file" disabled={busy} />
      {errors.file ? <InlineError message={errors.file} /> : null}
      {loaded ? (
        <p className="text-xs text-zinc-600" data-testid="import-model-summary">
          Inputs: {loaded.prepared.summary.inputs.map((i) => `${i.name} ${i.type}`).join(', ')} · outputs: {loaded.prepared.summary.outputs.map((o) => `${o.name} ${o.type}`).join(', ')}
          {zip ? ` · class labels from the ZipMap ${zip.output} (${zip.labelsFrom}); its probabilities are read from ${zip.tensor}` : ''}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div className="flex flex-col gap-1.5">
          <label className="text-sm font-medium text-zinc-700" htmlFor="import-project">
            Project
          </label>
          <select id="import-project" value={projectId} onChange={(e) => setProjectId(e.target.value)} className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm" data-testid="import-project">
            <option value="">— choose —</option>
            {projects.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {errors.project ? <p className="text-xs text-red-700">{errors.project}</p> : null}
        </div>
        <div className="flex flex-col gap-1">
          <TextField label="Model name" hint="A new name, or an existing model's for its next version" value={name} onChange={(e) => setName(e.target.value)} data-testid="import-name" />
          {errors.name ? <p className="text-xs text-red-700" data-testid="import-error-name">{errors.name}</p> : null}
        </div>
        <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} data-testid="import-description" />
      </div>
      {draft && loaded ? <SignatureEditor key={`${loaded.file.name}:${loaded.file.size}:${loaded.file.lastModified}`} draft={draft} onChange={setDraft} errors={errors} /> : null}
      {errors.form ? <InlineError message={errors.form} /> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={busy} data-testid="import-submit">
          {busy ? 'Importing…' : 'Import as a new version'}
        </Button>
        {imported ? (
          <span className="text-sm text-emerald-700" data-testid="import-done">
            Imported as{' '}
            <Link className="font-medium underline" href={versionHref(imported.modelId, imported.version)}>
              {imported.modelName} v{imported.version}
            </Link>
          </span>
        ) : null}
      </div>
    </form>
  );
}

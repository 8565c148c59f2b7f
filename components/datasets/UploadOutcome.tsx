// What an upload came to: the version it created, or the file's problem and where it is.
import { formatNumber, shortId } from '../ui/format';
import type { UploadResult } from './upload-request';

export function UploadOutcome({ result }: { result: UploadResult }) {
  if (!result.ok) {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="upload-error">
        <p className="font-medium">The file was not imported</p>
        <p className="mt-0.5 break-words" data-testid="upload-error-message">
          {result.message}
        </p>
        {result.line ? (
          // The message already names the line and column; this only says what to do.
          <p className="mt-1 text-xs text-red-600" data-testid="upload-error-hint">
            Fix {result.columnName ? `the "${result.columnName}" value on that line` : 'that line'} and upload the file again.
          </p>
        ) : null}
      </div>
    );
  }
  const ids = result.version.columns.filter((c) => c.role === 'id').map((c) => c.name);
  return (
    <div className="flex flex-col gap-2">
      <Success result={result} />
      {ids.length > 0 ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="upload-id-columns">
          {ids.map((name, i) => (
            <span key={name}>
              {i > 0 ? ', ' : ''}
              <code className="font-mono text-xs">{name}</code>
            </span>
          ))}{' '}
          {ids.length === 1 ? 'looks like an identifier, so it has' : 'look like identifiers, so they have'} role id and models leave{' '}
          {ids.length === 1 ? 'it' : 'them'} out of their features. To train on one, add a <span className="font-medium">Set column roles</span> node and
          set its role to feature.
        </p>
      ) : null}
    </div>
  );
}

function Success({ result }: { result: Extract<UploadResult, { ok: true }> }) {
  const { dataset, version, created } = result;
  return (
    <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="upload-success">
      {created ? 'Imported' : 'Unchanged:'} <span className="font-medium">{dataset.name}</span> version {version.version} ·{' '}
      {formatNumber(version.rows)} rows × {version.columns.length} columns ·{' '}
      <code className="font-mono text-xs">{shortId(version.hash, 12)}</code>
      {created ? '' : ' (the latest version already holds this exact table)'}
    </p>
  );
}

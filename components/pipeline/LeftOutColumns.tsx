// Which columns of the training table a model does not read, and how to bring one in: an id-like
// column gets role id when it is ingested, so it stays out of the features unless someone says so.
import type { JsonValue } from '../../nodes/values';

const WHY: Record<string, string> = {
  id: 'role id: it looks like an identifier',
  time: 'role time',
  ignore: 'role ignore',
  feature: 'not in the Features list',
};

export function LeftOutColumns({ leftOut }: { leftOut: JsonValue | undefined }) {
  const columns = parse(leftOut);
  if (columns.length === 0) return null;
  const ids = columns.filter((c) => c.role === 'id');
  return (
    <div role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="model-left-out">
      <p>
        <span className="font-medium">Left out of the features:</span>{' '}
        {columns.map((c, i) => (
          <span key={c.name}>
            {i > 0 ? ', ' : ''}
            <code className="font-mono" data-testid="left-out-column">{c.name}</code> ({WHY[c.role] ?? `role ${c.role}`})
          </span>
        ))}
        .
      </p>
      {ids.length > 0 ? (
        <p className="mt-1 text-amber-800" data-testid="left-out-hint">
          To train on {ids.length === 1 ? <code className="font-mono">{ids[0].name}</code> : 'one of the ids'}, add a{' '}
          <span className="font-medium">Set column roles</span> node before the split and set its role to feature. An identifier
          rarely helps a model: it lets the model memorise rows instead of learning.
        </p>
      ) : null}
    </div>
  );
}

function parse(value: JsonValue | undefined): { name: string; role: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    item && typeof item === 'object' && !Array.isArray(item) && typeof item.name === 'string' && typeof item.role === 'string'
      ? [{ name: item.name, role: item.role }]
      : [],
  );
}

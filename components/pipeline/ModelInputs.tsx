// A model's input columns, each with its type and how it is imputed, scaled or encoded.
import type { ColumnPreprocessing, ModelSummary } from '../../server/store/preview';
import { formatNumber } from '../ui/format';
import { ColumnBadges } from './ColumnBadges';

export function ModelInputs({ inputs, preprocessing }: Pick<ModelSummary, 'inputs' | 'preprocessing'>) {
  const byName = new Map(preprocessing?.columns.map((c) => [c.name, c]));
  const dropped = new Set(preprocessing?.dropped);
  return (
    <div className="max-h-[420px] overflow-auto rounded-md border border-zinc-200">
      <table className="w-full table-fixed text-xs" data-testid="model-inputs">
        <colgroup>
          <col className="w-[44%]" />
          <col />
        </colgroup>
        <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-[11px] text-zinc-500">
          <tr className="border-b border-zinc-200">
            <th scope="col" className="px-2.5 py-1.5 font-medium">Column</th>
            <th scope="col" className="px-2.5 py-1.5 font-medium">Preprocessing</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {inputs.map((input) => {
            const column = byName.get(input.name);
            return (
              <tr key={input.name} className="align-top">
                <td className="px-2.5 py-1.5">
                  <div className="truncate font-medium text-zinc-800" title={input.name}>
                    {input.name}
                  </div>
                  <ColumnBadges type={input.type} role={input.role} />
                </td>
                <td className="px-2.5 py-1.5 text-zinc-600">
                  {column ? <Steps column={column} /> : <span className="text-zinc-400">{dropped.has(input.name) ? 'Left out (datetime: drop)' : preprocessing ? '—' : 'Done by the model itself'}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Steps({ column }: { column: ColumnPreprocessing }) {
  const missing = column.missing > 0 ? <span className="text-amber-700"> ({formatNumber(column.missing)} in training)</span> : null;
  if (column.kind === 'numeric') {
    const scaled = column.offset !== 0 || column.scale !== 1;
    return (
      <>
        <div className="tabular-nums">
          {column.source === 'datetime' ? 'days since 1970, ' : ''}
          {scaled ? (
            <span title="Centred and scaled with training statistics">
              (x − {formatNumber(column.offset)}) ÷ {formatNumber(column.scale)}
            </span>
          ) : (
            'not scaled'
          )}
        </div>
        <div className="text-[11px] text-zinc-500 tabular-nums">
          missing → {formatNumber(column.fill)}
          {missing}
        </div>
      </>
    );
  }
  const shown = column.categories.join(', ') + (column.categoryCount > column.categories.length ? ', …' : '');
  return (
    <>
      <div title={shown}>
        {column.encoding === 'one_hot' ? 'one-hot' : 'ordinal codes'}, {formatNumber(column.categoryCount)} {column.categoryCount === 1 ? 'category' : 'categories'}
        {column.encoding === 'one_hot' ? ' + unseen' : ''}
      </div>
      <div className="truncate text-[11px] text-zinc-500">
        missing → “{column.fill}”{missing}
      </div>
    </>
  );
}

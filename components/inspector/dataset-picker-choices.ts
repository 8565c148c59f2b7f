// What the dataset pickers list: every stored dataset, and for the chosen one "latest" and each
// version; a saved name or hash that is not (or no longer) there stays listed and flagged.
import { formatDateTime, formatNumber, shortId } from '../ui/format';

export interface DatasetSummary {
  name: string;
  versions: number;
  latest: { version: number; rows: number; columns: readonly unknown[] } | null;
}

export interface VersionSummary {
  version: number;
  hash: string;
  rows: number;
  columns: readonly unknown[];
  createdAt: number;
}

export interface Choice {
  value: string;
  label: string;
  /** False for a saved value the server does not know. */
  known: boolean;
}

const shape = (rows: number, columns: number) => `${formatNumber(rows)} rows × ${columns} col${columns === 1 ? '' : 's'}`;

export function datasetChoices(datasets: readonly DatasetSummary[], current: string): Choice[] {
  const known = datasets.map((d) => ({
    value: d.name,
    label: d.latest ? `${d.name} · v${d.latest.version} · ${shape(d.latest.rows, d.latest.columns.length)}` : d.name,
    known: true,
  }));
  const missing = current !== '' && !datasets.some((d) => d.name === current) ? [{ value: current, label: `${current} — no such dataset`, known: false }] : [];
  return [...missing, ...known];
}

/** `versions` newest first, as dataset.get returns them. */
export function versionChoices(versions: readonly VersionSummary[], current: string): Choice[] {
  const newest = versions[0];
  const latest: Choice = { value: 'latest', label: newest ? `latest — follows new uploads (now v${newest.version})` : 'latest', known: true };
  const pinned = versions.map((v) => ({
    value: v.hash,
    label: `v${v.version} · ${shortId(v.hash, 12)} · ${shape(v.rows, v.columns.length)} · ${formatDateTime(v.createdAt)}`,
    known: true,
  }));
  const missing = current !== 'latest' && current !== '' && !versions.some((v) => v.hash === current)
    ? [{ value: current, label: `${shortId(current, 12)}… — not a version of this dataset`, known: false }]
    : [];
  return [latest, ...missing, ...pinned];
}

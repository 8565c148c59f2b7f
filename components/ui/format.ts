// Display formats shared by every page: times, durations, sizes, short ids.
import { formatBytes as formatByteSize } from '../../engine/placement';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function formatDateTime(ms: number | null | undefined): string {
  return typeof ms === 'number' ? dateTime.format(ms) : '—';
}

export function formatTime(ms: number | null | undefined): string {
  return typeof ms === 'number' ? time.format(ms) : '—';
}

/** "just now", "5 min ago", "3 h ago", then the date. */
export function formatRelative(ms: number | null | undefined, now = Date.now()): string {
  if (typeof ms !== 'number') return '—';
  const seconds = Math.round((now - ms) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return dateTime.format(ms);
}

export function formatDuration(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '—';
  return formatByteSize(bytes);
}

export function formatMegabytes(bytes: number | null | undefined): string {
  return typeof bytes === 'number' ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : '—';
}

/** A number for a table cell: integers as they are, others with up to 4 significant digits. */
export function formatNumber(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return value.toLocaleString();
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e6)) return value.toExponential(2);
  return value.toLocaleString(undefined, { maximumSignificantDigits: 4 });
}

export function shortId(id: string | null | undefined, length = 8): string {
  return id ? id.slice(0, length) : '—';
}

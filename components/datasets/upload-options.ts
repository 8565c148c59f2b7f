// The advanced import settings as the form holds them, and what the upload sends (only what differs
// from the server's defaults, so a plain upload has a plain URL).
export type DelimiterChoice = 'auto' | ',' | ';' | '\t' | '|';
export type EncodingChoice = 'utf-8' | 'windows-1252';
export const COLUMN_TYPE_NAMES = ['numeric', 'categorical', 'boolean', 'datetime', 'text'] as const;

export interface UploadOptions {
  delimiter?: DelimiterChoice;
  encoding?: EncodingChoice;
  naTokens?: string[];
  types?: Record<string, string>;
}

export interface OptionsForm {
  delimiter: DelimiterChoice;
  encoding: EncodingChoice;
  /** Comma-separated; empty means the server's standard list. */
  naTokens: string;
  /** "column=type" pairs, comma-separated. */
  types: string;
}

export const DEFAULT_OPTIONS_FORM: OptionsForm = { delimiter: 'auto', encoding: 'utf-8', naTokens: '', types: '' };

/** The options to send, or a message saying which part of the form is wrong. */
export function toUploadOptions(form: OptionsForm): { options: UploadOptions } | { error: string } {
  const options: UploadOptions = {};
  if (form.delimiter !== 'auto') options.delimiter = form.delimiter;
  if (form.encoding !== 'utf-8') options.encoding = form.encoding;
  if (form.naTokens.trim()) options.naTokens = ['', ...form.naTokens.split(',').map((t) => t.trim()).filter(Boolean)];
  if (form.types.trim()) {
    const types: Record<string, string> = {};
    for (const pair of form.types.split(',').map((p) => p.trim()).filter(Boolean)) {
      const at = pair.lastIndexOf('=');
      const column = pair.slice(0, at).trim();
      const type = pair.slice(at + 1).trim();
      if (at <= 0 || !column) return { error: `Column types: write column=type (got "${pair}")` };
      if (!(COLUMN_TYPE_NAMES as readonly string[]).includes(type)) {
        return { error: `Column types: "${type}" is not one of ${COLUMN_TYPE_NAMES.join(', ')}` };
      }
      types[column] = type;
    }
    options.types = types;
  }
  return { options };
}

/** A dataset name suggested by the file's name: "Sales 2024.csv" → "Sales 2024". */
export function nameFromFile(filename: string): string {
  return filename.replace(/\.(csv|tsv|txt|parquet)$/i, '').trim().slice(0, 100);
}

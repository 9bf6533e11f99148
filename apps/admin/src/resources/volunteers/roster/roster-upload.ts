/**
 * The roster import (POST /api/volunteers/import, multipart field `file`), sent through
 * XMLHttpRequest because fetch reports no upload progress. The bearer token, its refresh and the
 * wording of errors come from the api client (`withSession`, `errorOf`); nothing is duplicated.
 */
import { ApiError, type ApiClient, type Translate } from '../../../api/api-client';
// Shared with the API (its roster-csv.ts): a dependency-free file, imported directly.
import { REQUIRED_ROSTER_COLUMNS, ROSTER_COLUMNS } from '@app/domain/model';

export const IMPORT_PATH = '/volunteers/import';
export const EXPORT_PATH = '/volunteers/export.csv';

/** A row of a preview (dryRun): what the import would do with it. */
export interface ImportPreviewRow {
  row: number;
  email: string;
  displayName: string;
  action: 'create' | 'update' | 'unchanged';
}

/** POST /api/volunteers/import's answer (apps/api/src/volunteers/volunteer-import.service.ts). */
export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Only on a preview: nothing was written. */
  dryRun?: true;
  format?: 'utf-8' | 'shift_jis' | 'xlsx';
  preview?: ImportPreviewRow[];
  /** Only on a preview of an .xlsx: rows whose phone number cell got its leading 0 back. */
  phonesRestored?: number[];
  /** Only on a preview: what was changed while reading, worded in `lang`. */
  notes?: string[];
}

/** `dryRun`: check the file and answer what it would do, writing nothing; `lang`: the problems' language. */
export interface ImportOptions {
  dryRun?: boolean;
  lang?: string;
}

/** The import's path with its options as a query string. */
export function importPath({ dryRun, lang }: ImportOptions = {}): string {
  const query = new URLSearchParams();
  if (dryRun) query.set('dryRun', 'true');
  if (lang) query.set('lang', lang);
  const text = query.toString();
  return text ? `${IMPORT_PATH}?${text}` : IMPORT_PATH;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** One problem the API named: a row of the file (the header is row 1), a column, or the file. */
export interface RosterProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export type ImportOutcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'rejected'; problems: RosterProblem[]; message: string; requestId?: string };

/** The part of XMLHttpRequest used here (a fake in unit specs). */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  readonly status: number;
  readonly responseText: string;
  readonly upload: {
    onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  };
  onload: (() => void) | null;
  onerror: (() => void) | null;
}

export interface SendOptions {
  url: string;
  token: string | undefined;
  body: FormData;
  onProgress: (progress: UploadProgress) => void;
  createXhr?: () => XhrLike;
}

/** One POST with upload progress; resolves with the status (0: no answer) and the parsed body. */
export function sendWithProgress({
  url,
  token,
  body,
  onProgress,
  createXhr = () => new XMLHttpRequest() as unknown as XhrLike,
}: SendOptions): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = createXhr();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => resolve({ status: xhr.status, body: parse(xhr.responseText) });
    xhr.onerror = () => resolve({ status: 0, body: undefined });
    xhr.send(body);
  });
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Uploads the roster. A refusal of the rows or columns (422 IMPORT_REJECTED) is an outcome with
 * every problem the API named; anything else that fails (too large, no connection, no right) is
 * thrown as the api client's worded ApiError.
 */
export async function importRoster(
  client: Pick<ApiClient, 'withSession' | 'errorOf'>,
  file: Blob,
  fileName: string,
  onProgress: (progress: UploadProgress) => void,
  translate: Translate,
  createXhr?: () => XhrLike,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const answer = await client.withSession(importPath(options), (url, token) => {
    const body = new FormData();
    body.append('file', file, fileName);
    return sendWithProgress({ url, token, body, onProgress, createXhr });
  });
  if (answer.status === 0) {
    throw new ApiError(
      translate('app.errors.network', { _: 'The server cannot be reached. Check the connection and try again.' }),
      0,
      { code: 'NETWORK' },
    );
  }
  if (answer.status >= 200 && answer.status < 300) return { kind: 'imported', result: answer.body as ImportResult };
  const error = answer.body as
    { code?: string; message?: string; errors?: Record<string, string[]>; requestId?: string } | undefined;
  if (answer.status === 422 && error?.code === 'IMPORT_REJECTED' && error.errors) {
    return {
      kind: 'rejected',
      problems: rosterProblems(error.errors),
      message: error.message ?? '',
      requestId: error.requestId,
    };
  }
  throw client.errorOf(answer.status, answer.body);
}

/**
 * `{"row 3": ["languages: unknown code xx"], "languages": ["the column … is missing"]}` → one
 * problem per message, file-wide ones first, then by row; the column is the message's prefix
 * when it names one of `columns`.
 */
export function rosterProblems(
  errors: Record<string, string[] | string>,
  columns: readonly string[] = ROSTER_COLUMNS,
): RosterProblem[] {
  const out: RosterProblem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    const messages = Array.isArray(value) ? value : [String(value)];
    const row = /^row (\d+)$/.exec(key);
    for (const message of messages) {
      if (!row) {
        out.push({ row: null, column: key === 'file' ? null : key, message });
        continue;
      }
      const prefix = /^([A-Za-z]+): (.*)$/s.exec(message);
      const named = prefix && columns.includes(prefix[1]);
      out.push({ row: Number(row[1]), column: named ? prefix[1] : null, message: named ? prefix[2] : message });
    }
  }
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** The roster's columns, shared with the API (its roster-csv.ts); REQUIRED = must be in the header. */
export { REQUIRED_ROSTER_COLUMNS, ROSTER_COLUMNS };

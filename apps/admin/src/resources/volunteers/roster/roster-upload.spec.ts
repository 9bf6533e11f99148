import { ApiError, createApiClient } from '../../../api/api-client';
import { fakeApi } from '../../../api/fake-api';
import { importPath, importRoster, rosterProblems, type UploadProgress, type XhrLike } from './roster-upload';

const user = { id: 'u1', email: 'staff@example.jp', role: 'staff', displayName: 'S', locale: 'ja' };
const pair = (n: number) => ({ accessToken: `access-${n}`, expiresIn: 900, user });

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  file: FormDataEntryValue | null;
}

/** A scripted XMLHttpRequest: each send reports progress in two steps, then answers `answer(sent)`. */
function fakeXhr(answer: (sent: Sent) => { status: number; body?: unknown } | 'network-error') {
  const sent: Sent[] = [];
  const create = (): XhrLike => {
    const request = { method: '', url: '', headers: {} as Record<string, string> };
    const xhr = {
      status: 0,
      responseText: '',
      upload: { onprogress: null as XhrLike['upload']['onprogress'] },
      onload: null as (() => void) | null,
      onerror: null as (() => void) | null,
      open(method: string, url: string) {
        Object.assign(request, { method, url });
      },
      setRequestHeader(name: string, value: string) {
        request.headers[name] = value;
      },
      send(body: FormData) {
        const call = { ...request, file: body.get('file') };
        sent.push(call);
        setTimeout(() => {
          xhr.upload.onprogress?.({ loaded: 50, total: 100, lengthComputable: true });
          xhr.upload.onprogress?.({ loaded: 100, total: 100, lengthComputable: true });
          const result = answer(call);
          if (result === 'network-error') return xhr.onerror?.();
          xhr.status = result.status;
          xhr.responseText = result.body === undefined ? '' : JSON.stringify(result.body);
          xhr.onload?.();
        }, 0);
      },
    };
    return xhr;
  };
  return { create, sent };
}

const translate = (key: string, options?: Record<string, unknown>) =>
  key === 'app.errors.with_request_id'
    ? `${options?.message as string}（${options?.requestId as string}）`
    : ((options?._ as string | undefined) ?? key);

async function signedIn(refreshTo?: () => void) {
  const api = fakeApi({
    'POST /api/auth/login': () => ({ status: 200, body: pair(1) }),
    'POST /api/auth/refresh': () => {
      refreshTo?.();
      return { status: 200, body: pair(2) };
    },
  });
  const client = createApiClient({ fetch: api.fetch, signedInHint: () => true, translate });
  await client.login(user.email, 'pw');
  return { client, api };
}

const csvFile = () => new Blob(['email,displayName\r\na@example.jp,A\r\n'], { type: 'text/csv' });

describe('importRoster', () => {
  it('posts the file as the multipart field "file" with the bearer token, reporting upload progress', async () => {
    const { client } = await signedIn();
    const xhr = fakeXhr(() => ({ status: 200, body: { rows: 2, created: 2, updated: 0, unchanged: 0 } }));
    const progress: UploadProgress[] = [];
    const outcome = await importRoster(client, csvFile(), 'roster.csv', (p) => progress.push(p), translate, xhr.create);
    expect(outcome).toEqual({ kind: 'imported', result: { rows: 2, created: 2, updated: 0, unchanged: 0 } });
    expect(xhr.sent).toHaveLength(1);
    expect(xhr.sent[0]).toMatchObject({
      method: 'POST',
      url: '/api/volunteers/import',
      headers: { Authorization: 'Bearer access-1', Accept: 'application/json' },
    });
    expect(xhr.sent[0].file).toBeInstanceOf(Blob);
    expect((xhr.sent[0].file as File).name).toBe('roster.csv');
    expect(progress).toEqual([
      { loaded: 50, total: 100 },
      { loaded: 100, total: 100 },
    ]);
  });

  it('refreshes the token through the api client on a 401 and sends the file once more', async () => {
    let valid = 'access-1';
    const { client, api } = await signedIn(() => (valid = 'access-2'));
    valid = 'expired';
    const xhr = fakeXhr((sent) =>
      sent.headers.Authorization === `Bearer ${valid}`
        ? { status: 200, body: { rows: 1, created: 0, updated: 1, unchanged: 0 } }
        : { status: 401, body: { code: 'UNAUTHENTICATED', message: 'no' } },
    );
    const outcome = await importRoster(client, csvFile(), 'roster.csv', () => undefined, translate, xhr.create);
    expect(outcome.kind).toBe('imported');
    expect(xhr.sent.map((s) => s.headers.Authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(api.calls.map((c) => c.url)).toEqual(['/api/auth/login', '/api/auth/refresh']);
  });

  it('turns a refused file into the rows and columns the API named, with the request id', async () => {
    const { client } = await signedIn();
    const xhr = fakeXhr(() => ({
      status: 422,
      body: {
        code: 'IMPORT_REJECTED',
        message: '2 row(s) rejected; nothing was imported',
        requestId: 'req-7',
        errors: {
          'row 5': [
            'level: level must be one of the following values: trainee, standard, advanced',
            'has 3 fields; the header has 13',
          ],
          'row 3': ['languages: unknown code xx'],
        },
      },
    }));
    const outcome = await importRoster(client, csvFile(), 'roster.csv', () => undefined, translate, xhr.create);
    expect(outcome).toEqual({
      kind: 'rejected',
      message: '2 row(s) rejected; nothing was imported',
      requestId: 'req-7',
      problems: [
        { row: 3, column: 'languages', message: 'unknown code xx' },
        { row: 5, column: 'level', message: 'level must be one of the following values: trainee, standard, advanced' },
        { row: 5, column: null, message: 'has 3 fields; the header has 13' },
      ],
    });
  });

  it('throws other refusals worded by the api client, and a lost connection as a network error', async () => {
    const { client } = await signedIn();
    const tooLarge = fakeXhr(() => ({
      status: 413,
      body: { code: 'FILE_TOO_LARGE', message: 'The file is larger than the 2 MB limit', requestId: 'req-9' },
    }));
    const error = (await importRoster(client, csvFile(), 'big.csv', () => undefined, translate, tooLarge.create).catch(
      (e) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(413);
    expect(error.message).toBe('The file is larger than the 2 MB limit（req-9）');

    const offline = fakeXhr(() => 'network-error');
    const lost = (await importRoster(client, csvFile(), 'roster.csv', () => undefined, translate, offline.create).catch(
      (e) => e,
    )) as ApiError;
    expect(lost).toBeInstanceOf(ApiError);
    expect(lost.body.code).toBe('NETWORK');
  });
});

describe('rosterProblems', () => {
  it('lists problems with the header or the file before the rows', () => {
    expect(
      rosterProblems({
        'row 2': ['email: email must be an email'],
        languages: ['the column languages is missing from the header'],
        file: ['The file is empty'],
      }),
    ).toEqual([
      { row: null, column: 'languages', message: 'the column languages is missing from the header' },
      { row: null, column: null, message: 'The file is empty' },
      { row: 2, column: 'email', message: 'email must be an email' },
    ]);
  });
});

describe('importPath', () => {
  it('asks for a preview and the problems in the panel language only when told', () => {
    expect(importPath()).toBe('/volunteers/import');
    expect(importPath({ dryRun: true, lang: 'ja' })).toBe('/volunteers/import?dryRun=true&lang=ja');
    expect(importPath({ lang: 'en' })).toBe('/volunteers/import?lang=en');
  });
});

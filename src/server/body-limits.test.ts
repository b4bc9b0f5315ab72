import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../app/load-sample.ts';
import { readConfig } from './config.ts';
import { createServer } from './create-server.tsx';
import { createTestServer, DEMO, type TestServer } from './test-server.ts';

/** Bodies are bounded before anything parses them; uploads stream to a temporary file. */
let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());

/** A body of `total` bytes that counts what the server pulled from it. */
function countingBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

const uploads = () => readdirSync(tmpdir()).filter((n) => n.startsWith('sousei-upload-')).length;

describe('body limits', () => {
  it('refuses a 20 MB anonymous login post with 413, unread when its length is declared', async () => {
    const body = countingBody(20 * 1024 * 1024);
    const res = await server.app.request('/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(20 * 1024 * 1024),
      },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('送信された内容が大きすぎます（上限 64 KB）');
    expect(body.pulled()).toBeLessThanOrEqual(128 * 1024);
  });

  it('refuses a 20 MB chunked multipart post to login after reading at most the limit', async () => {
    const body = countingBody(20 * 1024 * 1024);
    const res = await server.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(256 * 1024);
  });

  it('answers the API with a JSON 413', async () => {
    const res = await server.app.request('/api/v1/projects/1/years/2021', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'content-length': String(1024 * 1024) },
      body: countingBody(1024 * 1024).stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('too-large');
    expect(json.error.message).toMatch(/大きすぎます/);
  });

  it('an anonymous upload to the import form gets only the small limit', async () => {
    const body = countingBody(40 * 1024 * 1024);
    const res = await server.app.request('/m/012050/import', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(256 * 1024);
  });
});

describe('the streamed import upload', () => {
  const form = (csrf: string | null) => {
    const data = new FormData();
    if (csrf !== null) data.append('_csrf', csrf);
    data.append('title', '別の計画');
    data.append('dryRun', '1');
    data.append('file', new Blob([readFileSync(SAMPLE_FILE)]), 'muroran.tsv');
    return data;
  };

  it('imports the sample, leaving no temporary file', async () => {
    const admin = await server.signIn(DEMO.admin);
    const before = uploads();
    const res = await server.app.request('/m/012050/import', {
      method: 'POST',
      headers: { cookie: admin.cookie },
      body: form(admin.csrf),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('確認しました（まだ書き込んでいません）');
    expect(uploads()).toBe(before);
  });

  it('refuses a file before a valid CSRF token, writing nothing', async () => {
    const admin = await server.signIn(DEMO.admin);
    const before = uploads();
    for (const csrf of [null, 'forged']) {
      const res = await server.app.request('/m/012050/import', {
        method: 'POST',
        headers: { cookie: admin.cookie },
        body: form(csrf),
      });
      expect(res.status).toBe(403);
    }
    expect(uploads()).toBe(before);
  });

  it('refuses an upload over SOUSEI_MAX_UPLOAD_MB with 413, declared or streamed', async () => {
    const app = createServer(
      server.ctx,
      readConfig({ SOUSEI_SECURE_COOKIES: 'false', SOUSEI_MAX_UPLOAD_MB: '1' }),
    );
    const admin = await server.signIn(DEMO.admin);
    const big = new FormData();
    big.append('_csrf', admin.csrf);
    big.append('file', new Blob([new Uint8Array(2 * 1024 * 1024)]), 'big.tsv');
    const declared = await app.request('/m/012050/import', {
      method: 'POST',
      headers: { cookie: admin.cookie },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toContain('上限 1 MB');
    const encoded = new Response(big);
    const streamed = await app.request('/m/012050/import', {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'content-type': encoded.headers.get('content-type') ?? '',
      },
      body: encoded.body,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});

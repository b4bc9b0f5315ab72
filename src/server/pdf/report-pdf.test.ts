import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfBrowser } from '../../app/reports/report-pdf.tsx';
import { browserAvailable } from '../browser/test-browser.ts';
import { anonymous, createTestServer, DEMO, type TestServer } from '../test-server.ts';

/** The PDF report, made by real Chromium and read back with poppler's pdftotext. */
describe.skipIf(!browserAvailable())('the progress report as PDF', () => {
  let server: TestServer;
  let base: string;
  const dir = mkdtempSync(join(tmpdir(), 'sousei-pdf-'));
  beforeAll(async () => {
    server = await createTestServer();
    base = `/m/012050/plans/${server.planId}`;
  });
  afterAll(async () => {
    await closePdfBrowser();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const text = (pdf: ArrayBuffer, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, Buffer.from(pdf));
    return {
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    };
  };

  it('is A3 landscape with every project, the totals, page numbers and the header', async () => {
    const pub = await anonymous(server);
    const r = await pub.get(`${base}/report.pdf?fy=2020`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const { text: t, info } = text(await r.arrayBuffer(), 'r2.pdf');
    expect(info).toMatch(/Page size:\s+1191\.\d+ x 842\.\d+ pts \(A3\)/);
    for (const name of [
      '移住推進事業',
      '市有地を活用した宅地供給',
      '西いぶり・首都圏学生インターンシップ推進事業',
    ]) {
      expect(t).toContain(name);
    }
    expect(t).toMatch(/70,090\s+52,139/);
    expect(t).toContain('室蘭市（012050）');
    expect(t).toMatch(/\b1\s*\/\s*\d+/);
    expect(t).toContain('☐');
    expect(t).not.toContain('<input');
  });

  it('follows the report page’s access rules: the public cannot print an unpublished year', async () => {
    const pub = await anonymous(server);
    expect((await pub.get(`${base}/report.pdf?fy=2021`)).status).toBe(404);
    const admin = await server.signIn(DEMO.admin);
    const r3 = await admin.get(`${base}/report.pdf?fy=2021`);
    expect(r3.status).toBe(200);
    expect(text(await r3.arrayBuffer(), 'r3.pdf').text).toContain('令和3年度');
  });

  it('prints concurrent requests on pooled pages, each with its own year', async () => {
    const admin = await server.signIn(DEMO.admin);
    const years = [2020, 2021, 2020, 2021];
    const pdfs = await Promise.all(
      years.map(async (fy) => (await admin.get(`${base}/report.pdf?fy=${fy}`)).arrayBuffer()),
    );
    pdfs.forEach((pdf, i) => {
      const printed = text(pdf, `c${i}.pdf`).text;
      const own = years[i] === 2020 ? '令和2年度' : '令和3年度';
      const other = years[i] === 2020 ? '令和3年度' : '令和2年度';
      expect(printed).toContain(`進捗状況表 ${own}`);
      expect(printed).not.toContain(`進捗状況表 ${other}`);
    });
  });
});

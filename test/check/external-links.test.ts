import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkExternalUrls,
  DEFAULT_EXTERNAL_OPTIONS,
  retryAfter,
} from '../../src/check/external/check-external-urls.js';
import { check } from '../../src/check.js';
import { diagnosticLines, tempDir, writeFiles } from '../build/helpers.js';

/** A local server with one route per behaviour; it counts requests and concurrent ones. */
let server: http.Server;
let base = '';
const hits = new Map<string, string[]>();
let inFlight = 0;
let maxInFlight = 0;
let limitedCalls = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '';
    hits.set(url, [...(hits.get(url) ?? []), req.method ?? '']);
    // Concurrency is measured on the /slot routes only (other tests leave slow requests behind).
    const slot = url.startsWith('/slot');
    if (slot) inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const end = (status: number, headers: Record<string, string> = {}) =>
      setTimeout(() => {
        if (slot) inFlight--;
        res.writeHead(status, headers).end(status < 400 ? 'ok' : 'no');
      }, 30);
    if (url === '/ok' || url.startsWith('/slot')) end(200);
    else if (url === '/gone') end(404);
    else if (url === '/no-head') end(req.method === 'HEAD' ? 405 : 200);
    else if (url === '/limited')
      end(limitedCalls++ === 0 ? 429 : 200, limitedCalls === 1 ? { 'retry-after': '1' } : {});
    else if (url === '/slow') setTimeout(() => end(200), 2000);
    else end(500);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('external links (local server, never the internet)', () => {
  it('HEAD then GET, retries after Retry-After, timeouts, statuses', async () => {
    const options = { ...DEFAULT_EXTERNAL_OPTIONS, timeoutMs: 500, retries: 1 };
    const results = await checkExternalUrls(
      [`${base}/ok`, `${base}/gone#frag`, `${base}/no-head`, `${base}/limited`, `${base}/slow`],
      options,
    );
    expect(results.get(`${base}/ok`)).toMatchObject({ ok: true, status: 200 });
    expect(results.get(`${base}/gone#frag`)).toMatchObject({ ok: false, status: 404 });
    expect(hits.get('/no-head')).toEqual(['HEAD', 'GET']);
    expect(results.get(`${base}/no-head`)).toMatchObject({ ok: true, status: 200 });
    // 429 with Retry-After: 1 -> waited, asked again, succeeded.
    expect(results.get(`${base}/limited`)).toMatchObject({ ok: true, status: 200 });
    expect(results.get(`${base}/slow`)).toMatchObject({ ok: false, error: 'timed out' });
    expect(retryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT'))).toBe(
      2000,
    );
  });

  it('never has more than perHost requests in flight to one host', async () => {
    maxInFlight = 0;
    const urls = Array.from({ length: 12 }, (_, i) => `${base}/slot${i}`);
    await checkExternalUrls(urls, { ...DEFAULT_EXTERNAL_OPTIONS, perHost: 3, total: 10 });
    expect(maxInFlight).toBe(3);
  });

  it('galley check --external reports at the source line and caches results with a TTL', async () => {
    const site = path.join(tempDir(), 'site');
    writeFiles(site, {
      '_config.yml': 'check:\n  external:\n    retries: 0\n    timeout_ms: 1000\n',
      'page.md': `---\ntitle: Page\n---\nSee [this](${base}/ok) and\n[that](${base}/gone).\n`,
    });
    hits.clear();
    const first = await check({ source: site, theme: false, external: true });
    expect(diagnosticLines(first.diagnostics)).toEqual([
      `page.md:5:1 error links/external ${base}/gone answered 404`,
    ]);
    expect(hits.get('/ok')).toEqual(['HEAD']);
    const cacheFile = path.join(site, '.galley-cache', 'external-links.json');
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).results[`${base}/ok`].ok).toBe(true);

    // Within the TTL: the good answer is reused; the failure (cached for a tenth of the TTL) too.
    hits.clear();
    const second = await check({ source: site, theme: false, external: true });
    expect(diagnosticLines(second.diagnostics)).toEqual(diagnosticLines(first.diagnostics));
    expect([...hits.keys()]).toEqual([]);

    // A corrupt cache is ignored with a warning and every URL is asked again.
    fs.writeFileSync(cacheFile, '{not json');
    const third = await check({ source: site, theme: false, external: true });
    expect(diagnosticLines(third.diagnostics)).toContain(
      '.galley-cache/external-links.json warning links/external-cache external link cache is not valid JSON; ignoring it',
    );
    expect(hits.get('/ok')).toEqual(['HEAD']);

    // Without --external nothing is requested.
    hits.clear();
    const offline = await check({ source: site, theme: false });
    expect(offline.diagnostics).toEqual([]);
    expect([...hits.keys()]).toEqual([]);
  });
});

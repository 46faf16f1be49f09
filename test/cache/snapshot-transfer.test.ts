import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { pageLocation } from '../../src/generate/page-url.js';
import { buildNav } from '../../src/nav/build-nav.js';
import { readConfigFiles } from '../../src/read/read-config.js';
import { readSite } from '../../src/read/read-site.js';
import {
  createSnapshot,
  pageVars,
  type RenderablePage,
  type SiteSnapshot,
} from '../../src/render/site-snapshot.js';
import { packSnapshot, unpackSnapshot } from '../../src/render/worker/snapshot-transfer.js';
import { copySite, fixtureSite, writeFiles } from '../build/helpers.js';

/** The snapshot `build()` renders from: the nav fixture plus page files of every shape. */
async function snapshotOf(source: string): Promise<SiteSnapshot> {
  const read = await readConfigFiles(undefined, source, source);
  const { config } = resolveConfig(read.documents, source, { themeDir: null });
  const site = await readSite(config, [config.destination]);
  const pages: RenderablePage[] = [];
  for (const page of site.pages) {
    const location = pageLocation(page, config);
    if ('error' in location) continue;
    pages.push({ source: page, ...location, vars: pageVars(page, location.url) });
  }
  const nav = buildNav(pages, config, site.dataTexts);
  for (const page of pages) page.vars = { ...page.vars, ...nav.pageVars(page) };
  return createSnapshot(site, pages, nav.site, new Date(Date.UTC(2026, 0, 2)));
}

async function sampleSnapshot(): Promise<SiteSnapshot> {
  const source = copySite(fixtureSite('nav-front-matter'));
  writeFiles(source, {
    'crlf.md': '---\r\ntitle: CRLF\r\n---\r\nCRLF body with a unique-crlf-marker\r\n',
    'bom.md': '\uFEFF---\ntitle: BOM\n---\nBOM body with a unique-bom-marker\n',
    'empty.md': '---\ntitle: Empty\n---\n',
    'marked.md': '---\ntitle: Marked\n---\nA body with a unique-page-marker, sent once.\n',
    'snippet.txt': 'not a page: unique-snippet-marker\n',
  });
  const snapshot = await snapshotOf(source);
  // A generator may give a page other content than its body: that content must travel too.
  const generated = snapshot.pages.find((p) => p.source.path === 'empty.md') as RenderablePage;
  (generated.vars as Record<string, unknown>).content = 'generated content';
  return snapshot;
}

/**
 * How many times `marker` occurs in `value` as posted to a worker (in one- or two-byte strings),
 * not counting a packed snapshot's shared buffer of bodies, which no worker copies.
 */
function occurrences(value: unknown, marker: string): number {
  const bytes = v8.serialize(
    value && typeof value === 'object' && 'bodies' in value ? { ...value, bodies: null } : value,
  );
  return count(bytes, marker);
}

/** How many times `marker` occurs in `bytes` as Latin-1, UTF-8 or UTF-16. */
function count(bytes: Buffer, marker: string): number {
  const times = (needle: Buffer) => {
    let n = 0;
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) n++;
    return n;
  };
  return times(Buffer.from(marker, 'latin1')) + times(Buffer.from(marker, 'utf16le'));
}

describe('snapshot transfer to workers', () => {
  it('pack, structured clone, unpack gives an equal snapshot, shared objects still shared', async () => {
    const snapshot = await sampleSnapshot();
    const before = structuredClone(snapshot);
    const unpacked = unpackSnapshot(structuredClone(packSnapshot(snapshot)));
    expect(snapshot).toEqual(before);

    expect(unpacked.pages).toEqual(snapshot.pages);
    expect(unpacked.site).toEqual(snapshot.site);
    expect({ ...unpacked, pages: null, site: null, relativeFiles: null }).toEqual({
      ...snapshot,
      pages: null,
      site: null,
      relativeFiles: null,
    });
    expect([...unpacked.relativeFiles]).toEqual([...snapshot.relativeFiles]);
    expect(unpacked.relativeFiles.size).toBe(snapshot.relativeFiles.size);
    for (const [file, text] of snapshot.relativeFiles) expect(unpacked.relativeFiles.get(file)).toBe(text);
    expect(unpacked.relativeFiles.get('missing.md')).toBeUndefined();
    expect(unpacked.relativeFiles.has('crlf.md')).toBe(true);

    // `site.pages` holds the pages' own `vars`, and the nav trees share their nodes, as here.
    const pageOf = (file: string) => unpacked.pages.findIndex((p) => p.source.path === file);
    const marked = pageOf('marked.md');
    expect((unpacked.site.pages as unknown[]).includes(unpacked.pages[marked].vars)).toBe(true);
    const navOf = (s: SiteSnapshot, i: number) => s.pages[i].vars.nav as object[];
    const [a, b] = [pageOf('guides/v2.0/cloud/live/launch.md'), pageOf('guides/v2.0/cloud/live/live.md')];
    const shared = navOf(snapshot, a).filter((node, k) => navOf(snapshot, b)[k] === node).length;
    expect(shared).toBeGreaterThan(0);
    expect(navOf(unpacked, a).filter((node, k) => navOf(unpacked, b)[k] === node).length).toBe(shared);
  });

  it('sends page bodies in one shared buffer, each once; other files whole', async () => {
    const snapshot = await sampleSnapshot();
    const packed = packSnapshot(snapshot);
    const shared = Buffer.from(packed.bodies);
    expect(occurrences(snapshot, 'unique-page-marker')).toBe(3);
    // Page bodies are in the shared buffer only; the page files' heads in the clone.
    expect(occurrences(packed, 'unique-page-marker')).toBe(0);
    expect(count(shared, 'unique-page-marker')).toBe(1);
    expect(occurrences(packed, 'unique-bom-marker')).toBe(0);
    expect(count(shared, 'unique-bom-marker')).toBe(1);
    // CRLF files differ from their LF body, so they go whole besides it.
    expect(occurrences(packed, 'unique-crlf-marker')).toBe(1);
    expect(count(shared, 'unique-crlf-marker')).toBe(1);
    expect(occurrences(packed, 'unique-snippet-marker')).toBe(1);
    expect(occurrences(packed, 'generated content')).toBe(1);
    expect(v8.serialize({ ...packed, bodies: null }).length).toBeLessThan(v8.serialize(snapshot).length);
  });

  it('bodies decode to the same text, keys in the same order; a lone surrogate goes as a string', async () => {
    const snapshot = await sampleSnapshot();
    const i = snapshot.pages.findIndex((p) => p.source.path === 'marked.md');
    const page = snapshot.pages[i] as { source: { body: string }; vars: Record<string, unknown> };
    page.source.body = page.vars.content = 'Accents \u00e9\u00e8, CJK \u6f22\u5b57, emoji \u{1F600}.\n';
    const lone = snapshot.pages.findIndex((p) => p.source.path === 'crlf.md');
    const odd = snapshot.pages[lone] as typeof page;
    odd.source.body = odd.vars.content = 'half an emoji: \uD83D.\n';
    const packed = packSnapshot(snapshot);
    expect(packed.bodyRanges.filter((_, k) => k % 3 === 0)).not.toContain(lone);
    const unpacked = unpackSnapshot(structuredClone(packed));
    expect(unpacked.pages[i].source.body).toBe(page.source.body);
    expect(unpacked.pages[i].vars.content).toBe(page.source.body);
    expect(unpacked.pages[lone].vars.content).toBe('half an emoji: \uD83D.\n');
    for (const [n, p] of snapshot.pages.entries()) {
      expect(Object.keys(unpacked.pages[n].vars)).toEqual(Object.keys(p.vars));
    }
  });
});

import path from 'node:path';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { BUILD_RECORD_FORMAT, type BuildRecord } from '../render/cache/build-record.js';
import { readTextIfExists } from './read-text-if-exists.js';

/** The build record's file, beside the render cache. */
export const BUILD_RECORD_FILE = '.galley-cache/build.json';

/**
 * Reads the record of the last complete build. None, or one written by another Galley version or
 * record format, gives null quietly (the render cache already warns about a version change); a
 * corrupt one gives null and a `cache/ignored` warning. A record only ever saves work: without
 * one the build runs in full and records itself again.
 */
export async function readBuildRecord(
  source: string,
  galleyVersion: string,
): Promise<{ record: BuildRecord | null; diagnostics: Diagnostic[] }> {
  const text = await readTextIfExists(path.join(source, BUILD_RECORD_FILE));
  if (text === undefined) return { record: null, diagnostics: [] };
  const ignored = (why: string) => ({
    record: null,
    diagnostics: [
      diagnostic('cache/ignored', 'warning', BUILD_RECORD_FILE, `build record ignored: ${why}`, {
        hint: 'the site is built in full and the record is rewritten',
      }),
    ],
  });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return ignored(`not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(doc)) return ignored('not a Galley build record');
  if (doc.format !== BUILD_RECORD_FORMAT || doc.galley !== galleyVersion)
    return { record: null, diagnostics: [] };
  return isRecord(doc) ? { record: doc, diagnostics: [] } : ignored('not a Galley build record');
}

function isRecord(doc: Record<string, unknown>): doc is BuildRecord & Record<string, unknown> {
  return (
    typeof doc.key === 'string' &&
    (doc.now === null || typeof doc.now === 'number') &&
    isObject(doc.inputs) &&
    Object.values(doc.inputs).every((v) => isStamp(v) && typeof v.hash === 'string') &&
    (doc.pageCache === null || isStamp(doc.pageCache)) &&
    isObject(doc.outputs) &&
    Object.values(doc.outputs).every((v) => v === null || isStamp(v)) &&
    Array.isArray(doc.pages) &&
    doc.pages.every(
      (p) =>
        isObject(p) &&
        typeof p.path === 'string' &&
        typeof p.url === 'string' &&
        typeof p.outputPath === 'string' &&
        typeof p.failed === 'boolean',
    ) &&
    Array.isArray(doc.staticFiles) &&
    doc.staticFiles.every(
      (s) => isObject(s) && typeof s.path === 'string' && typeof s.outputPath === 'string',
    ) &&
    Array.isArray(doc.redirects) &&
    doc.redirects.every(
      (r) => isObject(r) && typeof r.from === 'string' && typeof r.outputPath === 'string',
    ) &&
    Array.isArray(doc.diagnostics) &&
    doc.diagnostics.every(
      (d) =>
        isObject(d) &&
        typeof d.file === 'string' &&
        typeof d.ruleId === 'string' &&
        typeof d.message === 'string',
    )
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStamp(v: unknown): v is Record<string, string> {
  return (
    isObject(v) &&
    typeof v.size === 'string' &&
    typeof v.mtime === 'string' &&
    typeof v.ctime === 'string' &&
    typeof v.ino === 'string'
  );
}

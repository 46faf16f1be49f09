import type { Diagnostic } from '../diagnostics.js';
import { BUILD_RECORD_FORMAT, type BuildRecord } from '../render/cache/build-record.js';
import {
  type CacheIgnored,
  cacheIgnored,
  isObject,
  isStoredDiagnostic,
  readCacheJson,
} from './read-cache-json.js';

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
  const ignored = cacheIgnored(
    BUILD_RECORD_FILE,
    'build record',
    'the site is built in full and the record is rewritten',
  );
  const read = await readCacheJson(source, BUILD_RECORD_FILE, ignored);
  const doc = read.doc;
  if (doc === undefined) return { record: null, diagnostics: read.diagnostics };
  if (!isObject(doc)) return asRecord(ignored('not a Galley build record'));
  if (doc.format !== BUILD_RECORD_FORMAT || doc.galley !== galleyVersion)
    return { record: null, diagnostics: [] };
  return isRecord(doc) ? { record: doc, diagnostics: [] } : asRecord(ignored('not a Galley build record'));
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
    doc.diagnostics.every(isStoredDiagnostic)
  );
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

const asRecord = ({ diagnostics }: CacheIgnored) => ({ record: null, diagnostics });

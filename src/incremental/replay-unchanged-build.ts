import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuiltPage } from '../build.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RedirectPage } from '../generate/redirects.js';
import { type FileStamp, hashFiles, stampFiles, stampTree } from '../read/file-stamps.js';
import { listSiteInputs } from '../read/list-site-inputs.js';
import { BUILD_RECORD_FILE } from '../read/read-build-record.js';
import { PAGE_CACHE_FILE } from '../read/read-page-cache.js';
import { type BuildRecord, isRacy, sameStamp } from '../render/cache/build-record.js';
import { writeCacheFile } from '../write/write-cache-file.js';

/** The input files of a build as they were before it read any of them. */
export interface InputProbe {
  /** When the stamps were taken (ms since the epoch). */
  lookedAtMs: number;
  paths: string[];
  stamps: (FileStamp | null)[];
}

/** Lists and stamps the site's input files; taken before the build reads them. */
export async function probeInputs(
  config: { source: string } & Parameters<typeof listSiteInputs>[0],
  skipAbsolute: readonly string[],
): Promise<InputProbe> {
  const lookedAtMs = Date.now();
  const paths = await listSiteInputs(config, skipAbsolute);
  return { lookedAtMs, paths, stamps: stampFiles(paths) };
}

/** What a replayed build returns: the recorded result, with pages' HTML read from the site on demand. */
export interface ReplayedBuild {
  pages: BuiltPage[];
  staticFiles: { path: string; outputPath: string }[];
  redirects: RedirectPage[];
  diagnostics: Diagnostic[];
}

/**
 * Returns the last build's result when nothing it depends on changed, so the build can stop
 * there: same key (config, Galley's code, options, destination), same `site.time` when a page
 * read it, the same input files, each either with the same stamp or, when the stamp differs but
 * the size does not (a file touched, or copied back), with the same bytes; and the written site
 * exactly as the build left it (the same entries with the same stamps), so a deleted or edited
 * output file is written again by a full build. Otherwise says why not, for the record only: the
 * full build that follows is always correct on its own.
 */
export async function replayUnchangedBuild(
  source: string,
  destination: string,
  key: string,
  now: number | null,
  probe: InputProbe,
  record: BuildRecord | null,
): Promise<{ replayed: ReplayedBuild } | { reason: string }> {
  if (!record) return { reason: 'no record of an earlier build' };
  if (record.key !== key) return { reason: 'the config, options or Galley changed' };
  if (record.now !== null && record.now !== now)
    return { reason: 'a page reads site.time, and the time differs' };
  if (!sameStamp(record.pageCache, stampFiles([path.join(source, PAGE_CACHE_FILE)])[0]))
    return { reason: 'the render cache was changed or removed' };
  const recordedPaths = Object.keys(record.inputs);
  if (recordedPaths.length !== probe.paths.length || recordedPaths.some((p, i) => p !== probe.paths[i]))
    return { reason: 'files were added or removed' };
  const touched: number[] = [];
  for (const [i, p] of probe.paths.entries()) {
    const was = record.inputs[p];
    const is = probe.stamps[i];
    if (sameStamp(was, is)) continue;
    // Any doubt about a stamp is settled by the bytes; only a different size settles it alone.
    if (!is || is.size !== was.size) return { reason: `${shown(source, p)} changed` };
    touched.push(i);
  }
  const hashes = await hashFiles(touched.map((i) => probe.paths[i]));
  for (const [n, i] of touched.entries()) {
    if (hashes[n] !== record.inputs[probe.paths[i]].hash)
      return { reason: `${shown(source, probe.paths[i])} changed` };
  }
  const outputs = stampTree(destination);
  if (!outputs || !sameOutputs(record.outputs, outputs)) return { reason: 'the written site was changed' };

  if (touched.length) {
    // Remember the new stamps of touched files, so the next build need not read them again.
    const inputs = { ...record.inputs };
    let settled = true;
    for (const i of touched) {
      const stamp = probe.stamps[i] as FileStamp;
      if (isRacy(stamp, probe.lookedAtMs)) settled = false;
      inputs[probe.paths[i]] = { ...stamp, hash: record.inputs[probe.paths[i]].hash };
    }
    if (settled)
      await writeCacheFile(path.join(source, BUILD_RECORD_FILE), JSON.stringify({ ...record, inputs })).catch(
        () => undefined,
      );
  }
  return {
    replayed: {
      pages: record.pages.map((p) => replayedPage(p, destination)),
      staticFiles: record.staticFiles,
      redirects: record.redirects,
      diagnostics: record.diagnostics,
    },
  };
}

/** A path for messages: relative to the source when inside it. */
function shown(source: string, abs: string): string {
  const rel = path.relative(source, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

function sameOutputs(a: Record<string, FileStamp | null>, b: Record<string, FileStamp | null>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && sameStamp(a[k], b[k]));
}

/** A recorded page whose `html` is read from the written site the first time it is asked for. */
function replayedPage(p: BuildRecord['pages'][number], destination: string): BuiltPage {
  const page = { path: p.path, url: p.url, outputPath: p.outputPath } as BuiltPage;
  if (p.failed) return { ...page, html: null };
  let html: string | undefined;
  Object.defineProperty(page, 'html', {
    enumerable: true,
    get: () => {
      html ??= readFileSync(path.join(destination, p.outputPath), 'utf8');
      return html;
    },
  });
  return page;
}

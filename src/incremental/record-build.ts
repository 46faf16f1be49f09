import path from 'node:path';
import type { BuiltPage } from '../build.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RedirectPage } from '../generate/redirects.js';
import { hashFiles, stampFiles, stampTree } from '../read/file-stamps.js';
import { BUILD_RECORD_FILE } from '../read/read-build-record.js';
import { PAGE_CACHE_FILE } from '../read/read-page-cache.js';
import {
  BUILD_RECORD_FORMAT,
  type BuildRecord,
  isRacy,
  type RecordedInput,
  sameStamp,
} from '../render/cache/build-record.js';
import { removeCacheFile, writeCacheFile } from '../write/write-cache-file.js';
import type { InputProbe } from './replay-unchanged-build.js';

/** A complete, written build, as `recordBuild` saves it. */
export interface RecordableBuild {
  source: string;
  destination: string;
  galleyVersion: string;
  key: string;
  /** `site.time` (ms) when some page read it, `unpinned` when that time was the clock's, else null. */
  now: number | 'unpinned' | null;
  /** False when a page failed or depends on something that cannot be compared between builds. */
  repeatable: boolean;
  probe: InputProbe;
  /** The previous record, whose hashes are reused for files whose stamps have not changed. */
  previous: BuildRecord | null;
  pages: readonly BuiltPage[];
  staticFiles: readonly { path: string; outputPath: string }[];
  redirects: readonly RedirectPage[];
  diagnostics: readonly Diagnostic[];
}

/**
 * Saves the record of a build that wrote the site, for `replayUnchangedBuild`. Nothing is saved
 * (and an older record is removed) when the inputs cannot be vouched for: a file changed while the
 * build ran (its stamp now differs from the one taken before reading), or changed so shortly
 * before the build that its stamp may hide a second change (`isRacy`). The next build then runs in
 * full and records itself. Returns why nothing was saved, or null.
 */
export async function recordBuild(build: RecordableBuild): Promise<string | null> {
  const file = path.join(build.source, BUILD_RECORD_FILE);
  const why = await unrecordable(build);
  if (why) {
    await removeCacheFile(file);
    return why;
  }
  const { probe, previous } = build;
  const inputs: Record<string, RecordedInput> = {};
  // Files whose stamps match the previous record keep its hash; only the others are read.
  const hashes = probe.paths.map((p, i) => {
    const was = previous?.inputs[p];
    return was && sameStamp(was, probe.stamps[i]) ? was.hash : null;
  });
  const unknown = probe.paths.flatMap((_p, i) => (hashes[i] === null ? [i] : []));
  const read = await hashFiles(unknown.map((i) => probe.paths[i]));
  for (const [n, i] of unknown.entries()) hashes[i] = read[n];
  for (const [i, p] of probe.paths.entries()) {
    const hash = hashes[i];
    const stamp = probe.stamps[i];
    if (hash === null || stamp === null) {
      await removeCacheFile(file);
      return `${p} could not be read`;
    }
    inputs[p] = { ...stamp, hash };
  }
  const outputs = stampTree(build.destination);
  if (!outputs) {
    await removeCacheFile(file);
    return 'the written site could not be listed';
  }
  const [pageCache] = stampFiles([path.join(build.source, PAGE_CACHE_FILE)]);
  const record: BuildRecord = {
    format: BUILD_RECORD_FORMAT,
    galley: build.galleyVersion,
    key: build.key,
    now: build.now === 'unpinned' ? null : build.now,
    inputs,
    pageCache,
    outputs,
    pages: build.pages.map((p) => ({
      path: p.path,
      url: p.url,
      outputPath: p.outputPath,
      failed: p.html === null,
    })),
    staticFiles: build.staticFiles.map(({ path: p, outputPath }) => ({ path: p, outputPath })),
    redirects: [...build.redirects],
    // Problems with the caches themselves belong to the run that met them, not to its replays.
    diagnostics: build.diagnostics
      .filter((d) => !d.ruleId.startsWith('cache/'))
      .map(({ cause: _cause, ...d }) => d),
  };
  await writeCacheFile(file, JSON.stringify(record));
  return null;
}

async function unrecordable(build: RecordableBuild): Promise<string | null> {
  // A page that reads `site.time` renders differently on every build unless the time is pinned.
  if (build.now === 'unpinned') return 'a page reads site.time';
  if (!build.repeatable) return 'a page failed or has a dependency that cannot be compared';
  const { probe } = build;
  const after = stampFiles(probe.paths);
  for (const [i, p] of probe.paths.entries()) {
    const before = probe.stamps[i];
    if (!before || !sameStamp(before, after[i])) return `${p} changed during the build`;
    if (isRacy(before, probe.lookedAtMs)) return `${p} changed just before the build`;
  }
  return null;
}

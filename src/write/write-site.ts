import { randomBytes } from 'node:crypto';
import { promises as fs, linkSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type FileStamp, stampOf } from '../read/file-stamps.js';
import { sameStamp } from '../render/cache/build-record.js';
import { mapLimit } from '../util/map-limit.js';

/**
 * A file of the built site: generated content, or a source file to copy. `unchangedSince` says the
 * current site's file at this path held exactly `content` when it had this stamp.
 */
export type OutputFile =
  | { outputPath: string; content: string | Uint8Array; unchangedSince?: FileStamp }
  | { outputPath: string; copyFrom: string };

const TMP_MARK = '.galley-tmp-';
const OLD_MARK = '.galley-old-';
const LOCK_MARK = '.galley-lock';

/** Names of the temporary folders a build of `destination` uses (siblings, so renames stay on one disk). */
export function stagingPrefix(destination: string): string {
  return path.join(path.dirname(destination), `.${path.basename(destination)}`);
}

/**
 * Writes the site atomically: everything goes into a temporary sibling folder, `keep_files` are
 * copied over from the current site, and only then is the new folder swapped in. If anything fails,
 * the previous site stays as it was and the temporary folder is removed. Leftovers of builds that
 * were killed are removed first. Builds of one destination take turns through a lock file beside
 * it, so the last one wins whole. The only code that writes files.
 */
export async function writeSite(
  destination: string,
  files: readonly OutputFile[],
  keepFiles: readonly string[],
): Promise<void> {
  const unlock = await lockDestination(destination);
  try {
    await removeStaleStaging(destination);
    await stageAndSwap(destination, files, keepFiles);
  } finally {
    await unlock();
  }
}

/** How long a build waits for another build (another process, or another call) writing the same destination. */
export const LOCK_WAIT_MS = 5 * 60_000;

/**
 * Takes the destination's lock, `.<name>.galley-lock` beside it, holding the owner's process id.
 * Two builds of one destination then write one after the other, and the last one wins whole. The
 * lock file is created complete (written under a temporary name, then hard-linked into place,
 * which fails if it exists); a lock whose process is gone is taken over.
 */
export async function lockDestination(destination: string): Promise<() => Promise<void>> {
  const lock = `${stagingPrefix(destination)}${LOCK_MARK}`;
  const pending = `${lock}-${process.pid}-${randomBytes(4).toString('hex')}`;
  await fs.mkdir(path.dirname(destination), { recursive: true });
  await fs.writeFile(pending, `${process.pid}\n`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  try {
    for (;;) {
      try {
        await fs.link(pending, lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = Number.parseInt(await fs.readFile(lock, 'utf8').catch(() => ''), 10);
      // Taking over a dead owner's lock can race with another waiter doing the same; both then
      // write in turn through the link above, so at worst two builds overlap once.
      if (Number.isFinite(holder) && !isAlive(holder)) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`another build (process ${holder}) has been writing ${destination} for too long`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await fs.rm(pending, { force: true });
  }
  return () => fs.rm(lock, { force: true });
}

async function stageAndSwap(
  destination: string,
  files: readonly OutputFile[],
  keepFiles: readonly string[],
): Promise<void> {
  const prefix = stagingPrefix(destination);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = `${prefix}${TMP_MARK}${tag}`;
  const old = `${prefix}${OLD_MARK}${tag}`;
  await fs.mkdir(tmp, { recursive: true });
  try {
    const dirs = new Set<string>();
    for (const f of files) dirs.add(path.dirname(path.join(tmp, f.outputPath)));
    // Synchronous, as is removing the old site below: one thread-pool round trip per folder and
    // per removed file made the write stage of a one-page edit of the 4,000-page bench site
    // (200 folders) ~60 ms slower, and a loaded machine more.
    for (const d of [...dirs].sort()) mkdirSync(d, { recursive: true });
    const previous = (await exists(destination)) ? destination : null;
    await mapLimit(files, 32, async (f) => {
      const target = path.join(tmp, f.outputPath);
      if ('copyFrom' in f) await fs.copyFile(f.copyFrom, target);
      else if (!(previous && !isKept(f.outputPath, keepFiles) && (await linkIfSame(previous, f, target))))
        await fs.writeFile(target, f.content);
    });
    for (const keep of keepFiles) {
      const from = path.join(destination, keep);
      if (await exists(from))
        await fs.cp(from, path.join(tmp, keep), { recursive: true, force: true, verbatimSymlinks: true });
    }
    if (await exists(destination)) {
      await fs.rename(destination, old);
      try {
        await fs.rename(tmp, destination);
      } catch (error) {
        await fs.rename(old, destination);
        throw error;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.rename(tmp, destination);
    }
  } catch (error) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Hard-links the current site's file into the new one when its bytes are the ones to write: a
 * warm build of a large site rewrites mostly unchanged pages, and comparing then linking costs a
 * fraction of writing them anew and of removing the old copies after the swap. Paths under
 * `keep_files` are never linked, since they are copied over afterwards and would write through
 * the link into the current site.
 */
async function linkIfSame(
  previous: string,
  file: { outputPath: string; content: string | Uint8Array; unchangedSince?: FileStamp },
  target: string,
): Promise<boolean> {
  const current = path.join(previous, file.outputPath);
  try {
    // The common case (a page read back by the render cache) takes two quick calls, made
    // synchronously: through the thread pool they were most of a one-page edit's write stage.
    const stat = lstatSync(current, { bigint: true });
    if (!stat.isFile() || stat.size !== BigInt(Buffer.byteLength(file.content))) return false;
    // Read moments ago (by the render cache) and not touched since: no need to compare again.
    if (file.unchangedSince && sameStamp(file.unchangedSince, stampOf(stat))) {
      linkSync(current, target);
      return true;
    }
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    if (!(await fs.readFile(current)).equals(bytes)) return false;
    await fs.link(current, target);
    return true;
  } catch {
    // Missing, unreadable, or a file system without hard links: write the file instead.
    return false;
  }
}

function isKept(outputPath: string, keepFiles: readonly string[]): boolean {
  return keepFiles.some((k) => {
    const keep = k.replace(/^\/+|\/+$/g, '');
    return outputPath === keep || outputPath.startsWith(`${keep}/`);
  });
}

/** Removes temporary folders (and pending lock files) of earlier builds of this destination whose process is gone. */
async function removeStaleStaging(destination: string): Promise<void> {
  const dir = path.dirname(destination);
  const base = `.${path.basename(destination)}`;
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    if (!name.startsWith(base)) continue;
    const rest = name.slice(base.length);
    const m = /^\.galley-(tmp|old|lock)-(\d+)-[0-9a-f]+$/.exec(rest);
    if (!m || isAlive(Number(m[2]))) continue;
    // A build killed between its two renames left the previous site under the old name: put it back.
    if (m[1] === 'old' && !(await exists(destination))) await fs.rename(path.join(dir, name), destination);
    else await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, linkSync, lstatSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
 * it, so the last one wins whole. The only code that writes files. With `staging` (pages written
 * while the others rendered), its folder is the temporary one: only what is missing or different
 * there is written, and what is not in `files` is removed.
 */
export async function writeSite(
  destination: string,
  files: readonly OutputFile[],
  keepFiles: readonly string[],
  staging?: SiteStaging,
): Promise<void> {
  const unlock = await lockDestination(destination);
  try {
    await removeStaleStaging(destination);
    await stageAndSwap(destination, files, keepFiles, staging);
  } finally {
    await unlock();
  }
}

/**
 * Files a staging folder writes at once, through the thread pool: this thread hands out the next
 * ones only between pages it renders, so a short queue left the disk idle (16 gave a 1.7 s write
 * stage on a slow disk, 64 one of 0.05 s).
 */
const STAGING_IN_FLIGHT = 64;

/**
 * A staging folder filled while pages render, so the disk works while the processors do: on the
 * 4,000-page bench site, writing every page after the render took 0.2 to 2.8 s, depending on the
 * disk. Pages go in as they are rendered (`add`), linked from the current site when the bytes are
 * the same, as `writeSite` does. Nothing is locked: the folder is private to this build until
 * `writeSite` finishes it under the lock. `discard` removes it when the site is not written.
 */
export class SiteStaging {
  readonly folder: string;
  /** What each added path holds: the content written, or null when two adds claimed it. */
  private readonly staged = new Map<string, string | null>();
  private readonly dirs = new Set<string>();
  private readonly queue: { outputPath: string; content: string }[] = [];
  private inFlight = 0;
  private idle: (() => void) | null = null;
  private failure: unknown = null;
  private readonly previous: string | null;
  private finished = false;

  constructor(
    destination: string,
    private readonly keepFiles: readonly string[],
  ) {
    this.folder = `${stagingPrefix(destination)}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
    mkdirSync(this.folder, { recursive: true });
    this.previous = existsSync(destination) ? destination : null;
  }

  /** Writes one page's file in the background; a failure is reported by `writeSite`. */
  add(outputPath: string, content: string): void {
    if (this.finished || this.failure !== null) return;
    if (this.staged.has(outputPath)) {
      // Two pages claim the path: which one wins is decided later, so it is written again then.
      this.staged.set(outputPath, null);
      return;
    }
    this.staged.set(outputPath, content);
    const target = path.join(this.folder, outputPath);
    try {
      this.ensureDir(path.dirname(target));
    } catch (error) {
      this.failure ??= error;
      return;
    }
    // The same bytes as the current site's file: linked at once, in this thread (linkIfSame).
    // Anything else is written in the background.
    if (
      this.previous &&
      !isKept(outputPath, this.keepFiles) &&
      linkIfSame(this.previous, { outputPath, content }, target)
    )
      return;
    this.queue.push({ outputPath, content });
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < STAGING_IN_FLIGHT && this.queue.length > 0) {
      const file = this.queue.shift() as { outputPath: string; content: string };
      this.inFlight++;
      this.writeOne(file)
        .catch((error: unknown) => {
          this.failure ??= error;
          this.queue.length = 0;
        })
        .finally(() => {
          this.inFlight--;
          this.pump();
          if (this.inFlight === 0 && this.queue.length === 0) this.idle?.();
        });
    }
  }

  private async writeOne(file: { outputPath: string; content: string }): Promise<void> {
    await fs.writeFile(path.join(this.folder, file.outputPath), file.content);
  }

  private ensureDir(dir: string): void {
    if (this.dirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.dirs.add(dir);
  }

  /** Waits for the writes in progress; throws the first that failed. */
  async settle(): Promise<void> {
    if (this.inFlight > 0 || this.queue.length > 0)
      await new Promise<void>((resolve) => (this.idle = resolve));
    this.idle = null;
    if (this.failure !== null) throw this.failure;
  }

  /** What `writeSite` must not write again: the paths added, with the content they hold. */
  stagedFiles(): ReadonlyMap<string, string | null> {
    return this.staged;
  }

  /** Marks the folder as taken over by `writeSite` (swapped in, or removed by it on failure). */
  finish(): void {
    this.finished = true;
  }

  /** Removes the folder, unless `writeSite` took it over. */
  async discard(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.settle().catch(() => undefined);
    await fs.rm(this.folder, { recursive: true, force: true });
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
  staging?: SiteStaging,
): Promise<void> {
  const prefix = stagingPrefix(destination);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = staging?.folder ?? `${prefix}${TMP_MARK}${tag}`;
  const old = `${prefix}${OLD_MARK}${tag}`;
  staging?.finish();
  try {
    await fs.mkdir(tmp, { recursive: true });
    await staging?.settle();
    const staged = staging?.stagedFiles() ?? new Map<string, string | null>();
    const dirs = new Set<string>();
    for (const f of files) dirs.add(path.dirname(path.join(tmp, f.outputPath)));
    // Synchronous, as is removing the old site below: one thread-pool round trip per folder and
    // per removed file made the write stage of a one-page edit of the 4,000-page bench site
    // (200 folders) ~60 ms slower, and a loaded machine more.
    for (const d of [...dirs].sort()) mkdirSync(d, { recursive: true });
    const previous = (await exists(destination)) ? destination : null;
    await mapLimit(files, 32, async (f) => {
      const target = path.join(tmp, f.outputPath);
      const early = staged.get(f.outputPath);
      if (early !== undefined) {
        if ('content' in f && early === f.content) return;
        // Removed first: the staged file may be a link into the current site.
        rmSync(target, { force: true });
      }
      if ('copyFrom' in f) await fs.copyFile(f.copyFrom, target);
      else if (!(previous && !isKept(f.outputPath, keepFiles) && linkIfSame(previous, f, target)))
        await fs.writeFile(target, f.content);
    });
    if (staged.size > 0) {
      const listed = new Set(files.map((f) => f.outputPath));
      for (const outputPath of staged.keys()) {
        if (!listed.has(outputPath)) rmSync(path.join(tmp, outputPath), { force: true });
      }
    }
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
function linkIfSame(
  previous: string,
  file: { outputPath: string; content: string | Uint8Array; unchangedSince?: FileStamp },
  target: string,
): boolean {
  const current = path.join(previous, file.outputPath);
  // Synchronous: reading back a file the last build wrote is a few system calls; through the
  // thread pool (promises) it cost this thread ~0.15 ms a page on the 4,000-page bench site, and
  // the stat and link calls were most of a one-page edit's write stage.
  try {
    const stat = lstatSync(current, { bigint: true });
    if (!stat.isFile() || stat.size !== BigInt(Buffer.byteLength(file.content))) return false;
    // Read moments ago (by the render cache) and not touched since: no need to compare again.
    if (!(file.unchangedSince && sameStamp(file.unchangedSince, stampOf(stat)))) {
      const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
      if (!readFileSync(current).equals(bytes)) return false;
    }
    linkSync(current, target);
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

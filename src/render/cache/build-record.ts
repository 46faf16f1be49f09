import type { Diagnostic } from '../../diagnostics.js';
import type { RedirectPage } from '../../generate/redirects.js';
import type { FileStamp } from '../../read/file-stamps.js';

/** Bumped whenever the shape or meaning of the build record changes. */
export const BUILD_RECORD_FORMAT = 1;

/** An input file as the recorded build read it: its stamp and the hash of its bytes. */
export interface RecordedInput extends FileStamp {
  hash: string;
}

/**
 * What a complete, written build leaves in `.galley-cache/build.json` so that the next build with
 * nothing changed can return the same result without reading, rendering, checking or writing:
 * every input file's stamp and hash, every output entry's stamp, and the result itself.
 */
export interface BuildRecord {
  format: number;
  galley: string;
  /** Hash of the resolved config, Galley's code, the build options and the destination. */
  key: string;
  /** `site.time` in milliseconds when some page read it (then only a build at that pinned time replays). */
  now: number | null;
  /** Input files by absolute path. */
  inputs: Record<string, RecordedInput>;
  /**
   * The render cache file's stamp when the record was written: removing or replacing
   * `pages.json` (to force pages to render again) also stops the record from being replayed.
   */
  pageCache: FileStamp | null;
  /** Output entries by path inside the destination (folders have null). */
  outputs: Record<string, FileStamp | null>;
  pages: { path: string; url: string; outputPath: string; failed: boolean }[];
  staticFiles: { path: string; outputPath: string }[];
  redirects: RedirectPage[];
  /** The build's final diagnostics, without `cause`. */
  diagnostics: Diagnostic[];
}

/** True when two stamps describe the same untouched file. */
export function sameStamp(a: FileStamp | null | undefined, b: FileStamp | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime && a.ino === b.ino;
}

/**
 * True when a stamp cannot vouch for the bytes the build read: the file was changed so shortly
 * before the build looked at it that a second change within the same clock tick of the file
 * system, keeping the size, would leave the stamp as it is (git's "racily clean" case). The tick
 * is taken as 2 s when the file system keeps no sub-millisecond part (FAT, HFS+, some network
 * mounts) and 100 ms otherwise (the kernel's coarse clock lags the process's clock by a few ms).
 */
export function isRacy(stamp: FileStamp, lookedAtMs: number): boolean {
  const changed = BigInt(stamp.mtime) > BigInt(stamp.ctime) ? BigInt(stamp.mtime) : BigInt(stamp.ctime);
  const coarse = changed % 1_000_000n === 0n;
  const margin = coarse ? 2_000_000_000n : 100_000_000n;
  return changed + margin > BigInt(Math.floor(lookedAtMs)) * 1_000_000n;
}

/** Dependencies that make a page's output differ between builds with the same files: the build time. */
export function readsBuildTime(dependencies: Iterable<string>): boolean {
  for (const d of dependencies) if (d === 'site:time' || d === 'site:*') return true;
  return false;
}

import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { walkSource } from './walk-source.js';

/**
 * Absolute paths of every file a build of this site reads besides its config (which is read and
 * hashed on every build anyway): the files `readSite` walks (pages, static files, collections), and the layouts, includes and data folders
 * of the site and the theme. It lists with the same walk as `readSite`, so a file added where the
 * build would read it shows up here; where the rules differ (the theme folder is listed whole) it
 * lists more, never less. Only listing: no file is opened.
 */
export async function listSiteInputs(config: SiteConfig, skipAbsolute: readonly string[]): Promise<string[]> {
  // A full build reports problems met while walking; here they would only be repeated.
  const ignored: Diagnostic[] = [];
  const source = config.source;
  const walkOpts = { exclude: config.exclude, include: config.include, skipAbsolute };
  const special = { ...walkOpts, exclude: [], include: [], allowSpecial: true };
  const walks = [
    walkSource(source, source, '', walkOpts, ignored),
    ...Object.values(config.collections).map((c) =>
      walkSource(path.join(source, `_${c.label}`), source, `_${c.label}`, walkOpts, ignored),
    ),
    ...[config.layoutsDir, config.includesDir, config.dataDir].map((dir) =>
      walkSource(path.resolve(source, dir), path.resolve(source, dir), '', special, ignored),
    ),
    ...(config.themeDir ? [walkSource(config.themeDir, config.themeDir, '', special, ignored)] : []),
  ];
  const found = await Promise.all(walks.map((w) => w.catch(() => [])));
  const all = new Set<string>();
  for (const list of found) for (const f of list) all.add(f.absPath);
  return [...all].sort();
}

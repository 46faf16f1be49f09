import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SiteConfig } from '../config/site-config.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { GalleyPlugin, GalleyPluginApi } from '../plugin-api.js';

const PLUGIN_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts'];

/**
 * Loads site plugins: every `*.js`/`*.mjs` file directly in the plugins folder (`_plugins`), then
 * the files listed in config `galley_plugins` (paths relative to the source), then plugins given
 * by the caller. A plugin that fails to load or throws is reported and skipped. Returns the
 * plugin files' names and texts, so the render cache changes when a plugin does.
 */
export async function loadPlugins(
  config: SiteConfig,
  api: GalleyPluginApi,
  extra: readonly GalleyPlugin[],
  diagnostics: Diagnostic[],
): Promise<string[]> {
  const fingerprint: string[] = [];
  const files: string[] = [];
  const dir = path.resolve(config.source, config.pluginsDir);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isFile() && PLUGIN_EXTENSIONS.includes(path.extname(e.name))) files.push(path.join(dir, e.name));
  }
  const listed = config.values.galley_plugins;
  if (Array.isArray(listed))
    for (const f of listed) if (typeof f === 'string') files.push(path.resolve(config.source, f));

  for (const file of files) {
    const label = path.relative(config.source, file).split(path.sep).join('/');
    fingerprint.push(label, await fs.readFile(file, 'utf8').catch(() => 'unreadable'));
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (typeof mod.default !== 'function') {
        diagnostics.push(
          diagnostic('plugin/invalid', 'error', label, 'plugin has no default export function', {
            hint: 'write `export default function (galley) { ... }`',
          }),
        );
        continue;
      }
      await (mod.default as GalleyPlugin)(api);
    } catch (error) {
      diagnostics.push(
        diagnostic('plugin/failed', 'error', label, `plugin failed to load: ${(error as Error).message}`, {
          cause: error,
        }),
      );
    }
  }
  for (const plugin of extra) {
    fingerprint.push(String(plugin));
    await plugin(api);
  }
  return fingerprint;
}

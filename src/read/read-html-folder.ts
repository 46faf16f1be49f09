import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** A built site on disk: its HTML files with their text, and every other file's path. */
export interface HtmlFolder {
  html: { path: string; text: string }[];
  files: string[];
}

/** Reads a folder of built HTML (`_site`), relative POSIX paths, sorted, symlinks not followed. */
export async function readHtmlFolder(root: string): Promise<HtmlFolder> {
  const html: HtmlFolder['html'] = [];
  const files: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(dir, e.name), r);
      else if (e.isFile()) {
        files.push(r);
        if (/\.html?$/i.test(e.name))
          html.push({ path: r, text: await readFile(path.join(dir, e.name), 'utf8') });
      }
    }
  };
  await walk(root, '');
  return { html, files };
}

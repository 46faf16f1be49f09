import path from 'node:path';
import type { RenderablePage } from '../render/site-snapshot.js';

/** The label a page shows in a menu: `menu_title`, else `title`, else its file name (and `missing`). */
export function menuLabel(page: RenderablePage): { label: string; missing: boolean } {
  const { menu_title, title } = page.source.data;
  const text = (v: unknown) => (v === undefined || v === null || String(v).trim() === '' ? null : String(v));
  const label = text(menu_title) ?? text(title);
  return label === null
    ? { label: path.posix.basename(page.source.path).replace(/\.[^.]+$/, ''), missing: true }
    : { label, missing: false };
}

/**
 * `menu_order` as a number: null when absent or empty, NaN when present but not a number (a
 * quoted "5" included: Jekyll's sort would compare it as a string).
 */
export function menuOrder(page: RenderablePage): number | null {
  const v = page.source.data.menu_order;
  if (v === undefined || v === null) return null;
  return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
}

/** Front matter value as a trimmed string, or '' when absent. */
export function field(page: RenderablePage, key: string): string {
  const v = page.source.data[key];
  return v === undefined || v === null ? '' : String(v).trim();
}

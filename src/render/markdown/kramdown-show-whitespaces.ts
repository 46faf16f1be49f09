import type { ElementContent } from 'hast';

const runs = /(^[ \t]+)|([ \t]+$)|([ \t]+)/gm;

/**
 * The inside of a plain code block with the class `show-whitespaces`, as kramdown's HTML
 * converter writes it: each tab becomes `<span class="ws-tab">` and each space a
 * `<span class="ws-space">` holding `⋅`, with `-l` or `-r` on the class at the start or end of
 * a line. `code` is the block's text without its final newline.
 */
export function showWhitespaces(code: string): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of code.matchAll(runs)) {
    const index = match.index ?? 0;
    if (index > last) out.push({ type: 'text', value: code.slice(last, index) });
    const suffix = match[1] !== undefined ? '-l' : match[2] !== undefined ? '-r' : '';
    for (const char of match[0]) {
      const tab = char === '\t';
      out.push({
        type: 'element',
        tagName: 'span',
        properties: { className: [`${tab ? 'ws-tab' : 'ws-space'}${suffix}`] },
        children: [{ type: 'text', value: tab ? '\t' : '\u22c5' }],
      });
    }
    last = index + match[0].length;
  }
  if (last < code.length) out.push({ type: 'text', value: code.slice(last) });
  return out;
}

/** Whether the code block's attributes ask for it (kramdown matches `\bshow-whitespaces\b`). */
export function wantsShownWhitespaces(className: unknown): boolean {
  const classes = Array.isArray(className)
    ? className.map(String)
    : className
      ? String(className).split(' ')
      : [];
  return classes.includes('show-whitespaces');
}

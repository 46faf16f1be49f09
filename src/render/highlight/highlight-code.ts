import type { ElementContent } from 'hast';
import { lexerFor } from './lexers.js';
import { lex } from './regex-lexer.js';

/** What a language name means to the highlighter, from its lexer registry. */
export interface HighlightResult {
  /** The language's canonical CSS name (`language-X`), lower-cased, options dropped. */
  lang: string;
  /** Token spans (`<span class="k">`) and text, as Rouge's HTML formatter emits them. */
  children: ElementContent[];
}

/**
 * Highlights `code` as Rouge would for `lang` (an info string such as `php?start_inline=1`):
 * undefined when Rouge has no lexer of that name, so the caller can fall back to a bare
 * `<pre><code>` as kramdown does. Plain text (and languages known but not tokenised here) is one
 * text node.
 */
export function highlightCode(code: string, lang: string): HighlightResult | undefined {
  const [rawName = '', query = ''] = lang.split('?');
  const name = rawName.trim().toLowerCase() || 'plaintext';
  const entry = lexerFor(name);
  if (!entry) return undefined;
  if (!entry.lexer) return { lang: name, children: [{ type: 'text', value: code }] };
  const start = entry.start?.(new URLSearchParams(query)) ?? ['root'];
  const children: ElementContent[] = [];
  for (const [kind, text] of lex(entry.lexer, code, start)) {
    if (kind === '') children.push({ type: 'text', value: text });
    else
      children.push({
        type: 'element',
        tagName: 'span',
        properties: { className: [kind] },
        children: [{ type: 'text', value: text }],
      });
  }
  return { lang: name, children };
}

import { htmlVoidElements } from './kramdown-html-elements.js';
import { kramdownTagName } from './kramdown-html-tag-name.js';

// kramdown's name pattern (REXML's UNAME_STR): `_` and `.` are name characters, as is a prefix `x:`.
const name = String.raw`(?:[\p{L}_][-\p{L}\p{N}._]*:)?[\p{L}_][-\p{L}\p{N}._]*`;
// kramdown's HTML_TAG_RE: attribute values are a word or quoted; anything else is no tag.
const startTag = new RegExp(
  String.raw`<(${name})\s*((?:\s+${name}(?:\s*=\s*(?:[\p{L}\p{N}_]+|("|').*?\3))?)*)\s*(\/)?>`,
  'suy',
);
const endTag = new RegExp(String.raw`<\/(${name})\s*>`, 'uy');
const comment = /<!--[\s\S]*?-->/y;
const instruction = /<\?[\s\S]*?\?>/y;
const tagLike = new RegExp(String.raw`<(?:${name}|\/)`, 'uy');

/**
 * kramdown reads the inside of a raw HTML block with its own HTML parser, which prints what is no
 * tag as text: an end tag that does not close the innermost open element (`note</a>`, or the
 * `</td>` after an unclosed `<code>`), and a `<` followed by a name that does not form a tag
 * (`List.<List.<int>>`). A browser's parser would drop the first or close elements with it, and
 * read the second as an element, so both get their `<` escaped here. Elements still open at the
 * end get their end tags, as kramdown prints them.
 */
export function escapeKramdownRawHtmlText(html: string): string {
  const open: string[] = [];
  let out = '';
  let index = 0;
  while (index < html.length) {
    const next = html.indexOf('<', index);
    if (next < 0) break;
    out += html.slice(index, next);
    index = next;
    const skipped = match(comment, html, index) ?? match(instruction, html, index);
    if (skipped) {
      out += skipped[0];
      index += skipped[0].length;
      continue;
    }
    const start = match(startTag, html, index);
    if (start?.[1]) {
      const tag = kramdownTagName(start[1]);
      let end = index + start[0].length;
      if (tag === 'script' || tag === 'style') {
        // Raw text up to the end tag, as kramdown's handle_raw_html_tag reads it.
        const close = new RegExp(String.raw`</${tag}\s*>`, 'i').exec(html.slice(end));
        end = close ? end + close.index + close[0].length : html.length;
      } else if (!start[4] && !htmlVoidElements.has(tag)) open.push(tag);
      out += html.slice(index, end);
      index = end;
      continue;
    }
    const close = match(endTag, html, index);
    if (close?.[1]) {
      const at = open[open.length - 1] === kramdownTagName(close[1]) ? open.length - 1 : -1;
      if (at >= 0) open.length = at;
      out += (at >= 0 ? '<' : '&lt;') + close[0].slice(1);
      index += close[0].length;
      continue;
    }
    out += match(tagLike, html, index) ? '&lt;' : '<';
    index += 1;
  }
  out += html.slice(index);
  if (open.length === 0) return out;
  // kramdown closes what is still open after the block's last line; printing those end tags keeps
  // the browser's parser from dropping text it holds back inside a table (`&lt;/table>` at the end).
  return `${out}\n${open
    .reverse()
    .map((tag) => `</${tag}>`)
    .join('')}`;
}

function match(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Parent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { JEKYLL_KRAMDOWN_DEFAULTS, type KramdownOptions } from '../../config/kramdown-options.js';
import { escapedOffsets } from './kramdown-escaped-offsets.js';
import { htmlContentModel, htmlVoidElements } from './kramdown-html-elements.js';

const nbsp = '\u00a0';

/** What the typographic symbols and quotes are written as (`typographic_symbols`, `smart_quotes`). */
interface Symbols {
  hellip: string;
  mdash: string;
  ndash: string;
  laquo: string;
  raquo: string;
  laquo_space: string;
  raquo_space: string;
  lsquo: string;
  rsquo: string;
  ldquo: string;
  rdquo: string;
}

function symbolsFor(options: KramdownOptions): Symbols {
  const entity = (name: string, fallback: string): string => {
    const decoded = decodeNamedCharacterReference(name);
    return typeof decoded === 'string' ? decoded : fallback;
  };
  const [lsquo, rsquo, ldquo, rdquo] = (options.smartQuotes ?? JEKYLL_KRAMDOWN_DEFAULTS.smartQuotes).map(
    (q) => entity(q, q),
  );
  return {
    hellip: '\u2026',
    mdash: '\u2014',
    ndash: '\u2013',
    laquo: '\u00ab',
    raquo: '\u00bb',
    laquo_space: `\u00ab${nbsp}`,
    raquo_space: `${nbsp}\u00bb`,
    ...(options.typographicSymbols ?? {}),
    lsquo: lsquo ?? '\u2018',
    rsquo: rsquo ?? '\u2019',
    ldquo: ldquo ?? '\u201c',
    rdquo: rdquo ?? '\u201d',
  };
}

/** Nodes whose text kramdown leaves alone. */
const skipped = new Set(['code', 'inlineCode', 'html', 'math', 'inlineMath', 'yaml']);
/** Parents whose text kramdown parses as one string: its end is the end of the string (`$`). */
const stringEnds = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'link',
  'linkReference',
  'kramdownHtmlElement',
]);

const isSpace = (char: string): boolean =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f' || char === '\v';
const isWord = (char: string): boolean => /^[A-Za-z0-9_]$/.test(char);
const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const punctuation = '!"#$%\'()*+,-./:;<=>?@[\\]^_`{|}~';
/** What `typography` replaces; text without any of it comes out as it went in. */
const SUBSTITUTED = /["']|--|\.\.\.|<<|>>/;
/** Characters after which a quote is not a closing one (kramdown's `SQ_CLOSE` complement). */
const notClosing = ' \\\t\r\n[{(-';

/**
 * kramdown's typography (`smart_quotes` and typographic symbols) on text: `"` and `'` become curly
 * quotes by kramdown's rules (`you're` -> `you’re`, `'80s` -> `’80s`), `---` an em dash, `--` an en
 * dash, `...` an ellipsis, `<<` and `>>` guillemets. Code, raw HTML and the inside of raw HTML
 * elements such as `<code>` or `<pre>` are left alone.
 */
export function remarkKramdownTypography(options: KramdownOptions = {}) {
  const symbols = symbolsFor(options);
  return (tree: Root, file: VFile): undefined => {
    const source = typeof file.value === 'string' ? file.value : '';
    walk(tree, source, symbols);
  };
}

function walk(parent: Parent, source: string, symbols: Symbols): void {
  let rawDepth = 0;
  let rawName = '';
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child.type === 'html') {
      const tag = /^<(\/?)([A-Za-z][\w-]*)/.exec(child.value);
      if (!tag) continue;
      const name = tag[2].toLowerCase();
      if (rawDepth > 0) {
        if (name === rawName) rawDepth += tag[1] ? -1 : 1;
      } else if (
        !tag[1] &&
        !htmlVoidElements.has(name) &&
        htmlContentModel(name) === 'raw' &&
        !/\/>\s*$/.test(child.value) &&
        !new RegExp(`</${name}\\s*>\\s*$`, 'i').test(child.value)
      ) {
        rawDepth = 1;
        rawName = name;
      }
      continue;
    }
    if (rawDepth > 0 || skipped.has(child.type)) continue;
    // Text of an HTML element converted by html_to_native is HTML text, which kramdown leaves as is.
    if (child.data && 'kramdownHtmlText' in child.data) continue;
    if (child.type === 'text') {
      // Tested before the escaped offsets and the following text are worked out for it.
      if (!SUBSTITUTED.test(child.value)) continue;
      const last = index === children.length - 1;
      const end = last && stringEnds.has(parent.type) ? undefined : child.position?.end.offset;
      child.value = typography(
        child,
        end === undefined ? '' : source.slice(end, end + 4),
        escapedOffsets(child, source),
        symbols,
      );
    } else if ('children' in child) {
      walk(child, source, symbols);
    }
  }
}

/**
 * Applies the substitutions to one text node that has something to substitute (`walk` tests
 * `SUBSTITUTED` first); `following` is the source right after it.
 */
function typography(node: Text, following: string, escaped: Set<number>, symbols: Symbols): string {
  const value = node.value;
  const at = (index: number): string =>
    index < value.length ? value[index] : (following[index - value.length] ?? '');
  /**
   * `length` characters from `from` as written: an escaped character keeps its backslash, which
   * kramdown's quote rules see (`"\[x]"` opens with a closing quote, as after any punctuation).
   */
  const source = (from: number, length: number): string => {
    let text = '';
    for (let index = from; text.length < length; index++) {
      const char = at(index);
      if (char === '') break;
      text += escaped.has(index) ? `\\${char}` : char;
    }
    return text;
  };
  let out = '';
  /** Whether the previous character can still serve as the quote rules' leading character. */
  let prefixFree = false;
  let index = 0;
  while (index < value.length) {
    const char = value[index];
    if (escaped.has(index)) {
      // `\"`, `\<<`: written escaped, kept as the character.
      out += char;
      index++;
      prefixFree = false;
      continue;
    }
    if (char === '-' && value[index + 1] === '-') {
      const em = value[index + 2] === '-';
      out += em ? symbols.mdash : symbols.ndash;
      index += em ? 3 : 2;
      prefixFree = false;
      continue;
    }
    if (char === '.' && value[index + 1] === '.' && value[index + 2] === '.') {
      out += symbols.hellip;
      index += 3;
      prefixFree = false;
      continue;
    }
    if (char === '<' && value[index + 1] === '<') {
      const space = value[index + 2] === ' ';
      out += space ? symbols.laquo_space : symbols.laquo;
      index += space ? 3 : 2;
      prefixFree = false;
      continue;
    }
    if (char === ' ' && value[index + 1] === '>' && value[index + 2] === '>') {
      out += symbols.raquo_space;
      index += 3;
      prefixFree = false;
      continue;
    }
    if (char === '>' && value[index + 1] === '>') {
      out += symbols.raquo;
      index += 2;
      prefixFree = false;
      continue;
    }
    if (char === '"' || char === "'") {
      const prefix = prefixFree && index > 0 && value[index - 1] !== '\\' ? value[index - 1] : undefined;
      const ahead = source(index + 1, 4);
      const quotes = smartQuote(prefix, char, (offset) => (offset === 0 ? char : (ahead[offset - 1] ?? '')));
      out += quotes.map((q) => symbols[q]).join('');
      index += quotes.length;
      prefixFree = false;
      continue;
    }
    out += char;
    index++;
    prefixFree = true;
  }
  return out;
}

/**
 * kramdown's `SQ_RULES` for the quote at offset 0 (`next(1)` is the character after it); `prefix`
 * is the unconsumed character before it, if any. Returns one or two quote names.
 */
type Quote = 'lsquo' | 'rsquo' | 'ldquo' | 'rdquo';

function smartQuote(prefix: string | undefined, quote: string, next: (offset: number) => string): Quote[] {
  const double = quote === '"';
  const left: Quote[] = [double ? 'ldquo' : 'lsquo'];
  const right: Quote[] = [double ? 'rdquo' : 'rsquo'];
  const after = next(1);
  if (prefix === undefined) {
    // ("|')(?=[_*]{1,2}\S)
    if ((after === '_' || after === '*') && (next(2) === '_' || next(2) === '*' ? next(3) : next(2)).trim())
      return left;
    // ("|')(?=SQ_PUNCT(?!\.\.)\B)
    if (
      after !== '' &&
      punctuation.includes(after) &&
      !(next(2) === '.' && next(3) === '.') &&
      !isWord(next(2))
    )
      return right;
  }
  if (prefix === undefined || isSpace(prefix)) {
    // (\s?)"'(?=\w) and (\s?)'"(?=\w)
    if (double && after === "'" && isWord(next(2))) return ['ldquo', 'lsquo'];
    if (!double && after === '"' && isWord(next(2))) return ['lsquo', 'ldquo'];
    // (\s?)'(?=\d\ds)
    if (!double && isDigit(after) && isDigit(next(2)) && next(3) === 's') return ['rsquo'];
  }
  // (\s)('|")(?=\w)
  if (prefix !== undefined && isSpace(prefix) && isWord(after)) return left;
  // (SQ_CLOSE)('|")
  if (prefix !== undefined && !notClosing.includes(prefix)) return right;
  // ("|')(?=\s|s\b|$)
  if (prefix === undefined && (after === '' || isSpace(after) || (after === 's' && !isWord(next(2)))))
    return right;
  return left;
}

/**
 * The `kramdown:` block of `_config.yml`, as Jekyll passes it to kramdown. Keys are kramdown's
 * option names; values not given keep Jekyll's defaults, so a site without the block renders as
 * Jekyll renders it.
 */
export const KRAMDOWN_INPUTS = ['GFM', 'kramdown'] as const;
/** `input:` parser: `GFM` (Jekyll's default) or kramdown's own. */
export type KramdownInput = (typeof KRAMDOWN_INPUTS)[number];

export const ENTITY_OUTPUTS = ['as_char', 'as_input', 'numeric', 'symbolic'] as const;
/** `entity_output:` how character references in the input are written. */
export type EntityOutput = (typeof ENTITY_OUTPUTS)[number];

/** kramdown options the Markdown stage honours, in camelCase. */
export interface KramdownOptions {
  /** `input`: GFM (fenced code with backticks, GFM header ids) or kramdown. */
  input?: KramdownInput;
  /** `auto_ids`: give headings without an id one made from their text. */
  autoIds?: boolean;
  /** `auto_id_prefix`: put before every automatic id. */
  autoIdPrefix?: string;
  /** `auto_id_stripping`: drop HTML tags and character references from the text an id is made from. */
  autoIdStripping?: boolean;
  /** `transliterated_header_ids`: turn accented letters into ASCII before making an id. */
  transliteratedHeaderIds?: boolean;
  /** `toc_levels`: header levels the `{:toc}` list includes. */
  tocLevels?: number[];
  /** `footnote_nr`: number of the first footnote. */
  footnoteNr?: number;
  /** `footnote_prefix`: put before every footnote name in ids. */
  footnotePrefix?: string;
  /** `footnote_link_text`: text of a footnote marker, `%s` standing for its number. */
  footnoteLinkText?: string;
  /** `footnote_backlink`: HTML of the link back to the marker (empty for none). */
  footnoteBacklink?: string;
  /** `footnote_backlink_inline`: put the backlink in the footnote's last paragraph even when a block follows it. */
  footnoteBacklinkInline?: boolean;
  /** `entity_output`: how character references are written. */
  entityOutput?: EntityOutput;
  /** `smart_quotes`: the four quote entities (left single, right single, left double, right double). */
  smartQuotes?: string[];
  /** `typographic_symbols`: replacement text for `hellip`, `mdash`, `ndash`, `laquo`, `raquo`... */
  typographicSymbols?: Record<string, string>;
  /** `hard_wrap` (GFM input only): a line break in a paragraph becomes `<br />`. */
  hardWrap?: boolean;
  /** `header_links`: put an empty link to its id at the start of every heading with one. */
  headerLinks?: boolean;
  /** `header_offset`: add this to every header level. */
  headerOffset?: number;
  /** `syntax_highlighter`: `rouge` (Jekyll's) or none (`null`, `false`): plain `<pre><code>`. */
  syntaxHighlighter?: 'rouge' | null;
  /** `syntax_highlighter_opts.default_lang`: language of code without one (Jekyll: `plaintext`). */
  defaultLang?: string | null;
  /** `syntax_highlighter_opts.guess_lang`: Rouge guesses the language of code that names none. */
  guessLang?: boolean;
  /** `syntax_highlighter_opts.block.disable` / `span.disable`: no highlighting for blocks / spans. */
  highlightBlocks?: boolean;
  highlightSpans?: boolean;
  /** `math_engine`: `mathjax` (default: `\(...\)` and `\[...\]`) or none (`null`: `kdmath` elements). */
  mathEngine?: 'mathjax' | null;
  /** `parse_block_html`: parse the inside of block HTML elements as Markdown, as `markdown="1"` does. */
  parseBlockHtml?: boolean;
  /** `html_to_native`: HTML elements with a Markdown equivalent (`p`, `h1`, `em`, `code`...) become it. */
  htmlToNative?: boolean;
}

/** Jekyll's defaults for the kramdown block (jekyll/lib/jekyll/configuration.rb). */
export const JEKYLL_KRAMDOWN_DEFAULTS: Readonly<Required<Omit<KramdownOptions, 'typographicSymbols'>>> & {
  typographicSymbols: Record<string, string>;
} = {
  input: 'GFM',
  autoIds: true,
  autoIdPrefix: '',
  autoIdStripping: false,
  transliteratedHeaderIds: false,
  tocLevels: [1, 2, 3, 4, 5, 6],
  footnoteNr: 1,
  footnotePrefix: '',
  footnoteLinkText: '%s',
  footnoteBacklink: '&#8617;',
  footnoteBacklinkInline: false,
  entityOutput: 'as_char',
  smartQuotes: ['lsquo', 'rsquo', 'ldquo', 'rdquo'],
  typographicSymbols: {},
  hardWrap: false,
  headerLinks: false,
  headerOffset: 0,
  syntaxHighlighter: 'rouge',
  defaultLang: 'plaintext',
  guessLang: false,
  highlightBlocks: true,
  highlightSpans: true,
  mathEngine: 'mathjax',
  parseBlockHtml: false,
  htmlToNative: false,
};

/**
 * Reads a `kramdown:` block (keys as kramdown spells them: `auto_ids`, `toc_levels`; a leading
 * `:` as in kramdown's own option files is accepted). Bad values are reported through `problem`
 * with the property path and left at their default.
 */
export function resolveKramdownOptions(
  block: Record<string, unknown>,
  problem: (key: string, message: string) => void = () => {},
): KramdownOptions {
  const out: KramdownOptions = {};
  for (const [rawKey, value] of Object.entries(block)) {
    const key = rawKey.replace(/^:/, '');
    const path = `kramdown.${key}`;
    const bool = (): boolean | undefined => {
      if (typeof value === 'boolean') return value;
      if (value === null) return false;
      problem(path, `must be true or false, got ${JSON.stringify(value)}`);
      return undefined;
    };
    const text = (): string | undefined => {
      if (value === null) return '';
      if (typeof value === 'string' || typeof value === 'number') return String(value).replace(/^:/, '');
      problem(path, `must be a string, got ${JSON.stringify(value)}`);
      return undefined;
    };
    switch (key) {
      case 'input': {
        const v = text();
        const found = KRAMDOWN_INPUTS.find((i) => i.toLowerCase() === v?.toLowerCase());
        if (found) out.input = found;
        else problem(path, `must be one of ${KRAMDOWN_INPUTS.join(', ')}, got ${JSON.stringify(value)}`);
        break;
      }
      case 'auto_ids':
        out.autoIds = bool();
        break;
      case 'auto_id_prefix':
        out.autoIdPrefix = text();
        break;
      case 'auto_id_stripping':
        out.autoIdStripping = bool();
        break;
      case 'transliterated_header_ids':
        out.transliteratedHeaderIds = bool();
        break;
      case 'toc_levels':
        out.tocLevels = parseTocLevels(value);
        break;
      case 'footnote_nr':
        if (typeof value === 'number' && Number.isInteger(value)) out.footnoteNr = value;
        else problem(path, `must be a whole number, got ${JSON.stringify(value)}`);
        break;
      case 'footnote_prefix':
        out.footnotePrefix = text();
        break;
      case 'footnote_link_text':
        out.footnoteLinkText = text();
        break;
      case 'footnote_backlink':
        out.footnoteBacklink = value === null ? '' : String(value);
        break;
      case 'footnote_backlink_inline':
        out.footnoteBacklinkInline = bool();
        break;
      case 'entity_output': {
        const v = text();
        const found = ENTITY_OUTPUTS.find((e) => e === v);
        if (found) out.entityOutput = found;
        else problem(path, `must be one of ${ENTITY_OUTPUTS.join(', ')}, got ${JSON.stringify(value)}`);
        break;
      }
      case 'smart_quotes': {
        const list = Array.isArray(value) ? value.map(String) : (text() ?? '').split(/\s*,\s*/);
        if (list.length === 4) out.smartQuotes = list;
        else problem(path, `must name four entities, got ${JSON.stringify(value)}`);
        break;
      }
      case 'typographic_symbols':
        if (value && typeof value === 'object' && !Array.isArray(value))
          out.typographicSymbols = Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k.replace(/^:/, ''), String(v ?? '')]),
          );
        else problem(path, 'must be a mapping from symbol name to text');
        break;
      case 'hard_wrap':
        out.hardWrap = bool();
        break;
      case 'header_links':
        out.headerLinks = bool();
        break;
      case 'header_offset':
        if (typeof value === 'number' && Number.isInteger(value)) out.headerOffset = value;
        else problem(path, `must be a whole number, got ${JSON.stringify(value)}`);
        break;
      case 'syntax_highlighter':
        if (value === null || value === false || value === 'nil' || value === '')
          out.syntaxHighlighter = null;
        else if (typeof value === 'string' && value.replace(/^:/, '') === 'rouge')
          out.syntaxHighlighter = 'rouge';
        else problem(path, `must be rouge or null (no highlighting), got ${JSON.stringify(value)}`);
        break;
      case 'math_engine':
        if (value === null || value === false || value === '') out.mathEngine = null;
        else if (typeof value === 'string' && value.replace(/^:/, '').toLowerCase() === 'mathjax')
          out.mathEngine = 'mathjax';
        else problem(path, `must be mathjax or null (no engine), got ${JSON.stringify(value)}`);
        break;
      case 'parse_block_html':
        out.parseBlockHtml = bool();
        break;
      case 'html_to_native':
        out.htmlToNative = bool();
        break;
      case 'syntax_highlighter_opts':
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          const opts = Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/^:/, ''), v]));
          if ('default_lang' in opts)
            out.defaultLang = typeof opts.default_lang === 'string' ? opts.default_lang : null;
          if ('guess_lang' in opts) out.guessLang = opts.guess_lang === true;
          const disabled = (part: unknown) =>
            Boolean(part && typeof part === 'object' && (part as Record<string, unknown>).disable === true);
          if (disabled(opts.block)) out.highlightBlocks = false;
          if (disabled(opts.span)) out.highlightSpans = false;
        }
        break;
      default:
        // Other kramdown options (syntax highlighter, math engine, footnote backlinks...) are
        // not implemented; Jekyll sites set many of them, so they are accepted silently.
        break;
    }
  }
  for (const key of Object.keys(out) as (keyof KramdownOptions)[])
    if (out[key] === undefined) delete out[key];
  return out;
}

/** `toc_levels` as a list (`[2, 3]`), a range (`2..3`) or a string of numbers (`"2 3"`). */
export function parseTocLevels(value: unknown): number[] {
  if (Array.isArray(value)) return value.filter((n): n is number => typeof n === 'number');
  if (typeof value === 'string') {
    const range = /^(\d)\s*\.\.\.?\s*(\d)$/.exec(value.trim());
    if (range) {
      const out: number[] = [];
      const end = value.includes('...') ? Number(range[2]) - 1 : Number(range[2]);
      for (let n = Number(range[1]); n <= end; n++) out.push(n);
      return out;
    }
    return value
      .split(/[\s,]+/)
      .map(Number)
      .filter((n) => n >= 1 && n <= 6);
  }
  if (typeof value === 'number') return [value];
  return [1, 2, 3, 4, 5, 6];
}

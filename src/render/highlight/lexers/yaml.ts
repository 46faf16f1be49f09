import type { LexerDefinition, LexerRule, Token } from '../regex-lexer.js';

const comment: LexerRule = { pattern: /(^|(?<=\s))#.*$/m, kind: 'c1' };
// Inside quotes Rouge marks runs of spaces between words as `nv`, leaving those at a line's edges.
const quotedSpaces: LexerRule[] = [
  { pattern: /^ +| +$/m, kind: '' },
  { pattern: /\n+/, kind: '' },
  { pattern: / +/, kind: 'nv' },
];
// Rouge's plain_scalar_in_block_context: a `: ` ends the scalar and is then an error token.
const plain: LexerRule[] = [
  { pattern: / *(?=:[ \n]|:$)/m, kind: '', next: ['#pop', 'value'] },
  { pattern: / *:\S+/, kind: 's' },
  { pattern: / +(?=#)/, kind: '', next: ['#pop', 'value'] },
  { pattern: / +$/m, kind: '' },
  { pattern: /\n/, kind: '', next: '#pop' },
  { pattern: / +/, kind: 's' },
  { pattern: /true|false|null/, kind: 'no' },
  { pattern: /\d+(?:\.\d+)?(?=\r?\n| +#)/, kind: 'm', next: ['#pop', 'value'] },
  { pattern: /[^\s:]+/, kind: 's' },
];
const quoted: LexerRule[] = [
  { pattern: /"/, kind: 's2', next: 'dq' },
  { pattern: /'/, kind: 's1', next: 'sq' },
];

/**
 * YAML as Rouge lexes it, line by line: keys (`na`) and their `:` indicator (`pi`), `-` items,
 * scalars as strings (`s`), quoted scalars split after the opening quote. A close approximation
 * of Rouge's indentation-tracking lexer, not a port of it.
 */
export const yamlLexer: LexerDefinition = {
  states: {
    root: [
      { pattern: /\n/, kind: '' },
      { pattern: /[ \t]+/, kind: '' },
      comment,
      { pattern: /^---|^\.\.\./m, kind: 'nn' },
      { pattern: /-(?=\s|$)/m, kind: 'pi' },
      {
        // Rouge's keys hold none of `#,:?[]{}"'`; a line starting otherwise is a plain scalar.
        pattern:
          /([^\s"'#\-[\]{},:?][^#,:?[\]{}"'\n]*?|-[^\s#,:?[\]{}"'][^#,:?[\]{}"'\n]*?)([ \t]*)(:)(?=\s|$)/m,
        kind: ['na', '', 'pi'],
        next: 'value',
      },
      { pattern: /(?=["'])/, kind: '', next: 'value' },
      { pattern: /(?=[[{])/, kind: '', next: 'value' },
      { pattern: /^(?=[^\n])/m, kind: '', next: 'plain_top' },
      { pattern: /(?=[^\n])/, kind: '', next: 'plain' },
    ],
    // A plain scalar that starts a line; at the left margin, more-indented lines continue it.
    // A comment ends it; a `: ` inside is an error token and the scalar goes on.
    plain_top: [
      { pattern: / *(?=#)/, kind: '', next: '#pop' },
      { pattern: /\n+(?= +[^ \n])/, kind: '' },
      { pattern: /^ +/m, kind: '' },
      { pattern: /( *)(:)(?![^\n])/, kind: ['', 'err'], next: '#pop' },
      { pattern: /( *)(:)(?= )( *)/, kind: ['', 'err', ''] },
      { pattern: /(?<=: *)(?=["'])/, kind: '', next: 'value' },
      ...plain,
    ],
    plain,
    value: [
      { pattern: /\n/, kind: '', next: '#pop' },
      { pattern: /[ \t]+/, kind: '' },
      comment,
      { pattern: /([|>][-+]?\d*)([ \t]*\n)/, kind: ['pi', ''], next: ['#pop', 'block_scalar'] },
      { pattern: /[&*][\w-]+/, kind: 'nv' },
      { pattern: /!!?[\w-]*/, kind: 'kt' },
      ...quoted,
      { pattern: /[[{]/, kind: 'pi', next: 'flow' },
      { pattern: /(true|false|yes|no|null|~)(?=[ \t]*(#|$))/im, kind: 'no' },
      { pattern: /:(?=\s|$)/m, kind: 'err' },
      // Rouge takes a number for a number only when a line ending follows it.
      // (A leading `-` makes it a string: `-1` is `s`.)
      { pattern: /\d+(\.\d+)?(?=[ \t]*(#|\n))/, kind: 'm' },
      { pattern: /[^\n#]*[^\s#]/, kind: 's' },
      { pattern: /#/, kind: 's' },
    ],
    flow: [
      { pattern: /\s+/, kind: '' },
      { pattern: /[\]}]/, kind: 'pi', next: '#pop' },
      { pattern: /[[{]/, kind: 'pi', next: 'flow' },
      { pattern: /([^\s,:[\]{}"']+)(:)(?=\s)/, kind: ['nv', 'pi'] },
      { pattern: /[?:,]/, kind: 'pi' },
      ...quoted,
      { pattern: /[^\s,:[\]{}"'][^,:[\]{}\n]*[^\s,:[\]{}]|[^\s,:[\]{}"']/, kind: 's' },
    ],
    dq: [
      ...quotedSpaces,
      { pattern: /\\./, kind: 'se' },
      { pattern: /[^"\\ \n]+/, kind: 's' },
      { pattern: /"/, kind: 's', next: '#pop' },
    ],
    sq: [
      ...quotedSpaces,
      { pattern: /''/, kind: 'se' },
      { pattern: /[^' \n]+/, kind: 's' },
      { pattern: /'/, kind: 's', next: '#pop' },
    ],
    // The block runs while lines keep its first line's indentation (blank lines included).
    block_scalar: [
      {
        pattern: /(?:[ \t]*\n)*( +)[^\n]*(?:\n(?:\1[^\n]*|[ \t]*(?=\n)))*/,
        kind: (m) =>
          m[0]
            .split(/(\n)/)
            .flatMap((line): Token[] => {
              const text = /^[ \t]*/.exec(line)?.[0] ?? '';
              return [
                ['', text],
                ['s', line.slice(text.length)],
              ];
            })
            .map(([kind, text]): Token => [text === '\n' ? '' : kind, text]),
        next: '#pop',
      },
      { pattern: /(?:)/, kind: '', next: '#pop' },
    ],
  },
};

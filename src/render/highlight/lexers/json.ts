import type { LexerDefinition, LexerRule } from '../regex-lexer.js';

const whitespace: LexerRule[] = [{ pattern: /\s+/, kind: 'w' }];
const name: LexerRule[] = [{ pattern: /("(?:\\"|[^"\n])*?")(\s*)(:)/, kind: ['nl', 'w', 'p'] }];
const constants: LexerRule[] = [
  { pattern: /true|false|null/, kind: 'kc' },
  { pattern: /-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?/i, kind: 'mf' },
  { pattern: /-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?/i, kind: 'mi' },
];
const value: LexerRule[] = [
  ...whitespace,
  ...constants,
  { pattern: /"/, kind: 's2', next: 'string' },
  { pattern: /\[/, kind: 'p', next: 'array' },
  { pattern: /\{/, kind: 'p', next: 'object' },
];

/** JSON with Rouge's token kinds: object keys are labels (`nl`), whitespace is `w`. */
export const jsonLexer: LexerDefinition = {
  states: {
    root: [
      ...whitespace,
      { pattern: /\{/, kind: 'p', next: 'object' },
      { pattern: /\[/, kind: 'p', next: 'array' },
      ...name,
      ...value,
    ],
    object: [
      ...whitespace,
      ...name,
      ...value,
      { pattern: /\}/, kind: 'p', next: '#pop' },
      { pattern: /,/, kind: 'p' },
    ],
    string: [
      { pattern: /[^\\"]+/, kind: 's2' },
      { pattern: /\\./, kind: 'se' },
      { pattern: /"/, kind: 's2', next: '#pop' },
    ],
    array: [...value, { pattern: /\]/, kind: 'p', next: '#pop' }, { pattern: /,/, kind: 'p' }],
  },
};

import type { LexerDefinition, LexerRule, Token } from '../regex-lexer.js';

const words = (s: string) => new Set(s.split(/\s+/));
const KEYWORDS = words(
  'for in of while do break return continue switch case default if else throw try catch finally new delete typeof instanceof void this yield import export from as async await',
);
const DECLARATIONS = words('var let const with function class extends constructor get set static');
const RESERVED = words(
  'abstract boolean byte char debugger double enum final float goto implements int interface long native package private protected public short super synchronized throws transient volatile',
);
const CONSTANTS = words('true false null NaN Infinity undefined');
const BUILTINS = words(
  'Array Boolean Date Error Function Math Number Object RegExp String decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN parseFloat parseInt document window globalThis console',
);

function identifier(m: RegExpExecArray, push: (state: string) => void): Token[] {
  const w = m[0];
  if (KEYWORDS.has(w)) {
    push('expr_start');
    return [['k', w]];
  }
  if (DECLARATIONS.has(w)) {
    push('expr_start');
    return [['kd', w]];
  }
  if (RESERVED.has(w)) return [['kr', w]];
  if (CONSTANTS.has(w)) return [['kc', w]];
  if (BUILTINS.has(w)) return [['nb', w]];
  return [['nx', w]];
}

const ID = /[$a-zA-Z_][\w$]*/;
const commentsAndWhitespace: LexerRule[] = [
  { pattern: /\s+/, kind: '' },
  { pattern: /<!--/, kind: 'c' },
  { pattern: /\/\/.*$/m, kind: 'c1' },
  { pattern: /\/\*[\s\S]*?\*\//, kind: 'cm' },
];

const root: LexerRule[] = [
  ...commentsAndWhitespace,
  { pattern: /\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!==/, kind: 'o', next: 'expr_start' },
  { pattern: /=>/, kind: 'o', next: 'expr_start' },
  { pattern: /[-<>+*%&|^/!=]=?/, kind: 'o', next: 'expr_start' },
  { pattern: /[([,]/, kind: 'p', next: 'expr_start' },
  { pattern: /;/, kind: 'p', next: 'statement' },
  { pattern: /\.\.\.|[)\].]/, kind: 'p' },
  { pattern: /`/, kind: 's2', next: 'template_string' },
  { pattern: /\?/, kind: 'p', next: ['ternary', 'expr_start'] },
  { pattern: /[{}]/, kind: 'p', next: 'statement' },
  { pattern: ID, kind: identifier },
  { pattern: /[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?/, kind: 'mf' },
  { pattern: /0x[0-9a-fA-F]+/i, kind: 'mh' },
  { pattern: /[0-9]+/, kind: 'mi' },
  { pattern: /"/, kind: 'dl', next: 'dq' },
  { pattern: /'/, kind: 'dl', next: 'sq' },
  { pattern: /:/, kind: 'p' },
];

const exprStart: LexerRule[] = [
  ...commentsAndWhitespace,
  { pattern: /\//, kind: 'sr', next: ['#pop', 'regex'] },
  { pattern: /\{/, kind: 'p', next: ['#pop', 'object'] },
  { pattern: /(?:)/, kind: '', next: '#pop' },
];

/** JavaScript as Rouge lexes it: strings split into delimiters (`dl`) and content, names `nx`. */
export const javascriptLexer: LexerDefinition = {
  states: {
    root,
    expr_start: exprStart,
    statement: [
      { pattern: new RegExp(`(${ID.source})(\\s*)(:)(?!:)`), kind: ['nl', '', 'p'] },
      { pattern: /[{}]/, kind: 'p' },
      ...exprStart,
    ],
    object: [
      ...commentsAndWhitespace,
      { pattern: /\}/, kind: 'p', next: ['#pop', 'statement'] },
      { pattern: new RegExp(`(${ID.source})(\\s*)(:)`), kind: ['na', '', 'p'], next: 'expr_start' },
      { pattern: /:/, kind: 'p' },
      ...root,
    ],
    ternary: [{ pattern: /:/, kind: 'p', next: ['#pop', 'expr_start'] }, ...root],
    regex: [
      { pattern: /\/[gimuy]*/, kind: 'sr', next: '#pop' },
      // Rouge takes the character before an unclosed regex's line end into the error token.
      { pattern: /[^/]\n/, kind: 'err', next: '#pop' },
      { pattern: /\n/, kind: 'err', next: '#pop' },
      { pattern: /\[\^?/, kind: 'se', next: 'regex_group' },
      { pattern: /\\./, kind: 'se' },
      { pattern: /[(][?][:=<!]|[{][\d,]+[}]|[()?]/, kind: 'se' },
      { pattern: /./, kind: 'sr' },
    ],
    regex_group: [
      { pattern: /\//, kind: 'se' },
      { pattern: /[^/]\n/, kind: 'err', next: '#pop:2' },
      { pattern: /\]/, kind: 'se', next: '#pop' },
      { pattern: /\\./, kind: 'se' },
      { pattern: /\n/, kind: 'err', next: '#pop:2' },
      { pattern: /./, kind: 'sr' },
    ],
    dq: [
      { pattern: /\\[\\nrt"]?/, kind: 'se' },
      { pattern: /[^\\"]+/, kind: 's2' },
      { pattern: /"/, kind: 'dl', next: '#pop' },
    ],
    sq: [
      { pattern: /\\[\\nrt']?/, kind: 'se' },
      { pattern: /[^\\']+/, kind: 's1' },
      { pattern: /'/, kind: 'dl', next: '#pop' },
    ],
    template_string: [
      { pattern: /\$\{/, kind: 'si', next: 'template_interp' },
      { pattern: /`/, kind: 's2', next: '#pop' },
      { pattern: /\\[$`\\]/, kind: 'se' },
      { pattern: /[^$`\\]+|\$/, kind: 's2' },
    ],
    template_interp: [{ pattern: /\}/, kind: 'si', next: '#pop' }, ...root],
  },
};

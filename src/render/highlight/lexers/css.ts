import type { LexerDefinition, LexerRule } from '../regex-lexer.js';

const basics: LexerRule[] = [
  { pattern: /\s+/, kind: '' },
  { pattern: /\/\*[\s\S]*?\*\//, kind: 'c' },
  { pattern: /"(\\\\|\\"|[^"])*"/, kind: 's1' },
  { pattern: /'(\\\\|\\'|[^'])*'/, kind: 's2' },
];

/** CSS as Rouge lexes it: selectors by kind (tag, class, id, pseudo), then property/value pairs. */
export const cssLexer: LexerDefinition = {
  states: {
    root: [
      ...basics,
      { pattern: /\{/, kind: 'p', next: 'stanza' },
      { pattern: /@[\w-]+/, kind: 'k' },
      { pattern: /\.[\w-]+/, kind: 'nc' },
      { pattern: /#[\w-]+/, kind: 'nf' },
      { pattern: /::?[\w-]+(\([^)]*\))?/, kind: 'nd' },
      { pattern: /[\w-]+/, kind: 'nt' },
      { pattern: /[[\]=>+~*|^$]+/, kind: 'o' },
      { pattern: /[,;()]/, kind: 'p' },
    ],
    stanza: [
      ...basics,
      { pattern: /\}/, kind: 'p', next: '#pop' },
      { pattern: /(--[\w-]+|[\w-]+)(\s*)(:)/, kind: ['nl', '', 'p'], next: 'value' },
      { pattern: /[;]/, kind: 'p' },
    ],
    value: [
      ...basics,
      { pattern: /;/, kind: 'p', next: '#pop' },
      { pattern: /\}/, kind: 'p', next: '#pop:2' },
      { pattern: /!important/, kind: 'k' },
      { pattern: /#[0-9a-f]{3,8}\b/i, kind: 'mh' },
      { pattern: /-?(?:\d+\.?\d*|\.\d+)(%|[a-z]+)?/i, kind: 'mi' },
      { pattern: /[\w-]+/, kind: 'n' },
      { pattern: /[,()/]/, kind: 'p' },
      { pattern: /[+*=<>-]/, kind: 'o' },
    ],
  },
};

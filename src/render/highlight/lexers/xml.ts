import type { LexerDefinition } from '../regex-lexer.js';

/** XML as Rouge lexes it: tags (`nt`), attributes with their `=` (`na`), values (`s`). */
export const xmlLexer: LexerDefinition = {
  states: {
    root: [
      { pattern: /[^<&]+/, kind: '' },
      { pattern: /&\S*?;/, kind: 'ni' },
      { pattern: /<!\[CDATA\[[\s\S]*?\]\]>/, kind: 'cp' },
      { pattern: /<!--/, kind: 'c', next: 'comment' },
      { pattern: /<\?[\s\S]*?\?>/, kind: 'cp' },
      { pattern: /<![^>]*>/, kind: 'cp' },
      { pattern: /<\s*[\w:.-]+/, kind: 'nt', next: 'tag' },
      { pattern: /<\s*\/\s*[\w:.-]+\s*>/, kind: 'nt' },
    ],
    comment: [
      { pattern: /[^-]+/, kind: 'c' },
      { pattern: /-->/, kind: 'c', next: '#pop' },
      { pattern: /-/, kind: 'c' },
    ],
    tag: [
      { pattern: /\s+/, kind: '' },
      { pattern: /[\w.:-]+\s*=/, kind: 'na', next: 'attr' },
      { pattern: /\/?\s*>/, kind: 'nt', next: '#pop' },
    ],
    attr: [
      { pattern: /\s+/, kind: '' },
      { pattern: /"[\s\S]*?"|'[\s\S]*?'|[^\s>]+/, kind: 's', next: '#pop' },
    ],
  },
};

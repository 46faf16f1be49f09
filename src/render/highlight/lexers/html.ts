import type { Delegate, LexerDefinition } from '../regex-lexer.js';
import { cssLexer } from './css.js';
import { javascriptLexer } from './javascript.js';

const delegate =
  (lexer: LexerDefinition) => (m: RegExpExecArray, _push: (state: string) => void, sub: Delegate) =>
    sub(lexer, m[0]);

/** HTML as Rouge lexes it; `<script>` and `<style>` bodies go to the JavaScript and CSS lexers. */
export const htmlLexer: LexerDefinition = {
  states: {
    root: [
      { pattern: /[^<&]+/, kind: '' },
      { pattern: /&\S*?;/, kind: 'ni' },
      { pattern: /<!DOCTYPE [\s\S]*?>/i, kind: 'cp' },
      { pattern: /<!\[CDATA\[[\s\S]*?\]\]>/, kind: 'cp' },
      { pattern: /<!--/, kind: 'c', next: 'comment' },
      { pattern: /<\?[\s\S]*?\?>/, kind: 'cp' },
      { pattern: /<\s*script\s*/, kind: 'nt', next: ['script_content', 'tag'] },
      { pattern: /<\s*style\s*/, kind: 'nt', next: ['style_content', 'tag'] },
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
      { pattern: /[\p{L}:_[\]()*.-][\p{L}\p{N}_:.·[\]()*-]*\s*=\s*/u, kind: 'na', next: 'attr' },
      { pattern: /[\p{L}:_*#-][\p{L}\p{N}_:.·*#-]*/u, kind: 'na' },
      { pattern: /\/?\s*>/, kind: 'nt', next: '#pop' },
    ],
    attr: [
      { pattern: /"/, kind: 's', next: ['#pop', 'dq'] },
      { pattern: /'/, kind: 's', next: ['#pop', 'sq'] },
      { pattern: /[^\s>]+/, kind: 's', next: '#pop' },
    ],
    dq: [
      { pattern: /"/, kind: 's', next: '#pop' },
      { pattern: /[^"]+/, kind: 's' },
    ],
    sq: [
      { pattern: /'/, kind: 's', next: '#pop' },
      { pattern: /[^']+/, kind: 's' },
    ],
    script_content: [
      { pattern: /<\s*\/\s*script\s*>/, kind: 'nt', next: '#pop' },
      { pattern: /[^<]+|</, kind: delegate(javascriptLexer) },
    ],
    style_content: [
      { pattern: /<\s*\/\s*style\s*>/, kind: 'nt', next: '#pop' },
      { pattern: /[^<]+|</, kind: delegate(cssLexer) },
    ],
  },
};

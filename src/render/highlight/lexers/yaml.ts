import type { LexerDefinition, LexerRule } from '../regex-lexer.js';

const comment: LexerRule = { pattern: /(^|(?<=\s))#.*$/m, kind: 'c1' };
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
        pattern: /([^\s"'#\-[\]{},][^\n]*?|-[^\s\n][^\n]*?)([ \t]*)(:)(?=\s|$)/m,
        kind: ['na', '', 'pi'],
        next: 'value',
      },
      { pattern: /(?=["'])/, kind: '', next: 'value' },
      { pattern: /(?=[[{])/, kind: '', next: 'value' },
      { pattern: /[^\n]+/, kind: 's' },
    ],
    value: [
      { pattern: /\n/, kind: '', next: '#pop' },
      { pattern: /[ \t]+/, kind: '' },
      comment,
      { pattern: /[|>][-+]?\d*[ \t]*\n/, kind: 'pi', next: ['#pop', 'block_scalar'] },
      { pattern: /[&*][\w-]+/, kind: 'nv' },
      { pattern: /!!?[\w-]*/, kind: 'kt' },
      ...quoted,
      { pattern: /[[{]/, kind: 'pi', next: 'flow' },
      { pattern: /(true|false|yes|no|null|~)(?=[ \t]*(#|$))/im, kind: 'no' },
      { pattern: /:(?=\s|$)/m, kind: 'err' },
      // Rouge takes a number for a number only when a line ending follows it.
      { pattern: /-?\d+(\.\d+)?(?=[ \t]*(#|\n))/, kind: 'm' },
      { pattern: /[^\n#]*[^\s#]/, kind: 's' },
      { pattern: /#/, kind: 's' },
    ],
    flow: [
      { pattern: /\s+/, kind: '' },
      { pattern: /[\]}]/, kind: 'pi', next: '#pop' },
      { pattern: /[[{]/, kind: 'pi', next: 'flow' },
      { pattern: /([^\s,:[\]{}"']+)(:)(?=\s)/, kind: ['nv', 'pi'] },
      { pattern: /[,:]/, kind: 'p' },
      ...quoted,
      { pattern: /[^\s,:[\]{}"'][^,:[\]{}\n]*[^\s,:[\]{}]|[^\s,:[\]{}"']/, kind: 's' },
    ],
    dq: [
      { pattern: /\\./, kind: 'se' },
      { pattern: /[^"\\]+/, kind: 's' },
      { pattern: /"/, kind: 's', next: '#pop' },
    ],
    sq: [
      { pattern: /''/, kind: 'se' },
      { pattern: /[^']+/, kind: 's' },
      { pattern: /'/, kind: 's', next: '#pop' },
    ],
    block_scalar: [
      { pattern: /([ \t]+)([^\n]*\n?)/, kind: ['', 's'] },
      { pattern: /\n/, kind: '' },
      { pattern: /(?=\S)/, kind: '', next: '#pop' },
    ],
  },
};

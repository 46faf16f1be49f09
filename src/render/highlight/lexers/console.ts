import type { LexerDefinition } from '../regex-lexer.js';
import { shellLexer } from './shell.js';

/**
 * A terminal session as Rouge's ConsoleLexer reads it, line by line: a line of dots is a snip
 * (`c`); a line with a prompt character (`$ # > ;`, the first one on the line ends the prompt)
 * is a prompt (`gp`) and a shell command; any other line is output (`go`).
 */
export const consoleLexer: LexerDefinition = {
  states: {
    root: [
      { pattern: /^[ \t]*(?:<\.+>|\.+)[ \t]*(?:\n|$)/m, kind: 'c' },
      {
        pattern: /^([^\n]*?[$#>;])([ \t]*)([^\n]*\n?)/m,
        kind: (m, _push, sub) => [['gp', m[1] ?? ''], ['w', m[2] ?? ''], ...sub(shellLexer, m[3] ?? '')],
      },
      { pattern: /[^\n]*\n?/, kind: 'go' },
    ],
  },
};

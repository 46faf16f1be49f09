import type { LexerDefinition, LexerRule } from '../regex-lexer.js';

const KEYWORDS = 'if|fi|else|while|do|done|for|then|return|function|select|continue|until|esac|elif|in';
const BUILTINS =
  `alias bg bind break builtin caller cd command compgen complete declare dirs disown enable eval exec exit
export false fc fg getopts hash help history jobs let local logout mapfile popd pushd pwd read readonly set shift
shopt source suspend test time times trap true type typeset ulimit umask unalias unset wait cat tac nl od base32
base64 fmt pr fold head tail split csplit wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum sha512sum
sort shuf uniq comm ptx tsort cut paste join tr expand unexpand ls dir vdir dircolors cp dd install mv rm shred
link ln mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod touch df du stat sync truncate echo printf yes
expr tee basename dirname pathchk mktemp realpath stty printenv tty id logname whoami groups users who date arch
nproc uname hostname hostid uptime chcon runcon chroot env nice nohup stdbuf timeout kill sleep factor numfmt seq
tar grep sudo awk sed gzip gunzip`
    .split(/\s+/)
    .join('|');

const interp: LexerRule[] = [
  { pattern: /\\$/m, kind: 'se' },
  { pattern: /\\./, kind: 'se' },
  { pattern: /\$\(\(/, kind: 'k', next: 'math' },
  { pattern: /\$\(/, kind: 'k', next: 'paren' },
  { pattern: /\$\{#?/, kind: 'k', next: 'curly' },
  { pattern: /`/, kind: 'sb', next: 'backticks' },
  { pattern: /\$#?(\w+|.)/, kind: 'nv' },
];

const basic: LexerRule[] = [
  { pattern: /#.*$/m, kind: 'c' },
  { pattern: new RegExp(`\\b(${KEYWORDS})(?=[\\s)\`;]|$)`, 'm'), kind: 'k' },
  { pattern: /\bcase\b/, kind: 'k', next: 'case' },
  { pattern: new RegExp(`\\b(${BUILTINS})\\s*\\b(?!(\\.|-))`), kind: 'nb' },
  { pattern: /[.](?=\s)/, kind: 'nb' },
  { pattern: /(\b\w+)(=)/, kind: ['nv', 'o'] },
  { pattern: /[[\]{}()!=>]/, kind: 'o' },
  { pattern: /&&|\|\|/, kind: 'o' },
  { pattern: /<<</, kind: 'o' },
  { pattern: /(<<-?)(\s*)('?)(\\?)(\w+)(\3)[\s\S]*?\n\5\n/, kind: 's' },
];

const data: LexerRule[] = [
  { pattern: /\\./, kind: 'se' },
  { pattern: /\$?"/, kind: 's2', next: 'double_quotes' },
  { pattern: /\$'/, kind: 's1', next: 'ansi_string' },
  { pattern: /\$?'[^']*'/, kind: 's1' },
  { pattern: /\*/, kind: 'k' },
  { pattern: /;/, kind: 'p' },
  { pattern: /(^|(?<=\s))--?[\w-]+/m, kind: 'nt' },
  { pattern: /\s+/, kind: '' },
  { pattern: /[^=*\s{}()$"'`;\\<]+/, kind: '' },
  { pattern: /\d+(?= |$)/, kind: 'm' },
  { pattern: /</, kind: '' },
  ...interp,
];

const root: LexerRule[] = [...basic, ...data];

/** Shell (bash, sh, zsh) as Rouge lexes it: options (`-r`, `--force`) as `nt`, builtins as `nb`. */
export const shellLexer: LexerDefinition = {
  states: {
    root,
    double_quotes: [
      { pattern: /(?:\$#?)?"/, kind: 's2', next: '#pop' },
      ...interp,
      { pattern: /[^"`\\$]+/, kind: 's2' },
    ],
    ansi_string: [
      { pattern: /\\./, kind: 'se' },
      { pattern: /[^\\']+/, kind: 's1' },
      { pattern: /'/, kind: 's1', next: '#pop' },
    ],
    curly: [
      { pattern: /\}/, kind: 'k', next: '#pop' },
      { pattern: /:-/, kind: 'k' },
      { pattern: /\w+/, kind: 'nv' },
      { pattern: /[^}:"'`$\\]+/, kind: 'p' },
      ...root,
    ],
    paren: [{ pattern: /\)/, kind: 'k', next: '#pop' }, ...root],
    math: [
      { pattern: /\)\)/, kind: 'k', next: '#pop' },
      { pattern: /\*\*|\|\||[-+*/%^|&<>]/, kind: 'o' },
      { pattern: /\d+/, kind: 'm' },
      ...root,
    ],
    case: [
      { pattern: /\besac\b/, kind: 'k', next: '#pop' },
      { pattern: /\|/, kind: 'p' },
      { pattern: /\)/, kind: 'p', next: 'case_stanza' },
      ...root,
    ],
    case_stanza: [{ pattern: /;;/, kind: 'p', next: '#pop' }, ...root],
    backticks: [{ pattern: /`/, kind: 'sb', next: '#pop' }, ...root],
  },
};

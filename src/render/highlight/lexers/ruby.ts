import type { LexerDefinition, LexerRule, LexerRun, Token } from '../regex-lexer.js';

// Ruby's `\s` and `\S`: ASCII white space only, as in Rouge's patterns. Rouge's lookbehinds and
// leading `\b` are dropped: its StringScanner matches as if the text began at the current position,
// so `(?<!\.)` never sees the dot before it (`0...self` highlights `self` as a builtin, `1<<bits`
// opens a heredoc).
const S = '[ \\t\\r\\n\\f\\v]';
const NS = '[^ \\t\\r\\n\\f\\v]';
const re = (source: string, flags = '') => new RegExp(source, flags);
const alternatives = (words: string) => words.trim().split(/\s+/).join('|');

// Rouge 3.30's word lists (`defined\?` and `const_defined\?` keep their escaped question mark).
const KEYWORDS =
  alternatives(`BEGIN END alias begin break case defined\\? do else elsif end ensure for if in next
redo rescue raise retry return super then undef unless until when while yield`);
const KEYWORDS_PSEUDO = alternatives(`loop include extend raise alias_method attr catch throw private
module_function public protected true false nil __FILE__ __LINE__`);
const BUILTINS_G = alternatives(`attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit
autoload binding callcc caller catch chomp chop class_eval class_variables clone const_defined\\? const_get
const_missing const_set constants display dup eval exec exit extend fail fork format freeze getc gets
global_variables gsub hash id included_modules inspect instance_eval instance_method instance_methods
instance_variable_get instance_variable_set instance_variables lambda load local_variables loop method
method_missing methods module_eval name object_id open p print printf private_class_method
private_instance_methods private_methods proc protected_instance_methods protected_methods public_class_method
public_instance_methods public_methods putc puts raise rand readline readlines require require_relative scan
select self send set_trace_func singleton_methods sleep split sprintf srand sub syscall system taint test throw
to_a to_s trace_var trap untaint untrace_var warn`);
const BUILTINS_Q = alternatives(`autoload block_given const_defined eql equal frozen include instance_of is_a
iterator kind_of method_defined nil private_method_defined protected_method_defined public_method_defined
respond_to tainted`);
const BUILTINS_B = alternatives('chomp chop exit gsub sub');

/** Rouge's `goto`: replace the top of the stack. */
const goto = (state: string) => ['#pop', state];

const inlineWhitespace: LexerRule[] = [{ pattern: /[ \t\r]+/, kind: '' }];

const whitespace: LexerRule[] = [
  ...inlineWhitespace,
  { pattern: re(`\\n${S}*`), kind: '', next: 'expr_start' },
  { pattern: /#[^\n]*$/m, kind: 'c1' },
  { pattern: /=begin\b[\s\S]*?\n=end\b/, kind: 'cm' },
];

const symbols: LexerRule[] = [
  { pattern: /:@{0,2}[a-z_]\w*[!?]?/i, kind: 'ss' },
  { pattern: /:(?:\*\*|[-+]@|[/%&|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)/, kind: 'ss' },
  { pattern: /:'(?:\\\\|\\'|[^'])*'/, kind: 'ss' },
  { pattern: /:"/, kind: 'ss', next: 'simple_sym' },
];

const stringInterpolation: LexerRule[] = [
  { pattern: /#\{/, kind: 'si', next: 'in_interp' },
  { pattern: /#(@@?|\$)[a-z_]\w*/i, kind: 'si' },
];

const stringInterpolationEscaped: LexerRule[] = [
  ...stringInterpolation,
  { pattern: /\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})/, kind: 'se' },
  { pattern: /\\[^\n]/, kind: 'se' },
];

const SIGIL_CLOSERS: Record<string, string> = { '{': '}', '[': ']', '(': ')', '<': '>' };
const escapeForClass = (c: string) => c.replace(/[\\\]^-]/g, '\\$&');
const escapeForPattern = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** The states made for each `%q(...)`-style delimiter, kept because each is made once. */
const sigilStates = new Map<string, LexerRule[]>();

/**
 * Rouge's state for the inside of a `%`-literal: escapes of the delimiters, nesting when the
 * delimiters differ, interpolation for the `%r %Q %W %x %I` kinds, and everything else as text.
 */
function sigilState(name: string): LexerRule[] | undefined {
  const known = sigilStates.get(name);
  if (known) return known;
  const [prefix, open = '', close = '', interp, kind = 'sx'] = name.split('\u0000');
  if (prefix !== 'sigil') return undefined;
  const delimiters = open === close ? escapeForClass(open) : escapeForClass(open) + escapeForClass(close);
  const rules: LexerRule[] = [{ pattern: re(`\\\\[#${delimiters}\\\\]`), kind: 'se' }];
  if (open !== close) rules.push({ pattern: re(escapeForPattern(open)), kind, next: '#push' });
  rules.push({ pattern: re(escapeForPattern(close)), kind, next: '#pop' });
  if (interp === '1') rules.push(...stringInterpolationEscaped, { pattern: /#/, kind });
  else rules.push({ pattern: /[\\#]/, kind });
  rules.push({ pattern: re(`[^#${delimiters}\\\\]+`), kind });
  sigilStates.set(name, rules);
  return rules;
}

const sigilStrings: LexerRule[] = [
  {
    pattern: re(`%([rqswQWxiI])?([^\\w ${'\\t\\r\\n\\f\\v'}])`),
    kind: (m, push) => {
      const open = m[2] ?? '';
      const close = SIGIL_CLOSERS[open] ?? open;
      const interp = /[rQWxI]/.test(m[1] ?? '') ? '1' : '0';
      const kind = m[1] === 'r' ? 'sr' : 'sx';
      if (m[1] === 'r') push('regex_flags');
      push(['sigil', open, close, interp, kind].join('\u0000'));
      return [[kind, m[0]]];
    },
  },
];

const strings: LexerRule[] = [
  ...symbols,
  { pattern: re(`[a-z_]\\w*?[?!]?:${S}+`), kind: 'ss', next: 'expr_start' },
  { pattern: /'(?:\\\\|\\'|[^'])*'/, kind: 's1' },
  { pattern: /"/, kind: 's2', next: 'simple_string' },
  { pattern: /`/, kind: 'sb', next: 'simple_backtick' },
];

interface PendingHeredoc {
  tolerant: boolean;
  name: string;
}

/** The heredocs opened on the current line, in order: their bodies start on the next line. */
function heredocQueue(run: LexerRun): PendingHeredoc[] {
  run.memory.rubyHeredocs ??= [];
  return run.memory.rubyHeredocs as PendingHeredoc[];
}

function openHeredoc(m: RegExpExecArray, run: LexerRun, name: string): Token[] {
  const operator = m[1] ?? '';
  heredocQueue(run).push({ tolerant: operator === '<<-' || operator === '<<~', name });
  if (run.stack[run.stack.length - 1] !== 'heredoc_queue') run.stack.push('heredoc_queue');
  return [
    ['o', operator],
    ['no', m.slice(2).join('')],
  ];
}

const hasHeredocs: LexerRule[] = [
  {
    pattern: /(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2)/,
    kind: (m, _push, _sub, run) => openHeredoc(m, run, m[3] ?? ''),
  },
  { pattern: /(<<[-~]?)(["'])(\2)/, kind: (m, _push, _sub, run) => openHeredoc(m, run, '') },
];

const root: LexerRule[] = [
  ...whitespace,
  { pattern: /__END__/, kind: 'cp', next: 'end_part' },
  { pattern: /0_?[0-7]+(?:_[0-7]+)*/, kind: 'mo' },
  { pattern: /0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*/, kind: 'mh' },
  { pattern: /0b[01]+(?:_[01]+)*/, kind: 'mb' },
  { pattern: /\d+(?:_\d+)*(?:\.\d+(?:_\d+)*(?:[eE][+-]?\d+)?|[eE][+-]?\d+)/, kind: 'mf' },
  { pattern: /\d+(?:_\d+)*/, kind: 'mi' },
  { pattern: /@@[a-z_]\w*/i, kind: 'vc' },
  { pattern: /@[a-z_]\w*/i, kind: 'vi' },
  { pattern: /\$\w+/, kind: 'vg' },
  { pattern: /\$[!@&`'+~=/\\,;.<>_*$?:"]/, kind: 'vg' },
  { pattern: /\$-[0adFiIlpvw]/, kind: 'vg' },
  { pattern: /::/, kind: 'o' },
  ...strings,
  { pattern: re(`(?:${KEYWORDS})(?=\\W|$)`), kind: 'k', next: 'expr_start' },
  { pattern: re(`(?:${KEYWORDS_PSEUDO})\\b`), kind: 'kp', next: 'expr_start' },
  {
    pattern: re(`(module)(${S}+)([a-zA-Z_][a-zA-Z0-9_]*(?:::[a-zA-Z_][a-zA-Z0-9_]*)*)`),
    kind: ['k', '', 'nn'],
  },
  { pattern: re(`(def\\b)(${S}*)`), kind: ['k', ''], next: 'funcname' },
  { pattern: re(`(class\\b)(${S}*)`), kind: ['k', ''], next: 'classname' },
  { pattern: re(`(?:${BUILTINS_Q})[?]`), kind: 'nb', next: 'expr_start' },
  { pattern: re(`(?:${BUILTINS_B})!`), kind: 'nb', next: 'expr_start' },
  { pattern: re(`(?:${BUILTINS_G})\\b`), kind: 'nb', next: 'method_call' },
  ...hasHeredocs,
  // `..` and `...` before `.`, which starts a method call.
  { pattern: /\.{2,3}/, kind: 'o', next: 'expr_start' },
  { pattern: /[A-Z][a-zA-Z0-9_]*/, kind: 'no', next: 'method_call' },
  {
    pattern: re(`(\\.|::)(${S}*)([a-z_]\\w*[!?]?|[*%&^\`~+-/[<>=])`),
    kind: ['p', '', 'nf'],
    next: 'method_call',
  },
  { pattern: /[a-zA-Z_]\w*[?!]/, kind: 'n', next: 'expr_start' },
  { pattern: /[a-zA-Z_]\w*/, kind: 'n', next: 'method_call' },
  { pattern: /\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\./, kind: 'o', next: 'expr_start' },
  { pattern: /[-+/*%=<>&!^|~]=?/, kind: 'o', next: 'expr_start' },
  { pattern: /[?]/, kind: 'p', next: ['ternary', 'expr_start'] },
  { pattern: /[[({,:\\;/]/, kind: 'p', next: 'expr_start' },
  { pattern: /[\])}]/, kind: 'p' },
];

/** Whether `line` ends the first pending heredoc; the queue and stack move as Rouge's do. */
function heredocLine(m: RegExpExecArray, run: LexerRun): Token[] {
  const queue = heredocQueue(run);
  const first = queue[0];
  const line = m[0];
  const check = first?.tolerant ? line.replace(/^[ \t\r\n\f\v\0]+|[ \t\r\n\f\v\0]+$/g, '') : line.trimEnd();
  let kind = 'sh';
  if (first && check === first.name) {
    queue.shift();
    if (queue.length === 0) run.stack.pop();
    kind = 'no';
  }
  run.stack.pop();
  return [[kind, line]];
}

const pop: LexerRule = { pattern: /(?:)/, kind: '', next: '#pop' };

/** Ruby as Rouge 3.30 lexes it, state for state. */
export const rubyLexer: LexerDefinition = {
  dynamicState: sigilState,
  states: {
    root,
    regex_flags: [{ pattern: /[mixounse]*/, kind: 'sr', next: '#pop' }],
    simple_string: [
      ...stringInterpolationEscaped,
      { pattern: /[^\\"#]+/, kind: 's2' },
      { pattern: /[\\#]/, kind: 's2' },
      { pattern: /"/, kind: 's2', next: '#pop' },
    ],
    simple_sym: [
      ...stringInterpolationEscaped,
      { pattern: /[^\\"#]+/, kind: 'ss' },
      { pattern: /[\\#]/, kind: 'ss' },
      { pattern: /"/, kind: 'ss', next: '#pop' },
    ],
    simple_backtick: [
      ...stringInterpolationEscaped,
      { pattern: /[^\\`#]+/, kind: 'sb' },
      { pattern: /[\\#]/, kind: 'sb' },
      { pattern: /`/, kind: 'sb', next: '#pop' },
    ],
    heredoc_queue: [{ pattern: /(?=\n)/, kind: '', next: goto('resolve_heredocs') }, ...root],
    resolve_heredocs: [
      ...stringInterpolationEscaped,
      { pattern: /\n/, kind: 'sh', next: 'test_heredoc' },
      { pattern: /[#\\\n]/, kind: 'sh' },
      { pattern: /[^#\\\n]+/, kind: 'sh' },
    ],
    test_heredoc: [{ pattern: /[^#\\\n]*$/m, kind: (m, _push, _sub, run) => heredocLine(m, run) }, pop],
    funcname: [
      { pattern: re(`${S}+`), kind: '' },
      { pattern: /\(/, kind: 'p', next: 'defexpr' },
      {
        pattern:
          /(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&|^`~]|\[\]=?|<<?|>>?|<=>?|>=|===?)/,
        kind: ['nc', 'o', 'nf'],
        next: '#pop',
      },
      pop,
    ],
    classname: [
      { pattern: re(`${S}+`), kind: '' },
      { pattern: /\w+(?:::\w+)+/, kind: 'nc' },
      { pattern: /\(/, kind: 'p', next: ['defexpr', 'expr_start'] },
      { pattern: /<</, kind: 'o', next: goto('expr_start') },
      { pattern: /[A-Z_]\w*/, kind: 'nc', next: '#pop' },
      pop,
    ],
    ternary: [
      { pattern: re(`(:)(${S}+)`), kind: ['p', ''], next: goto('expr_start') },
      { pattern: /:(?![^#\n]*?[:\\])/, kind: 'p', next: goto('expr_start') },
      ...root,
    ],
    defexpr: [
      { pattern: /(\))(\.|::)?/, kind: ['p', 'o'], next: '#pop' },
      { pattern: /\(/, kind: 'p', next: ['defexpr', 'expr_start'] },
      ...root,
    ],
    in_interp: [{ pattern: /\}/, kind: 'si', next: '#pop' }, ...root],
    method_call: [
      { pattern: /\/|%/, kind: 'o', next: goto('expr_start') },
      { pattern: /(?=\n)/, kind: '', next: '#pop' },
      { pattern: /(?:)/, kind: '', next: goto('method_call_spaced') },
    ],
    method_call_spaced: [
      ...whitespace,
      { pattern: /[%/]=/, kind: 'o', next: goto('expr_start') },
      { pattern: re(`(/)(?=${NS}|${S}*/)`), kind: 'sr', next: goto('slash_regex') },
      ...sigilStrings,
      { pattern: re(`(?=${S}*/)`), kind: '', next: '#pop' },
      { pattern: re(`${S}+`), kind: '', next: goto('expr_start') },
      pop,
    ],
    expr_start: [
      ...inlineWhitespace,
      { pattern: /\//, kind: 'sr', next: goto('slash_regex') },
      // `?x` is the one-character string "x", unless a word character follows.
      {
        pattern: re(
          `[?](?:\\\\[MC]-)*(?:\\\\(?:[\\\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|${NS})(?!\\w)`,
        ),
        kind: 'sc',
        next: '#pop',
      },
      // A `%` literal delimited by a space ends at the next space on the same line.
      { pattern: re(`(${S}*)(%[rqswQWxiI]? ${NS}* )`), kind: ['', 'sx'], next: '#pop' },
      ...sigilStrings,
      pop,
    ],
    slash_regex: [
      ...stringInterpolation,
      { pattern: /\\\\/, kind: 'sr' },
      { pattern: /\\\//, kind: 'sr' },
      { pattern: /[\\#]/, kind: 'sr' },
      { pattern: /[^\\/#]+/, kind: 'sr' },
      { pattern: /\//, kind: 'sr', next: goto('regex_flags') },
    ],
    end_part: [{ pattern: /[\s\S]+/, kind: 'cp', next: '#pop' }],
  },
};

import type { LexerDefinition, LexerRule, Token } from '../regex-lexer.js';
import { htmlLexer } from './html.js';

const ID = '[\\p{L}_][\\p{L}\\p{N}_]*';

// Ruby's `\s`: ASCII white space only (a no-break space in code is not white space to Rouge).
const S = '[ \\t\\r\\n\\f\\v]';
const NS = `(?:${ID}\\\\)+`;
const ID_NS = `(?:${NS})?${ID}`;

// Rouge 3.30's PHP keyword list (the one the corpus was highlighted with).
const KEYWORDS = new Set(
  `old_function cfunction __class__ __dir__ __file__ __function__ __halt_compiler __line__ __method__
__namespace__ __trait__ abstract and array as break case catch clone continue declare default die do echo else
elseif empty enddeclare endfor endforeach endif endswitch endwhile eval exit extends final finally fn for foreach
global goto if implements include include_once instanceof insteadof isset list match new or parent print private
protected public readonly require require_once return self static switch throw try unset var while xor yield`.split(
    /\s+/,
  ),
);

const re = (source: string, flags = 'u') => new RegExp(source, flags);

// A subset of Rouge's php/keywords.rb builtins (100 KB in full): the ones the docs call.
const BUILTINS = new Set(
  `array_filter array_map array_merge array_keys array_values array_key_exists array_search array_slice array_splice
array_push array_pop array_shift array_unshift array_unique array_reverse array_combine array_flip array_walk
array_reduce array_diff array_intersect base64_decode base64_encode basename call_user_func call_user_func_array
class_exists count date define defined dirname explode file_exists file_get_contents file_put_contents fopen fclose
fwrite fread function_exists get_class get_object_vars gettype header htmlspecialchars implode in_array intval
is_array is_bool is_callable is_dir is_file is_int is_null is_numeric is_object is_string json_decode json_encode
ksort lcfirst ltrim max md5 method_exists microtime min mkdir number_format ob_start ob_get_clean preg_match
preg_match_all preg_replace preg_split print_r property_exists rand realpath rmdir rtrim serialize sha1 sort
sprintf str_pad str_repeat str_replace strlen strpos strrpos strtolower strtotime strtoupper substr time trim
ucfirst ucwords uniqid unlink unserialize urlencode usort var_dump var_export getenv`.split(/\s+/),
);

/** A name called as a function: a keyword (`isset(`), a builtin, or a function name. */
function calledName(m: RegExpExecArray): Token[] {
  const lower = m[0].toLowerCase();
  const kind = KEYWORDS.has(lower) ? 'k' : BUILTINS.has(lower) ? 'nb' : 'nf';
  return [[kind, m[0]]];
}

/**
 * Any other name, classified by its spelling as Rouge does; `use`, `const`, `catch` and the
 * visibility keywords open the state that reads what follows them.
 */
function name(m: RegExpExecArray, push: (state: string) => void): Token[] {
  const text = m[0];
  const lower = text.toLowerCase();
  let kind = 'n';
  if (lower === 'use') {
    push('in_use');
    kind = 'kn';
  } else if (lower === 'const') {
    push('in_const');
    kind = 'k';
  } else if (lower === 'catch') {
    push('in_catch');
    kind = 'k';
  } else if (lower === 'public' || lower === 'protected' || lower === 'private') {
    push('in_visibility');
    kind = 'k';
  } else if (KEYWORDS.has(lower)) kind = 'k';
  else if (/^__.*?__$/u.test(text)) kind = 'nb';
  else if (/^(E|PHP)(_\p{Lu}+)+$/u.test(text)) kind = 'kc';
  else if (/(\\|^)\p{Lu}[\p{Lu}\p{Nd}_]+$/u.test(text)) kind = 'no';
  else if (/(\\|^)\p{Lu}[\p{L}\p{N}]*?$/u.test(text)) kind = 'nc';
  return [[kind, text]];
}

const closeTag: LexerRule[] = [{ pattern: /\?>/, kind: 'cp', next: ['#pop:99', 'template'] }];
const pop: LexerRule[] = [{ pattern: /(?:)/, kind: '', next: '#pop' }];

const whitespace: LexerRule[] = [
  { pattern: re(`${S}+`), kind: '' },
  { pattern: /#.*?$/m, kind: 'c1' },
  { pattern: /\/\/.*?$/m, kind: 'c1' },
  { pattern: /\/\*\*(?!\/)[\s\S]*?\*\//, kind: 'cd' },
  { pattern: /\/\*[\s\S]*?\*\//, kind: 'cm' },
];

const variables: LexerRule[] = [
  { pattern: re(`\\$\\{\\$+${ID}\\}`), kind: 'nv' },
  { pattern: re(`\\$+${ID}`), kind: 'nv' },
];

const values: LexerRule[] = [
  { pattern: re(`<<<(["']?)(${ID})\\1\\n[\\s\\S]*?\\n${S}*\\2;?`, 'iu'), kind: 'sh' },
  // Rouge's float pattern also matches a lone `.`, so concatenation dots come out as numbers.
  { pattern: /(\d[_\d]*)?\.(\d[_\d]*)?([eE][+-]?\d[_\d]*)?/, kind: 'mf' },
  { pattern: /0[0-7][0-7_]*/, kind: 'mo' },
  { pattern: /0b[01][01_]*/i, kind: 'mb' },
  { pattern: /0x[a-f0-9][a-f0-9_]*/i, kind: 'mh' },
  { pattern: /\d[_\d]*/, kind: 'mi' },
  { pattern: /'([^'\\]*(?:\\.[^'\\]*)*)'/, kind: 's1' },
  { pattern: /`([^`\\]*(?:\\.[^`\\]*)*)`/, kind: 'sb' },
  { pattern: /"/, kind: 's2', next: 'string' },
  {
    pattern: /(function|fn)\b/i,
    kind: 'k',
    next: ['in_function_return', 'in_function_params', 'in_function_name'],
  },
  { pattern: /(true|false|null)\b/i, kind: 'kc' },
  { pattern: /new\b/i, kind: 'k', next: 'in_new' },
];

const names: LexerRule[] = [
  { pattern: re(`${ID_NS}(?=${S}*\\()`), kind: calledName },
  { pattern: re(ID_NS), kind: name },
];

const operators: LexerRule[] = [{ pattern: /[~!%^&*+|:.<>/@-]+/, kind: 'o' }];

const php: LexerRule[] = [
  ...closeTag,
  ...whitespace,
  ...variables,
  ...values,
  { pattern: re(`(namespace)(${S}+)(${ID_NS})`, 'iu'), kind: ['kn', '', 'nn'] },
  {
    pattern: re(`(class|interface|trait|extends|implements)(${S}+)(${ID_NS})`, 'iu'),
    kind: ['kd', '', 'nc'],
  },
  ...names,
  { pattern: /[;,(){}[\]]/, kind: 'p' },
  ...operators,
  { pattern: /[=?]/, kind: 'o' },
];

const inAssign: LexerRule[] = [
  { pattern: /,/, kind: 'p', next: '#pop' },
  { pattern: /[[\]]/, kind: 'p' },
  { pattern: /\(/, kind: 'p', next: 'in_assign_function' },
  ...closeTag,
  ...whitespace,
  ...values,
  ...variables,
  ...names,
  ...operators,
  ...pop,
];

/** Rouge 3.30's PHP states below `php`, ported rule for rule. */
const phpStates: Record<string, LexerRule[]> = {
  php,
  in_assign: inAssign,
  in_assign_function: [{ pattern: /\)/, kind: 'p', next: '#pop' }, { pattern: /,/, kind: 'p' }, ...inAssign],
  in_catch: [
    { pattern: /\(/, kind: 'p' },
    { pattern: /\|/, kind: 'o' },
    { pattern: re(ID), kind: 'nc' },
    ...closeTag,
    ...whitespace,
    ...pop,
  ],
  in_const: [
    { pattern: re(ID), kind: 'no' },
    { pattern: /=/, kind: 'o', next: 'in_assign' },
    ...closeTag,
    ...whitespace,
    ...pop,
  ],
  in_function_body: [
    { pattern: /\{/, kind: 'p', next: '#push' },
    { pattern: /\}/, kind: 'p', next: '#pop' },
    ...php,
  ],
  in_function_name: [
    { pattern: /&/, kind: 'o' },
    { pattern: re(ID), kind: 'n' },
    { pattern: /\(/, kind: 'p', next: '#pop' },
    ...closeTag,
    ...whitespace,
    ...pop,
  ],
  in_function_params: [
    { pattern: /\)/, kind: 'p', next: '#pop' },
    { pattern: /,/, kind: 'p' },
    { pattern: /[.]{3}/, kind: 'p' },
    { pattern: /=/, kind: 'o', next: 'in_assign' },
    { pattern: /\b(?:public|protected|private|readonly)\b/i, kind: 'k' },
    { pattern: re(`\\??${ID}`), kind: 'kt', next: 'in_assign' },
    ...closeTag,
    ...whitespace,
    ...variables,
    ...pop,
  ],
  in_function_return: [
    { pattern: /:/, kind: 'p' },
    { pattern: /use\b/i, kind: 'k', next: 'in_function_use' },
    { pattern: re(`\\??${ID}`), kind: 'kt', next: 'in_assign' },
    { pattern: /\{/, kind: 'p', next: ['#pop', 'in_function_body'] },
    ...closeTag,
    ...whitespace,
    ...pop,
  ],
  in_function_use: [
    { pattern: /[,(]/, kind: 'p' },
    { pattern: /&/, kind: 'o' },
    { pattern: /\)/, kind: 'p', next: '#pop' },
    ...closeTag,
    ...whitespace,
    ...variables,
    ...pop,
  ],
  in_new: [
    { pattern: /class\b/i, kind: 'kd', next: ['#pop', 'in_new_class'] },
    { pattern: re(ID_NS), kind: 'nc', next: '#pop' },
    ...closeTag,
    ...whitespace,
    ...pop,
  ],
  in_new_class: [{ pattern: /\}/, kind: 'p', next: '#pop' }, { pattern: /\{/, kind: 'p' }, ...php],
  in_use: [
    { pattern: /[,}]/, kind: 'p' },
    { pattern: /(function|const)\b/i, kind: 'k' },
    { pattern: re(`(${NS})(\\{)`), kind: ['nn', 'p'] },
    { pattern: re(`${ID_NS}(_${ID})+`), kind: 'nf' },
    ...closeTag,
    ...whitespace,
    ...names,
    ...pop,
  ],
  in_visibility: [
    { pattern: /\b(?:readonly|static)\b/i, kind: 'k' },
    { pattern: /(?=(abstract|const|function)\b)/i, kind: 'k', next: '#pop' },
    { pattern: re(`\\??${ID}`), kind: 'kt', next: '#pop' },
    ...closeTag,
    ...whitespace,
    ...pop,
  ],
};

/**
 * PHP as Rouge lexes it. Without `<?php` the code is taken as PHP from the start (Jekyll pages
 * use `php?start_inline=1` or omit the opening tag); text before `<?php` is kept as it is.
 */
export const phpLexer: LexerDefinition = {
  states: {
    root: [
      { pattern: /\s*(?=<)/, kind: '', next: 'template' },
      { pattern: /[^$]+(?=<\?(php|=))/i, kind: (m, _push, sub) => sub(htmlLexer, m[0]), next: 'template' },
      { pattern: /(?:)/, kind: '', next: ['template', 'php'] },
    ],
    template: [
      { pattern: /<\?(php|=)?/i, kind: 'cp', next: 'php' },
      // Outside `<?php ... ?>` the text is HTML, as Rouge delegates it.
      { pattern: /[\s\S]+?(?=<\?)|[\s\S]+/, kind: (m, _push, sub) => sub(htmlLexer, m[0]) },
    ],
    ...phpStates,
    string: [
      { pattern: /"/, kind: 's2', next: '#pop' },
      { pattern: /[^\\{$"]+/, kind: 's2' },
      { pattern: /\\u\{[0-9a-fA-F]+\}/, kind: 'se' },
      { pattern: /\\([efrntv"$\\]|[0-7]{1,3}|[xX][0-9A-Fa-f]{1,2})/, kind: 'se' },
      { pattern: re(`\\$${ID}(\\[\\S+\\]|->${ID})?`), kind: 'nv' },
      { pattern: /\{\$\{/, kind: 'si', next: 'interp_double' },
      { pattern: /\{(?=\$)/, kind: 'si', next: 'interp_single' },
      { pattern: /(\{)(\S+)(\})/, kind: ['si', 'nv', 'si'] },
      { pattern: /[${\\]+/, kind: 's2' },
    ],
    interp_double: [{ pattern: /\}\}/, kind: 'si', next: '#pop' }, ...php],
    interp_single: [{ pattern: /\}/, kind: 'si', next: '#pop' }, ...php],
  },
};

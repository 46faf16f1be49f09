import type { LexerDefinition, LexerRule, Token } from '../regex-lexer.js';
import { htmlLexer } from './html.js';

const ID = '[\\p{L}_][\\p{L}\\p{N}_]*';
const NSID = `${ID}(?:\\\\${ID})*`;
const LNUM = '\\d+(?:_\\d+)*';
const DNUM = `(?:(?:${LNUM}?\\.${LNUM})|(?:${LNUM}\\.${LNUM}?))`;

const KEYWORDS = new Set(
  `and e_parse old_function e_error or as e_warning parent eval php_os break exit case extends php_version
cfunction false print for require continue foreach require_once declare return default static do switch die
stdclass echo else true elseif var empty if xor enddeclare include virtual endfor include_once while endforeach
global __file__ endif list __line__ endswitch new __sleep endwhile not array __wakeup e_all null final
php_user_filter interface implements public private protected abstract clone try catch finally throw this use
namespace yield fn callable insteadof trait __trait__ goto __namespace__ __dir__ instanceof __class__
__function__ __method__ __halt_compiler class self`.split(/\s+/),
);

const re = (source: string, flags = 'u') => new RegExp(source, flags);

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
ucfirst ucwords uniqid unlink unserialize urlencode usort var_dump var_export`.split(/\s+/),
);

/** A bare name, classified by what follows it (a call, `::`) and its spelling. */
function word(m: RegExpExecArray): Token[] {
  const [, name = '', space = '', next = ''] = m;
  const lower = name.toLowerCase();
  let kind = 'n';
  if (/^(true|false|null)$/.test(lower)) kind = 'kc';
  else if (KEYWORDS.has(lower)) kind = 'k';
  else if (next === '(') kind = BUILTINS.has(lower) ? 'nb' : 'nf';
  else if (next === '::') kind = 'nc';
  else if (/^\s+$/.test(space) && m.input[m.index + m[0].length] === '$') kind = 'kt';
  else if (/^[A-Z_][A-Z0-9_]*$/.test(name)) kind = 'no';
  else if (name.includes('\\')) kind = 'nc';
  return [
    [kind, name],
    ['', space],
  ];
}

/** A member after `->` or `::`: a call, a constant or a property. */
function member(m: RegExpExecArray): Token[] {
  const [, op = '', space = '', name = '', next = ''] = m;
  let kind = 'n';
  if (next.trim() === '(') kind = BUILTINS.has(name.toLowerCase()) ? 'nb' : 'nf';
  else if (/^[A-Z_][A-Z0-9_]*$/.test(name)) kind = 'no';
  return [
    ['o', op],
    ['', space],
    [kind, name],
  ];
}

const php: LexerRule[] = [
  { pattern: /\?>/, kind: 'cp', next: '#pop' },
  { pattern: re(`<<<(["']?)(${ID})\\1\\n[\\s\\S]*?\\n\\s*\\2;?`, 'iu'), kind: 'sh' },
  { pattern: /\s+/, kind: '' },
  { pattern: /#.*$/m, kind: 'c1' },
  { pattern: /\/\/.*$/m, kind: 'c1' },
  { pattern: /\/\*\*(?!\/)[\s\S]*?\*\//, kind: 'cd' },
  { pattern: /\/\*[\s\S]*?\*\//, kind: 'cm' },
  { pattern: re(`(->|::)(\\s*)(${ID})(?=(\\s*\\()?)`), kind: member },
  { pattern: re(`(?:(?:${LNUM}|${DNUM})[eE][+-]?${LNUM})`), kind: 'mf' },
  // Rouge 3.30 takes any run of dots (with digits) as a number: `.` concatenation, `...`.
  { pattern: /\d*\.[\d.]*/, kind: 'mf' },
  { pattern: /[~!%^&*+=|:<>/?@-]+/, kind: 'o' },
  { pattern: /[[\]{}();,]/, kind: 'p' },
  { pattern: re(`(class|interface|trait)(\\s+)(${NSID})`), kind: ['kd', '', 'nc'] },
  { pattern: /(new|extends|instanceof)\b/i, kind: 'k', next: 'classname' },
  { pattern: /implements\b/i, kind: 'kd', next: 'classname' },
  {
    pattern: re(`(use)(\\s+)(function|const|)(\\s*)(\\\\?)(${NSID})`),
    kind: ['kn', '', 'kn', '', 'err', 'nc'],
    next: 'use',
  },
  { pattern: re(`(namespace)(\\s+)(${NSID})`), kind: ['kn', '', 'nn'] },
  { pattern: /(function)(\s*)(?=\()/, kind: ['k', ''] },
  { pattern: re(`(function)(\\s+)(&?)(\\s*)(${ID})`), kind: ['k', '', 'o', '', 'n'] },
  { pattern: re(`(const)(\\s+)(${ID})`, 'iu'), kind: ['k', '', 'no'] },
  { pattern: /(?:void|\??(?:int|float|bool|string|iterable))\b/i, kind: 'kt' },
  { pattern: /\??(?:self|callable)\b/i, kind: 'kt' },
  { pattern: re(`\\$\\{\\$+${ID}\\}`, 'iu'), kind: 'nv' },
  { pattern: re(`\\$+${ID}`, 'iu'), kind: 'nv' },
  { pattern: /(yield)([ \n\r\t]+)(from)/i, kind: ['k', '', 'k'] },
  { pattern: re(`(${NSID})(\\s*)(?=(\\(|::)?)`, 'iu'), kind: word },
  { pattern: /0[0-7]+(?:_[0-7]+)*/, kind: 'mo' },
  { pattern: /0[bB][01]+(?:_[01]+)*/, kind: 'mb' },
  { pattern: /0x[a-f0-9]+(?:_[a-f0-9]+)*/i, kind: 'mh' },
  { pattern: re(LNUM), kind: 'mi' },
  { pattern: /'([^'\\]*(?:\\.[^'\\]*)*)'/, kind: 's1' },
  { pattern: /`([^`\\]*(?:\\.[^`\\]*)*)`/, kind: 'sb' },
  { pattern: /"/, kind: 's2', next: 'string' },
];

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
    php,
    use: [
      { pattern: re(`(\\s+)(as)(\\s+)(${ID})`), kind: ['', 'k', '', 'n'], next: '#pop' },
      { pattern: /\\\{/, kind: 'o', next: 'uselist' },
      { pattern: /;/, kind: 'p', next: '#pop' },
    ],
    uselist: [
      { pattern: /\s+/, kind: '' },
      { pattern: /,/, kind: 'o' },
      { pattern: /\}/, kind: 'o', next: '#pop' },
      { pattern: re(`(as)(\\s+)(${ID})`), kind: ['k', '', 'n'] },
      { pattern: re(ID), kind: 'nn' },
    ],
    classname: [
      { pattern: /\s+/, kind: '' },
      { pattern: /\\/, kind: 'err' },
      { pattern: /[A-Z][A-Za-z0-9]*(?:\\[A-Z][A-Za-z0-9]*)*(?![\w\\])/, kind: 'nc', next: '#pop' },
      { pattern: re(NSID), kind: 'n', next: '#pop' },
      { pattern: /(?:)/, kind: '', next: '#pop' },
    ],
    string: [
      { pattern: /"/, kind: 's2', next: '#pop' },
      { pattern: /[^\\{$"]+/, kind: 's2' },
      { pattern: /\\u\{[0-9a-fA-F]+\}/, kind: 'se' },
      { pattern: /\\([efrntv"$\\]|[0-7]{1,3}|x[0-9A-Fa-f]{1,2})/, kind: 'se' },
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

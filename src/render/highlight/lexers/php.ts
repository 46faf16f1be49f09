import type { LexerDefinition, LexerRule, Token } from '../regex-lexer.js';

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

function word(m: RegExpExecArray): Token[] {
  const name = m[0].toLowerCase();
  return [[KEYWORDS.has(name) ? 'k' : 'nx', m[0]]];
}

const php: LexerRule[] = [
  { pattern: /\?>/, kind: 'cp', next: '#pop' },
  { pattern: re(`<<<(["']?)(${ID})\\1\\n[\\s\\S]*?\\n\\s*\\2;?`, 'iu'), kind: 'sh' },
  { pattern: /\s+/, kind: '' },
  { pattern: /#.*$/m, kind: 'c1' },
  { pattern: /\/\/.*$/m, kind: 'c1' },
  { pattern: /\/\*\*(?!\/)[\s\S]*?\*\//, kind: 'cd' },
  { pattern: /\/\*[\s\S]*?\*\//, kind: 'cm' },
  { pattern: re(`(->|::)(\\s*)(${ID})`), kind: ['o', '', 'na'] },
  { pattern: /[~!%^&*+=|:.<>/?@-]+/, kind: 'o' },
  { pattern: /[[\]{}();,]/, kind: 'p' },
  { pattern: re(`(class|interface|trait)(\\s+)(${NSID})`), kind: ['kd', '', 'nc'] },
  {
    pattern: re(`(use)(\\s+)(function|const|)(\\s*)(${NSID})`),
    kind: ['kn', '', 'kn', '', 'nn'],
    next: 'use',
  },
  { pattern: re(`(namespace)(\\s+)(${NSID})`), kind: ['kn', '', 'nn'] },
  { pattern: /(function)(\s*)(?=\()/, kind: ['k', ''] },
  { pattern: /(function)(\s+)(&?)(\s*)/, kind: ['k', '', 'o', ''], next: 'funcname' },
  { pattern: re(`(const)(\\s+)(${ID})`, 'iu'), kind: ['k', '', 'no'] },
  { pattern: /(true|false|null)\b/, kind: 'kc' },
  { pattern: /(?:void|\??(?:int|float|bool|string|iterable))\b/i, kind: 'kt' },
  { pattern: /\??(?:self|callable)\b/i, kind: 'kt' },
  { pattern: re(`\\$\\{\\$+${ID}\\}`, 'iu'), kind: 'nv' },
  { pattern: re(`\\$+${ID}`, 'iu'), kind: 'nv' },
  { pattern: /(yield)([ \n\r\t]+)(from)/i, kind: ['k', '', 'k'] },
  { pattern: re(NSID, 'iu'), kind: word },
  { pattern: re(`(?:(?:${LNUM}|${DNUM})[eE][+-]?${LNUM})`), kind: 'mf' },
  { pattern: re(DNUM), kind: 'mf' },
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
      { pattern: /[^$]+(?=<\?(php|=))/i, kind: '', next: 'template' },
      { pattern: /(?:)/, kind: '', next: ['template', 'php'] },
    ],
    template: [
      { pattern: /<\?(php|=)?/i, kind: 'cp', next: 'php' },
      { pattern: /[\s\S]+?(?=<\?)|[\s\S]+/, kind: '' },
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
    funcname: [{ pattern: re(ID), kind: 'nf', next: '#pop' }],
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

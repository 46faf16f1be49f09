import type { LexerDefinition, Token } from '../regex-lexer.js';

const KEYWORDS = new Set(
  `absolute action add after all allocate alter and any are as asc assertion at authorization avg before begin
between bigint binary bit blob boolean both by call cascade cascaded case cast catalog char character check clob
close coalesce collate collation column commit condition connect connection constraint constraints continue convert
corresponding count create cross current current_date current_time current_timestamp current_user cursor database
date day deallocate dec decimal declare default deferrable deferred delete desc describe descriptor diagnostics
disconnect distinct do domain double drop else end engine escape except exception exec execute exists external
extract false fetch first float for foreign found from full function get global go goto grant group having hour
identity if immediate in index indicator initially inner inout input insensitive insert int integer intersect
interval into is isolation join key language last leading left level like limit local lower match max min minute
module month names national natural nchar next no not null nullif numeric of on only open option or order outer
output overlaps pad partial position precision prepare preserve primary prior privileges procedure public read real
references relative replace restrict revoke right rollback rows schema scroll second section select session
session_user set show size smallint some space sql sqlcode sqlerror sqlstate substring sum system_user table
table_name temporary text then time timestamp timezone_hour timezone_minute to trailing transaction translate
translation trim true union unique unknown update upper usage use user using value values varchar varying view
when whenever where with work write year zone`.split(/\s+/),
);

function word(m: RegExpExecArray): Token[] {
  return [[KEYWORDS.has(m[0].toLowerCase()) ? 'k' : 'n', m[0]]];
}

/** SQL as Rouge lexes it: keywords case-insensitively, other words as names. */
export const sqlLexer: LexerDefinition = {
  states: {
    root: [
      { pattern: /\s+/, kind: '' },
      { pattern: /--.*/, kind: 'c1' },
      { pattern: /\/\*[\s\S]*?\*\//, kind: 'cm' },
      { pattern: /\d+/, kind: 'mi' },
      { pattern: /'(?:''|\\.|[^'\\])*'/, kind: 's1' },
      { pattern: /"(?:""|\\.|[^"\\])*"/, kind: 's2' },
      { pattern: /`(?:``|[^`])*`/, kind: 'nv' },
      { pattern: /\w+/, kind: word },
      { pattern: /[+*/<>=~!@#%&|?^-]+/, kind: 'o' },
      { pattern: /[;:()[\],.]+/, kind: 'p' },
    ],
  },
};

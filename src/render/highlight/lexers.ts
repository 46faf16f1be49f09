import { consoleLexer } from './lexers/console.js';
import { cssLexer } from './lexers/css.js';
import { htmlLexer } from './lexers/html.js';
import { javascriptLexer } from './lexers/javascript.js';
import { jsonLexer } from './lexers/json.js';
import { phpLexer } from './lexers/php.js';
import { rubyLexer } from './lexers/ruby.js';
import { shellLexer } from './lexers/shell.js';
import { sqlLexer } from './lexers/sql.js';
import { xmlLexer } from './lexers/xml.js';
import { yamlLexer } from './lexers/yaml.js';
import type { LexerDefinition } from './regex-lexer.js';

/** A registered language: its lexer (none for plain text) and how options pick the start state. */
export interface LexerEntry {
  lexer?: LexerDefinition;
  start?: (options: URLSearchParams) => string[];
}

/**
 * Languages Rouge knows by tag or alias. A name here without a lexer of ours renders as plain
 * text inside the highlighter markup; a name not here renders as kramdown renders an unknown
 * language (no highlighter wrapper).
 */
const ROUGE_NAMES =
  `abap actionscript as as3 ada apache apiblueprint applescript armasm augeas awk batchfile bat cmd
bbcbasic bibtex biml bpf brainfuck brightscript bsl c ceylon cfscript clean clojure clj cljs cmake cmhg coffeescript
coffee common_lisp cl lisp conf config configuration console terminal shell_session shell-session coq cpp c++ crystal
cr csharp c# cs css csvs cuda cypher cython d dafny dart datastudio diff patch udiff digdag docker dockerfile dot
ecl eex leex elixir exs elm email eml epp erb eex erlang erl escape fortran freefem fsharp gdscript ghc-cmm
ghc-core gherkin cucumber glsl go golang gradle graphql groovy hack hcl haml haskell hs haxe hlsl hocon hql html
http hylang hy idlang idris ini igorpro io irb pry isbl j java javascript js jinja django jsl json json-doc jsonnet
jsp jsx julia jl kotlin lasso liquid literate_coffeescript literate_haskell livescript llvm lua lutin m68k magik
make makefile markdown md mkd mason mathematica matlab maxscript mercury meson minizinc moonscript mosel msgtrans
mxml nasm nesasm nginx nial nim nix objective_c objc objective_cpp ocaml ocl openedge opentype_feature_file
pascal perl pl php php3 php4 php5 plaintext text plain plist pony postscript powershell posh ps1 praat prolog
prometheus properties protobuf puppet python py python3 q qml r racket reasonml rego rescript robot_framework
ruby rb rust rs sas sass scala scheme scss sed shell bash zsh ksh sh sieve slice slim smalltalk smarty sml solidity
sparql sqf sql ssh stan stata supercollider swift syzlang systemd systemverilog tap tcl terraform tex latex toml
tsx ttcn3 tulip turtle twig typescript ts vala vb visualbasic velocity verilog vhdl viml vim vue wollok xml xojo
xpath xquery yaml yml yang zig`.split(/\s+/);

const registry = new Map<string, LexerEntry>(ROUGE_NAMES.map((n) => [n, {}]));

function register(names: string[], entry: LexerEntry): void {
  for (const n of names) registry.set(n, entry);
}

register(['console', 'terminal', 'shell_session', 'shell-session'], { lexer: consoleLexer });
register(['json'], { lexer: jsonLexer });
register(['css'], { lexer: cssLexer });
register(['html'], { lexer: htmlLexer });
register(['javascript', 'js'], { lexer: javascriptLexer });
register(['shell', 'bash', 'zsh', 'ksh', 'sh'], { lexer: shellLexer });
register(['ruby', 'rb'], { lexer: rubyLexer, start: () => ['root', 'expr_start'] });
register(['sql'], { lexer: sqlLexer });
register(['xml'], { lexer: xmlLexer });
register(['yaml', 'yml'], { lexer: yamlLexer });
register(['php', 'php3', 'php4', 'php5'], {
  lexer: phpLexer,
  start: (o) => (/^(1|true|yes)$/.test(o.get('start_inline') ?? '') ? ['template', 'php'] : ['root']),
});

/** The entry for a language name, or undefined when Rouge would not know it. */
export function lexerFor(name: string): LexerEntry | undefined {
  return registry.get(name);
}

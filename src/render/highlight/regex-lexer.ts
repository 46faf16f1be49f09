/**
 * A small state-machine lexer in the style of Rouge's `RegexLexer`: each state is a list of rules
 * tried in order at the current position; a rule emits tokens and may push or pop states.
 * Adjacent tokens of the same kind are merged, as Rouge does, because the token boundaries are
 * what readers (and text comparisons) see once the spans are styled.
 */
export type Token = [kind: string, text: string];

/** One rule: a pattern, the token kind (or one kind per capture group), and a state change. */
export interface LexerRule {
  pattern: RegExp;
  kind:
    | string
    | string[]
    | ((match: RegExpExecArray, push: (state: string) => void, sub: Delegate, run: LexerRun) => Token[]);
  /** A state to push, `#pop`, `#pop:2`, or a list of states to push in order. */
  next?: string | string[];
}

/**
 * Lexes text with another lexer, continuing where that lexer stopped earlier in the same run (as
 * Rouge's `delegate` does): PHP's template text is one HTML document cut by `<?php ... ?>`.
 */
export type Delegate = (lexer: LexerDefinition, text: string) => Token[];

/**
 * What a rule callback may change besides its tokens, as Rouge's callbacks do: the state stack
 * (top last) and the lexer's own memory for this run (Ruby's queue of pending heredocs).
 */
export interface LexerRun {
  stack: string[];
  memory: Record<string, unknown>;
}

/** A lexer: named states, `root` first. Rules are compiled to sticky regexes once. */
export interface LexerDefinition {
  states: Record<string, LexerRule[]>;
  /** States made while lexing (Rouge's `push do ... end`), looked up by the name a rule pushed. */
  dynamicState?: (name: string) => LexerRule[] | undefined;
}

// One lookup per position for a state's regexes, not one per rule tried: a state has up to a
// few dozen rules, and highlighting was ~1% of the bench site's CPU.
const compiled = new WeakMap<readonly LexerRule[], RegExp[]>();

function stickyAll(rules: readonly LexerRule[]): RegExp[] {
  let res = compiled.get(rules);
  if (!res) {
    res = rules.map((rule) => new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gy]/g, '')}y`));
    compiled.set(rules, res);
  }
  return res;
}

function applyNext(stack: string[], next: LexerRule['next']): void {
  if (next === undefined) return;
  for (const step of Array.isArray(next) ? next : [next]) {
    if (step.startsWith('#pop')) {
      const n = Number(step.split(':')[1] ?? 1);
      for (let i = 0; i < n && stack.length > 1; i++) stack.pop();
    } else if (step === '#push') {
      stack.push(stack[stack.length - 1] ?? 'root');
    } else stack.push(step);
  }
}

/** Splits `code` into tokens with `lexer`; text no rule matches becomes one `err` character. */
export function lex(lexer: LexerDefinition, code: string, start: string[] = ['root']): Token[] {
  return run(lexer, code, start, [...start], new Map(), {});
}

function run(
  lexer: LexerDefinition,
  code: string,
  start: string[],
  stack: string[],
  stacks: Map<LexerDefinition, string[]>,
  memory: Record<string, unknown>,
): Token[] {
  const sub: Delegate = (other, text) => {
    let otherStack = stacks.get(other);
    if (!otherStack) {
      otherStack = ['root'];
      stacks.set(other, otherStack);
    }
    return run(other, text, ['root'], otherStack, stacks, memory);
  };
  const state: LexerRun = { stack, memory };
  const out: Token[] = [];
  const emit = (kind: string, text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last[0] === kind) last[1] += text;
    else out.push([kind, text]);
  };
  let pos = 0;
  let guard = 0;
  while (pos < code.length) {
    const top = stack[stack.length - 1] ?? 'root';
    const rules = lexer.states[top] ?? lexer.dynamicState?.(top) ?? [];
    const regexes = stickyAll(rules);
    let matched = false;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r] as LexerRule;
      const re = regexes[r] as RegExp;
      re.lastIndex = pos;
      const m = re.exec(code);
      if (!m) continue;
      // An empty match changes nothing unless it moves the state (a callback may move it itself).
      if (m[0].length === 0 && rule.next === undefined && typeof rule.kind !== 'function') continue;
      if (m[0].length === 0 && ++guard > 50) continue;
      if (m[0].length > 0) guard = 0;
      const kind = rule.kind;
      if (typeof kind === 'string') emit(kind, m[0]);
      else if (Array.isArray(kind)) {
        for (const [i, k] of kind.entries()) emit(k, m[i + 1] ?? '');
      } else for (const [k, t] of kind(m, (s) => stack.push(s), sub, state)) emit(k, t);
      applyNext(stack, rule.next);
      pos += m[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      const ch = code[pos] ?? '';
      if (ch === '\n') {
        // Rouge resets to its start state at a newline no rule consumes.
        stack.splice(0, stack.length, ...start);
        emit('', ch);
      } else emit('err', ch);
      pos += 1;
    }
  }
  return out;
}

import { type Diagnostic, diagnostic } from '../../diagnostics.js';

/** A frame of the include chain: the including file and the line of its include tag. */
export interface IncludeFrame {
  file: string;
  line: number;
}

/** Property under which include tags record the chain on an error passing through them. */
export const INCLUDE_FRAMES = Symbol('galley.includeFrames');

interface TokenLike {
  file?: string;
  getPosition(): [number, number];
}

/**
 * Turns a liquidjs (or include) error into a diagnostic at the line the writer edits: positions in
 * the page body are shifted by the front matter; errors inside includes name the include file and
 * carry the chain of include tags that led there, outermost first.
 */
export function liquidDiagnostic(error: unknown, file: string, bodyLine: number): Diagnostic {
  const err = error as Error & {
    token?: TokenLike;
    originalError?: Error;
    [INCLUDE_FRAMES]?: IncludeFrame[];
  };
  const inner = deepest(err);
  const token = err.token;
  const frames = findFrames(err);
  const ruleId = (inner as { ruleId?: string }).ruleId ?? ruleFor(err);
  const message = cleanMessage(inner.message || err.message);
  let where = { file, line: undefined as number | undefined, column: undefined as number | undefined };
  if (token) {
    const [line, column] = token.getPosition();
    const inPage = !token.file || token.file === file;
    where = { file: inPage ? file : (token.file ?? file), line: inPage ? line + bodyLine - 1 : line, column };
  } else if (ruleId === 'liquid/limit') {
    // parseLimit is checked before tokenising: the whole template, from its first line, is too long.
    where = { file, line: bodyLine, column: 1 };
  }
  const chain = frames?.length
    ? frames.map(
        (f, i) => `${i === 0 ? file : frames[i - 1].file}:${i === 0 ? f.line + bodyLine - 1 : f.line}`,
      )
    : undefined;
  return diagnostic(ruleId, 'error', where.file, message, {
    line: where.line,
    column: where.column,
    chain,
    hint: (inner as { hint?: string }).hint ?? hintFor(ruleId),
    cause: error,
  });
}

function deepest(err: Error & { originalError?: Error }): Error {
  let e: Error & { originalError?: Error } = err;
  for (let i = 0; i < 10 && e.originalError; i++) e = e.originalError;
  return e;
}

function findFrames(err: unknown): IncludeFrame[] | undefined {
  let e = err as { [INCLUDE_FRAMES]?: IncludeFrame[]; originalError?: unknown } | undefined;
  for (let i = 0; i < 10 && e; i++) {
    if (e[INCLUDE_FRAMES]) return e[INCLUDE_FRAMES];
    e = e.originalError as typeof e;
  }
  return undefined;
}

function ruleFor(err: Error): string {
  const name = err.name;
  const msg = err.message;
  if (/limit exceeded|limit/i.test(msg) && /render|memory|parse/i.test(msg)) return 'liquid/limit';
  if (name === 'ParseError' || name === 'TokenizationError')
    return /tag .* not found/.test(msg) ? 'liquid/unknown-tag' : 'liquid/syntax';
  return 'liquid/render';
}

function hintFor(ruleId: string): string | undefined {
  switch (ruleId) {
    case 'liquid/unknown-tag':
      return 'check the spelling, or add the tag with a plugin (_plugins/)';
    case 'liquid/include-missing':
      return 'include paths are relative to the includes folder (_includes/)';
    case 'liquid/include-outside':
      return 'includes must stay inside the includes folder; move the file there';
    case 'liquid/limit':
      return 'raise liquid.render_limit / memory_limit in _config.yml if this is intended';
    default:
      return undefined;
  }
}

/** liquidjs appends `, file:x, line:1, col:2` to messages; positions are reported separately. */
function cleanMessage(message: string): string {
  return message.replace(/,\s*(file:[^,]*,\s*)?line:\d+,\s*col:\d+\s*$/, '').trim();
}

import yaml from 'js-yaml';

/** Raised for YAML Galley refuses; `line` and `column` are 1-based within the YAML text. */
export class YamlError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'YamlError';
  }
}

// Jekyll reads YAML 1.1 (Ruby's Psych): `yes`/`no`/`on`/`off` are booleans there, so
// `published: no` must mean false here too, not the truthy string "no".
const BOOL_11 = /^(?:true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

// This type replaces js-yaml's own bool (same tag), so it must accept the YAML 1.2 spellings too.
const yaml11Bool = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string) => BOOL_11.test(data),
  construct: (data: string) => /^(?:true|yes|on)$/i.test(data),
  predicate: (v: unknown) => typeof v === 'boolean',
  represent: { lowercase: (v: object) => (v ? 'true' : 'false') },
  defaultStyle: 'lowercase',
});

const SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [yaml11Bool] });

/** Nodes a document may expand to through aliases before it is refused (a "billion laughs" guard). */
export const MAX_YAML_NODES = 200_000;

/**
 * Parses YAML as Jekyll would read it, safely: no custom tags that run code, YAML 1.1 booleans,
 * and documents whose alias expansion is huge are refused.
 */
export function parseYaml(text: string, filename: string): unknown {
  let value: unknown;
  try {
    value = yaml.load(text, { schema: SCHEMA, filename });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      throw new YamlError(
        error.reason || error.message,
        mark?.line !== undefined ? mark.line + 1 : undefined,
        mark?.column !== undefined ? mark.column + 1 : undefined,
        { cause: error },
      );
    }
    throw error;
  }
  if (expandedSize(value, MAX_YAML_NODES) > MAX_YAML_NODES) {
    const at = firstAlias(text);
    throw new YamlError(
      `YAML expands to more than ${MAX_YAML_NODES} values through aliases`,
      at?.line,
      at?.column,
    );
  }
  return value;
}

/** 1-based position of the first `*alias` that names an `&anchor` of the text, for the message. */
function firstAlias(text: string): { line: number; column: number } | undefined {
  const anchors = new Set([...text.matchAll(/&([^\s,[\]{}]+)/g)].map((m) => m[1]));
  for (const m of text.matchAll(/(^|[\s,[{:-])\*([^\s,[\]{}]+)/gm)) {
    if (!anchors.has(m[2])) continue;
    const offset = (m.index ?? 0) + m[1].length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  }
  return undefined;
}

/** Counts values reachable in `value`, visiting shared (aliased) nodes each time; stops past `limit`. */
function expandedSize(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const v = stack.pop();
    count++;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (typeof v === 'object' && v !== null && !(v instanceof Date))
      for (const x of Object.values(v)) stack.push(x);
  }
  return count;
}

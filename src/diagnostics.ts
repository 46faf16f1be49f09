/**
 * Diagnostics are values, never printed by library code. Shaped after unified's vfile-message:
 * a position in the file the writer edits (1-based), a rule id, a severity and an optional hint.
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Diagnostic {
  /** Path of the source file, relative to the site source (or absolute when outside it, e.g. a config file). */
  file: string;
  /** 1-based line; absent when the problem concerns the whole file. */
  line?: number;
  /** 1-based column; left out rather than guessed. */
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Rule id such as `liquid/include-missing`. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** What to do about it ("did you mean ..."). */
  hint?: string;
  /** Include chain or similar context: outermost first, e.g. `guides/a.md:12`. */
  chain?: string[];
  cause?: unknown;
  /** For findings about a link: the page it is on (URL) and the link as written. */
  link?: { page: string; url: string };
  /**
   * Pages the same finding was seen on, when more than one (an include used by many pages): the
   * finding is reported once, at the include's line, with the pages listed.
   */
  pages?: string[];
}

/** Builds a diagnostic; keeps call sites short and the object shape uniform. */
export function diagnostic(
  ruleId: string,
  severity: Severity,
  file: string,
  message: string,
  extra: Partial<Omit<Diagnostic, 'ruleId' | 'severity' | 'file' | 'message'>> = {},
): Diagnostic {
  return { file, ...extra, ruleId, severity, message };
}

/** True when any diagnostic is an error (the build exit code depends on it). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for reports: by file, then line, then column, then rule id. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

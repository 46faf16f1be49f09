import type { Diagnostic, Severity } from '../diagnostics.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** Rule descriptions for the SARIF `tool.driver.rules` list. */
export interface RuleInfo {
  id: string;
  description: string;
}

/**
 * SARIF 2.1.0, as GitHub code scanning and IDEs read it: one run, the rules used, one result per
 * diagnostic with its region, and the include chain as related locations.
 */
export function formatSarif(
  diagnostics: readonly Diagnostic[],
  rules: readonly RuleInfo[],
  version: string,
): string {
  const used = [...new Set(diagnostics.map((d) => d.ruleId))].sort();
  const described = new Map(rules.map((r) => [r.id, r.description]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'galley',
            version,
            rules: used.map((id) => ({
              id,
              shortDescription: { text: described.get(id) ?? id },
            })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: used.indexOf(d.ruleId),
          level: LEVEL[d.severity],
          message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
          locations: [location(d.file, d.line, d.column)],
          ...(d.chain?.length
            ? {
                relatedLocations: d.chain.map((frame, i) => {
                  const m = /^(.*):(\d+)$/.exec(frame);
                  return {
                    id: i,
                    ...location(m ? m[1] : frame, m ? Number(m[2]) : undefined),
                    message: { text: 'included from here' },
                  };
                }),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function location(file: string, line?: number, column?: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file.replace(/\\/g, '/')) },
      ...(line ? { region: { startLine: line, ...(column ? { startColumn: column } : {}) } } : {}),
    },
  };
}

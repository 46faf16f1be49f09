import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { RULES } from '../../src/check/rules/index.js';
import { diagnosticLines } from '../build/helpers.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures-check');

function expected(name: string): string[] {
  return fs
    .readFileSync(path.join(FIXTURES, name, 'expected-diagnostics.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/**
 * One fixture site per rule (`test/fixtures-check/<group>-<name>/`): `ok.md` must give no finding
 * of the rule, `not-ok.md` (and its includes) exactly the listed ones, at the listed positions.
 */
/** Rules that need more than a site: links/external talks to a local server (external-links.test.ts). */
const TESTED_ELSEWHERE = new Set(['links/external']);

describe('checker rules', () => {
  for (const rule of RULES.filter((r) => !TESTED_ELSEWHERE.has(r.id))) {
    const name = rule.id.replace('/', '-');
    it(`${rule.id}: ok and not-ok fixtures`, async () => {
      const result = await build({ source: path.join(FIXTURES, name, 'site'), write: false, theme: false });
      const lines = diagnosticLines(result.diagnostics);
      expect(lines).toEqual(expected(name));
      expect(lines.some((l) => l.includes(` ${rule.id} `))).toBe(true);
      expect(result.diagnostics.filter((d) => d.file === 'ok.md' || d.file.endsWith('/ok.md'))).toEqual([]);
    });
  }

  it('every rule has an id, a description and a fixture', () => {
    for (const rule of RULES) {
      if (TESTED_ELSEWHERE.has(rule.id)) continue;
      expect(rule.id).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(fs.existsSync(path.join(FIXTURES, rule.id.replace('/', '-'))), rule.id).toBe(true);
    }
  });
});

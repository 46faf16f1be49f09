import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, buildInvalid, expectDiagnostics, type FixtureBuild } from './helpers.js';

const ranFile = path.join(os.tmpdir(), 'galley-frontmatter-js-ran');

describe('front matter', () => {
  let built: FixtureBuild;
  beforeAll(async () => {
    fs.rmSync(ranFile, { force: true });
    delete (globalThis as Record<string, unknown>).galleyFrontMatterRan;
    built = await buildInvalid('front-matter');
  });

  it('reports each problem at its file and line (expected-diagnostics.txt)', () => {
    expectDiagnostics('front-matter', built.result.diagnostics);
  });

  it('---js is an error at line 1 (frontmatter/language) and the JavaScript never runs', () => {
    const d = built.result.diagnostics.find((x) => x.file === 'evil.md');
    expect(d).toMatchObject({ ruleId: 'frontmatter/language', severity: 'error', line: 1 });
    expect(fs.existsSync(ranFile)).toBe(false);
    expect((globalThis as Record<string, unknown>).galleyFrontMatterRan).toBeUndefined();
  });

  it('a YAML error is reported at the real line of the file', () => {
    const d = built.result.diagnostics.find((x) => x.file === 'bad-yaml.md');
    expect(d).toMatchObject({ ruleId: 'frontmatter/yaml', severity: 'error', line: 4 });
  });

  it('front matter that is never closed is an error at line 1', () => {
    const d = built.result.diagnostics.find((x) => x.file === 'unclosed.html');
    expect(d).toMatchObject({ ruleId: 'frontmatter/unterminated', severity: 'error', line: 1 });
  });

  it('nothing is written', () => {
    expect(built.result.written).toBe(false);
  });
});

describe('YAML 1.1 booleans as Jekyll reads them', () => {
  it('published: false and published: no both mean unpublished; true/yes stay booleans', async () => {
    const { result } = await buildFixture('pages');
    const paths = result.pages.map((p) => p.path);
    expect(paths).not.toContain('draft.html');
    expect(paths).not.toContain('hidden.md');
  });
});

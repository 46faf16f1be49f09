import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type FixtureBuild, readOut } from './helpers.js';

// Jekyll writes a `{% highlight %}` block between newlines in Markdown pages, so an indented tag
// in a list item leaves a blank line and a figure at column 0, and kramdown ends the list there.
describe('{% highlight %} in a Markdown list', () => {
  let built: FixtureBuild;
  let html = '';
  beforeAll(async () => {
    built = await buildFixture('highlight-in-list');
    html = readOut(built.dest, 'steps.html');
  });

  it('ends the list before the figure and starts a new one after it', () => {
    expect(built.result.diagnostics).toEqual([]);
    const tags = html.match(/<\/?(ol|li|figure|p)\b/g) ?? [];
    expect(tags.join(' ')).toBe(
      '<ol <li </li <li </li </ol <figure </figure <ol <li </li </ol <p </p <figure </figure',
    );
  });

  it('keeps the indentation of the code lines', () => {
    expect(html).toContain('data-lang="yaml">        <span');
  });
});

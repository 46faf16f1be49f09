#!/usr/bin/env node
// npm run conformance: runs kramdown's own test cases (../shared/kramdown-testcases, every case with
// an .html file) through Galley's Markdown stage in kramdown input mode and compares normalised HTML
// (as parity.mjs does: comments dropped, attributes and classes sorted, white space collapsed
// outside <pre>). Options come from `name.options` or the folder's `options` file (YAML with Ruby
// symbol keys, `:auto_ids: true`); a case with neither runs with `auto_ids: false`, `footnote_nr: 1`
// (the testcases README). With --list, one line per failure: the case, then where the output first
// differs. The last line is always:
//   kramdown testcases: P passed, F failed
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cases = path.resolve(root, '..', 'shared', 'kramdown-testcases');
const { createMarkdownProcessor, renderMarkdown } = await import(
  path.join(root, 'dist', 'render', 'markdown', 'render-markdown.js')
);
const { resolveKramdownOptions } = await import(path.join(root, 'dist', 'config', 'kramdown-options.js'));
const parser = unified().use(rehypeParse, { fragment: true });
const RAW = new Set(['pre', 'code', 'textarea', 'script', 'style']);

function norm(node, inRaw) {
  if (node.type === 'comment' || node.type === 'doctype') return '';
  if (node.type === 'text') {
    const t = inRaw ? node.value : node.value.replace(/\s+/g, ' ');
    return t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  }
  const kids =
    node.type === 'element' && node.tagName === 'template' ? node.content.children : node.children || [];
  if (node.type === 'root') return kids.map((c) => norm(c, inRaw)).join('');
  const props = node.properties || {};
  const attrs = Object.keys(props)
    .sort()
    .map((k) => {
      const v = props[k];
      const value = Array.isArray(v) ? (k === 'className' ? [...v].sort() : v).join(' ') : String(v);
      return ` ${k}="${value}"`;
    })
    .join('');
  const raw = inRaw || RAW.has(node.tagName);
  return `<${node.tagName}${attrs}>${kids
    .map((c) => norm(c, raw))
    .join('')
    .trim()}</${node.tagName}>`;
}

const normalise = (html) => norm(parser.parse(html), false).replace(/>\s+</g, '><').trim();

function walk(dir, acc = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, acc);
    else if (name.endsWith('.text')) acc.push(full.slice(0, -'.text'.length));
  }
  return acc;
}

/** The case's kramdown options: its own file, else its folder's, else the README's defaults. */
function optionsFor(base) {
  const own = `${base}.options`;
  const folder = path.join(path.dirname(base), 'options');
  const file = existsSync(own) ? own : existsSync(folder) ? folder : null;
  const values = file ? (yaml.load(readFileSync(file, 'utf8')) ?? {}) : { auto_ids: false, footnote_nr: 1 };
  // kramdown's own defaults where the file is silent (not Jekyll's: these cases run kramdown bare).
  const options = symbolKeysToNames(values);
  return {
    input: 'kramdown',
    auto_ids: true,
    ...options,
    // kramdown's Rouge has no default language (Jekyll's is plaintext).
    syntax_highlighter_opts: { default_lang: null, ...options.syntax_highlighter_opts },
  };
}

/** `{':auto_ids': true}` as `{auto_ids: true}`, at every depth. */
function symbolKeysToNames(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.replace(/^:/, ''), symbolKeysToNames(v)]),
  );
}

/** Where two normalised strings first differ, with a little context from each. */
function firstDifference(actual, expected) {
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  const from = Math.max(0, i - 30);
  return `got ${JSON.stringify(actual.slice(from, i + 50))} want ${JSON.stringify(expected.slice(from, i + 50))}`;
}

const processors = new Map();
let passed = 0;
const failed = [];
for (const base of walk(cases)) {
  const name = path.relative(cases, base);
  if (!existsSync(`${base}.html`)) continue;
  const expected = readFileSync(`${base}.html`, 'utf8');
  const input = readFileSync(`${base}.text`, 'utf8');
  const options = optionsFor(base);
  const key = JSON.stringify(options);
  if (!processors.has(key))
    processors.set(key, createMarkdownProcessor({ kramdown: resolveKramdownOptions(options) }));
  let reason;
  try {
    const actual = normalise(renderMarkdown(processors.get(key), input, `${base}.text`).html);
    const want = normalise(expected);
    if (actual !== want) reason = firstDifference(actual, want);
  } catch (error) {
    reason = `threw ${error instanceof Error ? error.message : String(error)}`;
  }
  if (reason === undefined) passed++;
  else failed.push({ name, reason });
}
if (process.argv.includes('--list'))
  for (const { name, reason } of failed) console.log(`failed ${name}: ${reason}`);
console.log(`kramdown testcases: ${passed} passed, ${failed.length} failed`);

#!/usr/bin/env node
// npm run conformance: runs kramdown's own test cases (../shared/kramdown-testcases, every case with
// an .html file) through Galley's Markdown stage and compares normalised HTML (as parity.mjs does:
// comments dropped, attributes and classes sorted, white space collapsed outside <pre>).
// Options files (`name.options`, folder `options`) are not honoured yet: every case runs with
// Galley's defaults (automatic header ids on, toc_levels 1-6), so cases that set options or
// expect no ids fail for that reason. Prints one line per failure with --list, and last:
//   kramdown testcases: P passed, F failed
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cases = path.resolve(root, '..', 'shared', 'kramdown-testcases');
const { createMarkdownProcessor, renderMarkdown } = await import(
  path.join(root, 'dist', 'render', 'markdown', 'render-markdown.js')
);
const processor = createMarkdownProcessor();
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

let passed = 0;
const failed = [];
for (const base of walk(cases)) {
  let expected;
  try {
    expected = readFileSync(`${base}.html`, 'utf8');
  } catch {
    continue;
  }
  const input = readFileSync(`${base}.text`, 'utf8');
  let ok = false;
  try {
    ok = normalise(renderMarkdown(processor, input, `${base}.text`).html) === normalise(expected);
  } catch {
    ok = false;
  }
  if (ok) passed++;
  else failed.push(path.relative(cases, base));
}
if (process.argv.includes('--list')) for (const name of failed) console.log(`failed ${name}`);
console.log(`kramdown testcases: ${passed} passed, ${failed.length} failed`);

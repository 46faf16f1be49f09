import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { layoutTree } from '../../src/check/layout-tree.js';

/**
 * What the fact collector reads of a tree: each element's name, start offset and the properties
 * facts use, and the text of callouts. Template contents are skipped, as the collector skips them.
 */
function factView(tree: Root) {
  const out: string[] = [];
  const text = (node: Nodes): string =>
    node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '';
  const visit = (node: Nodes): void => {
    if (node.type === 'element') {
      const p = (node as Element).properties;
      const picked = ['id', 'name', 'href', 'src', 'className'].filter((k) => p[k] !== undefined);
      if (picked.length) {
        const props = picked.map((k) => `${k}=${JSON.stringify(p[k])}`).join(' ');
        const callout = Array.isArray(p.className) && p.className.includes('bs-callout');
        out.push(
          `${node.tagName}@${node.position?.start.offset} ${props}${callout ? ` text=${JSON.stringify(text(node))}` : ''}`,
        );
      }
      if (node.tagName === 'template') return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return out;
}

const layouts: Record<string, string> = {
  'a typical page': `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>T &amp; U</title>
<link rel="stylesheet" href="/css/site.css"><script src="/js/a.js"></script></head>
<body><header id="top"><a href="/index.html">Home</a> <a name="old-anchor"></a></header>
<nav class="sidebar  open"><ul><li class="active"><a href="/a.html?x=1&amp;y=2">A</a><li><a href="b.html">B</a></ul></nav>
<main id="main"></main>
<div class="bs-callout bs-callout-info"><p>Read <em>this</em> &mdash; <a href="#x">x</a>.</p></div>
<footer><img src="/logo.png" alt=""><iframe src="https://example.com/v"></iframe></footer>
</body></html>`,
  'upper case, unquoted and repeated attributes': `<HTML><BODY><A HREF=/u.html ID=Up>u</A><div id="one" id="two" class="\tx\ny ">d</div><IMG SRC='/i.png'></BODY></HTML>`,
  'links in comments, scripts, styles and templates are not elements': `<body><!-- <a href="/c.html">c</a> -->
<script>document.write('<a href="/s.html">s</a>')</script><style>a[href="/t.html"]{}</style>
<template><a href="/tpl.html" id="tpl">t</a></template><textarea><a href="/ta.html"></a></textarea><a href="/real.html">r</a></body>`,
  'an empty callout and one with nested markup': `<body><div class="bs-callout bs-callout-warning"> </div>
<div class="bs-callout"><div><strong>Note:</strong> keep <code>a &lt; b</code></div></div></body>`,
  'a fragment without html or body': `<a href="/x.html" id="x">x</a><span id="y"></span>`,
};

describe('layoutTree: the layout HTML as the fact collector reads it', () => {
  for (const [name, html] of Object.entries(layouts)) {
    it(`reads ${name} as parse5 does`, () => {
      const expected = factView(fromHtml(html, { fragment: false }));
      expect(expected.length).toBeGreaterThan(0);
      expect(factView(layoutTree(html))).toEqual(expected);
    });
  }
});

import type { Element, ElementContent } from 'hast';
import type { Code, InlineCode } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { JEKYLL_KRAMDOWN_DEFAULTS, type KramdownOptions } from '../../config/kramdown-options.js';
import { highlightCode } from '../highlight/highlight-code.js';

/** The code handlers for the given `syntax_highlighter` and its `default_lang` (Jekyll's unless set). */
export function kramdownCodeHandlers(options: KramdownOptions = {}) {
  const highlighter = options.syntaxHighlighter === undefined ? 'rouge' : options.syntaxHighlighter;
  const settings: Highlighting = {
    blocks: highlighter !== null && options.highlightBlocks !== false,
    spans: highlighter !== null && options.highlightSpans !== false,
    defaultLang: options.defaultLang === undefined ? 'plaintext' : options.defaultLang,
    guessLang: options.guessLang ?? JEKYLL_KRAMDOWN_DEFAULTS.guessLang,
  };
  return {
    code: (state: State, node: Code) => kramdownCodeToHast(state, node, settings),
    inlineCode: (state: State, node: InlineCode) => kramdownInlineCodeToHast(state, node, settings),
  };
}

/** Whether Rouge runs on code blocks and spans, and what language code without one gets. */
export interface Highlighting {
  blocks: boolean;
  spans: boolean;
  defaultLang: string | null;
  /** Rouge guesses; Galley treats a guess as plain text, which is what Rouge falls back to. */
  guessLang: boolean;
}

const JEKYLL_HIGHLIGHTING: Highlighting = {
  blocks: true,
  spans: true,
  defaultLang: 'plaintext',
  guessLang: false,
};

/**
 * A code block as kramdown with Rouge writes it:
 * `<div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>`
 * with token spans (`plaintext` when no language is given); a language Rouge does not know gives
 * a bare `<pre><code class="language-x">`. The code keeps its final newline, as in kramdown.
 */
export function kramdownCodeToHast(state: State, node: Code, settings = JEKYLL_HIGHLIGHTING): Element {
  const value = node.value ? `${node.value}\n` : '';
  // kramdown takes the language from a `language-x` class of an IAL when the fence names none.
  const lang = node.lang ?? takeLanguageClass(node);
  const guessed = !lang && !settings.defaultLang && settings.guessLang;
  const info = lang ?? settings.defaultLang ?? (guessed ? 'plaintext' : '');
  // Without a language and a default one Rouge declines, and kramdown writes plain `<pre><code>`.
  const highlighted = settings.blocks && info ? highlightCode(value, info) : undefined;
  let result: Element;
  if (!highlighted) {
    const name = lang ? (lang.split('?')[0] ?? lang) : '';
    const codeProperties = name ? { className: [`language-${name}`] } : {};
    result = element('pre', {}, [element('code', codeProperties, [text(value)])]);
  } else {
    const pre = element('pre', { className: ['highlight'] }, [element('code', {}, highlighted.children)]);
    const inner = element('div', { className: ['highlight'] }, [pre]);
    result = element('div', {}, [inner]);
    state.patch(node, result);
    // A guessed language is not named in the classes.
    const classes = guessed ? ['highlighter-rouge'] : [`language-${highlighted.lang}`, 'highlighter-rouge'];
    return withClasses(state.applyData(node, result), classes);
  }
  state.patch(node, result);
  return state.applyData(node, result);
}

/**
 * Inline code as kramdown with Rouge writes it: `<code class="language-plaintext highlighter-rouge">`.
 * Classes from a span IAL are added to these, not put in their place.
 */
export function kramdownInlineCodeToHast(
  state: State,
  node: InlineCode,
  settings = JEKYLL_HIGHLIGHTING,
): Element {
  const defaultLang = settings.defaultLang;
  // kramdown keeps a code span's line endings (CommonMark turns them into spaces).
  const result = element('code', {}, [text(node.value)]);
  state.patch(node, result);
  const applied = state.applyData(node, result);
  if (!settings.spans) return applied;
  const classes = applied.properties.className;
  const hasLanguage = Array.isArray(classes) && classes.some((c) => String(c).startsWith('language-'));
  if (hasLanguage) return withClasses(applied, ['highlighter-rouge']);
  if (defaultLang) return withClasses(applied, [`language-${defaultLang}`, 'highlighter-rouge']);
  return settings.guessLang ? withClasses(applied, ['highlighter-rouge']) : applied;
}

/** Removes a `language-x` class from the block's IAL attributes and returns `x`. */
function takeLanguageClass(node: Code): string | undefined {
  const properties = node.data?.hProperties;
  const classes: unknown = properties?.className;
  const list: string[] = Array.isArray(classes)
    ? classes.map(String)
    : typeof classes === 'string'
      ? classes.split(' ')
      : [];
  const found = list.find((c) => c.startsWith('language-'));
  if (!found || !properties) return undefined;
  const rest = list.filter((c) => c !== found);
  if (rest.length > 0) properties.className = rest;
  else delete properties.className;
  return found.slice('language-'.length);
}

/** Adds kramdown's own classes after those an IAL set. */
function withClasses(applied: Element, own: string[]): Element {
  const extra: unknown = applied.properties.className;
  const classes = Array.isArray(extra)
    ? extra.map(String)
    : typeof extra === 'string'
      ? extra.split(' ')
      : [];
  applied.properties.className = [...classes, ...own.filter((c) => !classes.includes(c))];
  return applied;
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

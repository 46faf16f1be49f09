import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { KramdownOptions } from '../../config/kramdown-options.js';
import type { KramdownInlineMath, KramdownMath } from './micromark-kramdown-math.js';

/**
 * Math as kramdown writes it. With `math_engine: mathjax` (kramdown's and Jekyll's default) block
 * math is `\[...\]` and span math `\(...\)`, as text for MathJax to find; attributes from an IAL
 * wrap block math in a `<div>`. With no engine (`math_engine: null`) they are
 * `<div class="kdmath">$$ ... $$</div>` and `<span class="kdmath">$...$</span>`.
 */
export function kramdownMathHandlers(options: KramdownOptions = {}) {
  const mathjax = options.mathEngine !== null;
  return {
    kramdownMath(state: State, node: KramdownMath): ElementContent {
      const result = blockMath(node);
      state.patch(node, result);
      return result;
    },
    kramdownInlineMath(state: State, node: KramdownInlineMath): ElementContent {
      const result: ElementContent = mathjax
        ? { type: 'text', value: `\\(${node.value}\\)` }
        : element('span', { className: ['kdmath'] }, `$${node.value}$`);
      state.patch(node, result);
      return result;
    },
  };

  function blockMath(node: KramdownMath): ElementContent {
    const properties = { ...(node.data?.hProperties ?? {}) };
    if (!mathjax) {
      const classes = properties.className;
      properties.className = [...(Array.isArray(classes) ? classes.map(String) : []), 'kdmath'];
      return element('div', properties, `$$\n${node.value}\n$$`);
    }
    const text: ElementContent = { type: 'text', value: `\\[${node.value}\\]` };
    if (Object.keys(properties).length === 0) return text;
    return element('div', properties, `\\[${node.value}\\]\n`);
  }
}

function element(tagName: string, properties: Element['properties'], value: string): Element {
  return { type: 'element', tagName, properties, children: [{ type: 'text', value }] };
}

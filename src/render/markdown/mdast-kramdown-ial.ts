import type { Literal } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';

/** A block IAL or ALD line: `value` is what stands between `{:` and `}`. */
export interface KramdownIal extends Literal {
  type: 'kramdownIal';
}

/** A span IAL after an inline element: `value` is what stands between `{:` and `}`. */
export interface KramdownSpanIal extends Literal {
  type: 'kramdownSpanIal';
}

/** A kramdown extension block (`{::nomarkdown}` ... `{:/}`): `value` is its body. */
export interface KramdownExtension extends Literal {
  type: 'kramdownExtension';
  /** Extension name: `options`, `comment`, `nomarkdown`, ... */
  name: string;
  /** The start tag as written (`{::nomarkdown type="latex"}`). */
  start?: string;
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownIal: KramdownIal;
    kramdownExtension: KramdownExtension;
    kramdownSpanIal: KramdownSpanIal;
  }
  interface PhrasingContentMap {
    kramdownSpanIal: KramdownSpanIal;
  }
}

/**
 * mdast-util-from-markdown extension turning `kramdownIal` tokens into `kramdownIal`,
 * `kramdownSpanIal` and `kramdownExtension` nodes, for `remarkKramdownIal` to apply.
 */
export function kramdownIalFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownBlockIal(token) {
        this.enter({ type: 'kramdownIal', value: '' }, token);
      },
      kramdownSpanIal(token) {
        this.enter({ type: 'kramdownSpanIal', value: '' }, token);
      },
      kramdownExtension(token) {
        this.enter({ type: 'kramdownExtension', name: '', value: '' }, token);
      },
    },
    exit: {
      kramdownBlockIal: exitIal,
      kramdownSpanIal: exitIal,
      kramdownExtensionStart(token) {
        const node = this.stack[this.stack.length - 1];
        const match = /^\{::(\w+)/.exec(this.sliceSerialize(token));
        if (node?.type === 'kramdownExtension' && match) {
          node.name = match[1];
          node.start = this.sliceSerialize(token);
        }
      },
      kramdownExtensionBody(token) {
        const node = this.stack[this.stack.length - 1];
        if (node?.type === 'kramdownExtension') node.value += `${this.sliceSerialize(token)}\n`;
      },
      kramdownExtension(token) {
        // The body is every line between the start and end tag lines, blank ones included.
        const node = this.stack[this.stack.length - 1];
        const lines = this.sliceSerialize(token).split('\n');
        if (node?.type === 'kramdownExtension' && lines.length > 2)
          node.value = `${lines.slice(1, -1).join('\n')}\n`;
        this.exit(token);
      },
    },
  };
}

function exitIal(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1];
  const source = this.sliceSerialize(token).trim();
  if (node && 'value' in node) node.value = source.slice(2, -1);
  this.exit(token);
}

import type { Parent, PhrasingContent, Root } from 'mdast';

/**
 * kramdown's GFM parser with `hard_wrap: true`: every line break inside a paragraph becomes a
 * `<br />`, as on GitHub comments. Jekyll turns it off; kramdown's own input never does this.
 */
export function remarkKramdownHardWrap() {
  return (tree: Root): undefined => {
    visit(tree);
  };
}

function visit(parent: Parent): void {
  if (parent.type === 'paragraph' || parent.type === 'heading') {
    const out: PhrasingContent[] = [];
    for (const child of parent.children as PhrasingContent[]) {
      if (child.type !== 'text' || !child.value.includes('\n')) {
        out.push(child);
        continue;
      }
      child.value.split('\n').forEach((line, index) => {
        if (index > 0) out.push({ type: 'break' });
        if (line) out.push({ type: 'text', value: line });
      });
    }
    parent.children = out;
  }
  for (const child of parent.children) if ('children' in child) visit(child);
}

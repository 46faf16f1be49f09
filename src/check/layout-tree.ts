import type { Element, ElementContent, Properties, Root } from 'hast';
import { Parser } from 'htmlparser2';

/**
 * The HTML a page's layouts added, as the small hast tree the fact collector walks: elements with
 * their start offsets, the properties facts read (`id`, `name`, `href`, `src`, `className`) and
 * their text. Built with htmlparser2, not parse5 (`hast-util-from-html`): parsed once per page, the
 * layout's few hundred characters took parse5 0.17-0.27 ms in a build, 5% of a render thread
 * (issue 7). htmlparser2 does not rebuild the tree as browsers do (foster parenting, moving stray
 * tags), which changes only which element a text belongs to; facts need the elements, their
 * attributes and where they start, and the text of callouts, which layouts write well-formed.
 */
export function layoutTree(html: string): Root {
  const root: Root = { type: 'root', children: [] };
  const open: (Root | Element)[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: Element = {
          type: 'element',
          tagName: name,
          properties: propertiesOf(attributes),
          children: [],
          // Facts locate an element by its start; the end here is the start tag's, not the element's.
          position: {
            start: { line: 0, column: 0, offset: parser.startIndex },
            end: { line: 0, column: 0, offset: parser.endIndex + 1 },
          },
        };
        (open[open.length - 1].children as ElementContent[]).push(element);
        open.push(element);
      },
      onclosetag() {
        if (open.length > 1) open.pop();
      },
      ontext(value) {
        const parent = open[open.length - 1].children as ElementContent[];
        const last = parent[parent.length - 1];
        // The tokenizer may hand one run of text over in pieces (entities); hast keeps one node.
        if (last?.type === 'text') last.value += value;
        else parent.push({ type: 'text', value });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return root;
}

/** The attributes facts read, named as hast names them (`class` is `className`, a list). */
function propertiesOf(attributes: Record<string, string>): Properties {
  const properties: Properties = {};
  for (const name of ['id', 'name', 'href', 'src'] as const) {
    if (name in attributes) properties[name] = attributes[name];
  }
  if ('class' in attributes) properties.className = attributes.class.split(/[ \t\n\f\r]+/).filter(Boolean);
  return properties;
}

import type { Properties } from 'hast';
import type { Image, ImageReference, Nodes, Paragraph, Root } from 'mdast';

/** Set on an image whose span IAL names `standalone` (`![alt](src){:standalone}`). */
export interface StandaloneImageData {
  kramdownStandalone?: boolean;
}

/**
 * kramdown 2.4's standalone images (its HTML converter, so both input modes): a paragraph holding
 * nothing but an image marked `{:standalone}` is written as `<figure>` with the image and a
 * `<figcaption>` of its alt text. The image's id and class move to the figure unless the paragraph
 * has its own (from a block IAL).
 */
export function remarkKramdownStandaloneImage() {
  return (tree: Root): undefined => {
    visit(tree);
  };
}

function visit(node: Nodes): void {
  if (node.type === 'paragraph') {
    toFigure(node);
    return;
  }
  if ('children' in node) for (const child of node.children) visit(child);
}

function toFigure(paragraph: Paragraph): void {
  if (paragraph.children.length !== 1) return;
  const image = paragraph.children[0];
  if (image.type !== 'image' && image.type !== 'imageReference') return;
  if (!(image.data as StandaloneImageData | undefined)?.kramdownStandalone) return;
  paragraph.data ??= {};
  paragraph.data.hName = 'figure';
  paragraph.data.hProperties ??= {};
  const figure: Properties = paragraph.data.hProperties;
  const own: Properties = image.data?.hProperties ?? {};
  for (const key of ['className', 'id']) {
    if (own[key] !== undefined && figure[key] === undefined) {
      figure[key] = own[key];
      delete own[key];
    }
  }
  paragraph.children.push(caption(image));
}

/** The `<figcaption>`: an mdast phrasing node renamed, so to-hast needs no handler of its own. */
function caption(image: Image | ImageReference): Paragraph['children'][number] {
  return {
    type: 'emphasis',
    data: { hName: 'figcaption' },
    children: [{ type: 'text', value: image.alt ?? '' }],
  };
}

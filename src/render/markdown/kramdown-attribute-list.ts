import { decodeNamedCharacterReference } from 'decode-named-character-reference';
/** The attributes an IAL or ALD sets, as kramdown's `parse_attribute_list` reads them. */
export interface AttributeList {
  id?: string;
  classes: string[];
  /** Other attributes, in order (values unescaped, character references decoded). */
  attributes: Array<[string, string]>;
  /** ALD names referenced (`{:refname}`). */
  refs: string[];
}

const attributePart =
  /(?:^|\s)(?:(\w[\w-]*)=("|')((?:\\\}|\\["']|[^}])*?)\2|(\w[\w-]*)|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|$)/g;
const idOrClass = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;

/**
 * Parses the inside of `{: ... }`: `.class`, `#id`, `key="value"`, `key='value'` and ALD references.
 * Runs on the few characters of one IAL, never on a document.
 */
export function parseAttributeList(source: string): AttributeList {
  const list: AttributeList = { classes: [], attributes: [], refs: [] };
  for (const match of source.matchAll(attributePart)) {
    const [, key, quote, value, ref, idsAndClasses] = match;
    if (key !== undefined) {
      const unescaped = value.replace(quote === '"' ? /\\(\}|")/g : /\\(\}|')/g, '$1');
      list.attributes.push([key, decodeCharacterReferences(unescaped)]);
    } else if (ref !== undefined) {
      list.refs.push(ref);
    } else if (idsAndClasses !== undefined) {
      for (const part of idsAndClasses.matchAll(idOrClass)) {
        if (part[1] !== undefined) list.id = part[1];
        else list.classes.push(part[2]);
      }
    }
  }
  return list;
}

/** Adds `extra` to `base`, as kramdown merges IALs: classes append, the rest overrides. */
export function mergeAttributeLists(base: AttributeList, extra: AttributeList): AttributeList {
  return {
    id: extra.id ?? base.id,
    classes: [...base.classes, ...extra.classes],
    attributes: [...base.attributes, ...extra.attributes],
    refs: [...base.refs, ...extra.refs],
  };
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes `&#95;`, `&#x5F;` and named references (`&mdash;`): kramdown copies IAL values into the
 * HTML unescaped, so the browser decodes them; we store the decoded value in the tree. Heading ids
 * use it too, as kramdown reads references in a heading as their characters.
 */
export function decodeCharacterReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(\w+));/g, (all, dec, hex, name) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    return named[name] ?? (decodeNamedCharacterReference(name) || all);
  });
}

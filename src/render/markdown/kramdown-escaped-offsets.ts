import type { Text } from 'mdast';

/**
 * Offsets in a text node's value of characters written with a backslash (`\|`, `\"`), found by
 * reading the source under the node: the parser drops the backslash, but kramdown's later rules
 * (cell splitting, smart quotes) must still skip those characters.
 */
export function escapedOffsets(node: Text, source: string): Set<number> {
  const out = new Set<number>();
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return out;
  const raw = source.slice(start, end);
  if (!raw.includes('\\')) return out;
  let j = 0;
  for (let i = 0; i < node.value.length && j < raw.length; i++) {
    if (raw[j] === '\\' && raw[j + 1] === node.value[i] && node.value[i] !== '\\') {
      out.add(i);
      j += 2;
    } else if (raw[j] === '\\' && raw[j + 1] === '\\' && node.value[i] === '\\') {
      j += 2;
    } else if (raw[j] === '&' && node.value[i] !== '&') {
      const semi = raw.indexOf(';', j);
      j = semi < 0 ? j + 1 : semi + 1;
    } else j++;
  }
  return out;
}

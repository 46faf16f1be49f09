import { describe, expect, it } from 'vitest';
import { type MappedOutput, type OutputSegment, segmentAt } from '../../src/render/liquid/output-map.js';

/** The definition segmentAt must agree with: the deepest segment covering the offset. */
function deepestByScan(map: MappedOutput, offset: number): OutputSegment | undefined {
  let best: OutputSegment | undefined;
  for (const s of map.segments) {
    if (s.start <= offset && offset < s.end && (!best || s.depth > best.depth)) best = s;
  }
  return best;
}

function segment(start: number, end: number, depth: number, file = `d${depth}@${start}`): OutputSegment {
  return { start, end, file, sourceStart: 0, exact: false, depth, chain: [] };
}

describe('segmentAt', () => {
  it('finds the deepest segment as a scan would, for nested, adjacent, empty and same-range segments', () => {
    // Recorded in completion order, as the renderer does: children before their parent.
    const segments = [
      segment(0, 4, 1),
      segment(6, 8, 3),
      segment(8, 8, 3), // an output tag that printed nothing
      segment(8, 12, 3),
      segment(5, 12, 2),
      segment(12, 15, 2, 'same-range child'),
      segment(12, 15, 1, 'same-range parent'),
      segment(20, 25, 1), // a gap before it: 15-20 belongs to nothing
    ];
    const map: MappedOutput = { output: 'x'.repeat(30), segments };
    for (let offset = -1; offset <= 30; offset++) {
      expect(segmentAt(map, offset), `offset ${offset}`).toBe(deepestByScan(map, offset));
    }
    expect(segmentAt(map, 13)?.file).toBe('same-range child');
  });
});

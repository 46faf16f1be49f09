import { describe, expect, it } from 'vitest';
import { hashValue } from '../../src/render/cache/hash-value.js';

/** Long enough that an object holding it is hashed to a digest (and memoised), not kept as text. */
const PAD = 'p'.repeat(300);

describe('hashing values for cache keys', () => {
  it('gives the keys earlier versions gave for values without cycles, so existing caches stay valid', () => {
    const shared = { name: 'menu', items: ['a', 'b'] };
    const value = {
      title: 'x',
      list: [1, 'two', null, true, shared],
      big: 'y'.repeat(300),
      when: new Date(0),
      again: shared,
      re: /a+/g,
    };
    // Computed with the hashing of Galley before issue 7 (6e2bca4).
    expect(hashValue(value, new WeakMap())).toBe(
      '#9df02718c26d3e678cc075d75b19ed9304b082ee8c038d8b970707c3c917e427',
    );
    expect(hashValue({ a: [1, 'x'] }, new WeakMap())).toBe('{"a":[1,"x",,');
  });

  it('a value reaching a cycle hashes all of it, whatever the memo holds from values hashed before', () => {
    // `a` and `b` point at each other; `root` reaches `a` only through `b`.
    const graph = (v: number) => {
      const a: Record<string, unknown> = { v, pad: PAD };
      const b = { a, pad: PAD };
      a.b = b;
      return { a, root: { b } };
    };
    const [one, two] = [graph(1), graph(2)];
    const [memoOne, memoTwo] = [new WeakMap(), new WeakMap()];
    hashValue(one.a, memoOne);
    hashValue(two.a, memoTwo);
    expect(hashValue(one.root, memoOne)).not.toBe(hashValue(two.root, memoTwo));
  });

  it('tells apart cycles that close at different objects', () => {
    const x: Record<string, unknown> = {};
    x.a = { b: x };
    const y: Record<string, unknown> = {};
    y.b = y;
    expect(hashValue(x, new WeakMap())).not.toBe(hashValue({ a: y }, new WeakMap()));
  });

  it('hashes BigInts, and a value that threw leaves nothing behind in the memo', () => {
    expect(hashValue({ n: 1n }, new WeakMap())).not.toBe(hashValue({ n: 2n }, new WeakMap()));
    let fail = true;
    const value = {
      pad: PAD,
      get late() {
        if (fail) throw new Error('not yet');
        return 1;
      },
    };
    const memo = new WeakMap<object, string>();
    expect(() => hashValue([value], memo)).toThrow('not yet');
    fail = false;
    expect(hashValue([value], memo)).toBe(hashValue([value], new WeakMap()));
  });

  it('a cycle too costly to hash exactly gets a fresh hash each time, so it never matches a cache entry', () => {
    // Every node points at every other: hashed exactly, each path through them is hashed again.
    const nodes: Record<string, unknown>[] = Array.from({ length: 12 }, (_, i) => ({
      i,
      pad: PAD.repeat(3),
    }));
    for (const node of nodes) node.others = nodes.filter((n) => n !== node);
    const memo = new WeakMap<object, string>();
    const first = hashValue(nodes[0], memo);
    expect(first).toMatch(/^#cyclic-/);
    expect(hashValue(nodes[0], memo)).not.toBe(first);
    // Values without cycles are hashed as before in the same build.
    expect(hashValue({ a: [1, 'x'] }, memo)).toBe('{"a":[1,"x",,');
  });
});

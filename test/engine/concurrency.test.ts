// The concurrency pass: which services ran together. The overlap search is a sweep over start
// times; its comparisons are counted here (not timed), so a return to all-pairs fails the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { overlappingPairs } from "../../server/src/engine/derive/concurrency.js";
import { analyze } from "../helpers.js";

type Iv = { id: number; start: number; end: number };

function pairsOf(items: Iv[]): { pairs: string[]; comparisons: number } {
  const pairs: string[] = [];
  const comparisons = overlappingPairs(items, (a, b) => pairs.push([a.id, b.id].sort((x, y) => x - y).join("-")));
  return { pairs: pairs.sort(), comparisons };
}

function allPairs(items: Iv[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      if (items[i].start < items[j].end && items[j].start < items[i].end) out.push([items[i].id, items[j].id].sort((x, y) => x - y).join("-"));
  return out.sort();
}

test("overlapping pairs: the same pairs as comparing every two, zero-length and reversed intervals included", () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let round = 0; round < 200; round++) {
    const items: Iv[] = Array.from({ length: 1 + rand(30) }, (_, id) => {
      const start = rand(200);
      return { id, start, end: start + rand(60) - 5 };
    });
    assert.deepEqual(pairsOf(items).pairs, allPairs(items), `round ${round}`);
  }
  assert.deepEqual(pairsOf([{ id: 0, start: 60, end: 120 }, { id: 1, start: 120, end: 180 }]).pairs, [], "touching times do not overlap");
  assert.deepEqual(pairsOf([{ id: 0, start: 60, end: 120 }, { id: 1, start: 119, end: 180 }]).pairs, ["0-1"]);
});

test("overlapping pairs: comparisons grow with the services and the pairs found, not with every two services", () => {
  // 20,000 infusions, each overlapping only the next: all-pairs would compare 200 million times.
  const n = 20_000;
  const chain = Array.from({ length: n }, (_, id) => ({ id, start: id * 10, end: id * 10 + 15 }));
  const { pairs, comparisons } = pairsOf(chain);
  assert.equal(pairs.length, n - 1);
  assert.ok(comparisons <= 2 * (n + pairs.length), `${comparisons} comparisons for ${n} infusions`);
  const apart = Array.from({ length: n }, (_, id) => ({ id, start: id * 10, end: id * 10 + 5 }));
  assert.equal(pairsOf(apart).comparisons, 0);
});

test("concurrent lists: 'with' links first, then overlapping services in the order listed", () => {
  const a = analyze("infuse oxaliplatin 09:00-11:00\ninfuse leucovorin 10:00-12:00\ninfuse ondansetron 10:30-10:50\ninfuse pembrolizumab 2h with oxaliplatin");
  const lists = a.encounters[0].derivation.services.map((s) => s.concurrent.map((o) => o.index));
  assert.deepEqual(lists, [[3, 1, 2], [0, 2], [0, 1], [0]]);
});

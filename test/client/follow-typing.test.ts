// The VS Code preview's refresh (client/src/refresh.ts): once the typing pauses, never two at once
// for a document, and once more after a refresh that edits overtook.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FollowTyping } from "../../client/src/refresh.js";

/** A refresh that stays under way until `finish()`, recording each start. */
function slowRefresh() {
  const started: string[] = [];
  let finish = () => {};
  const refresh = (key: string) => new Promise<void>((done) => {
    started.push(key);
    finish = done;
  });
  return { started, refresh, finish: () => finish() };
}
const settle = () => new Promise((r) => setImmediate(r));

test("ten keystrokes within the pause ask for one refresh, after the pause", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const r = slowRefresh();
  const follow = new FollowTyping(r.refresh, 300);
  for (let i = 0; i < 10; i++) {
    follow.edited("a");
    t.mock.timers.tick(100);
  }
  assert.deepEqual(r.started, [], "still typing");
  t.mock.timers.tick(200);
  assert.deepEqual(r.started, ["a"]);
});

test("edits during a refresh give one more refresh when it ends, never two at once", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const r = slowRefresh();
  const follow = new FollowTyping(r.refresh, 300);
  follow.edited("a");
  t.mock.timers.tick(300);
  assert.deepEqual(r.started, ["a"]);
  for (let i = 0; i < 3; i++) {
    follow.edited("a");
    t.mock.timers.tick(300);
  }
  void follow.now("a");
  assert.deepEqual(r.started, ["a"], "the first is still under way");
  r.finish();
  await settle();
  assert.deepEqual(r.started, ["a", "a"], "one more, for all the edits it missed");
  r.finish();
  await settle();
  assert.deepEqual(r.started, ["a", "a"]);
});

test("documents are refreshed independently, and a closed one is not", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const r = slowRefresh();
  const follow = new FollowTyping(r.refresh, 300);
  follow.edited("a");
  follow.edited("b");
  follow.edited("c");
  follow.forget("c");
  t.mock.timers.tick(300);
  assert.deepEqual(r.started, ["a", "b"]);
});

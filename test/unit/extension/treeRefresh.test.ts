// The gate that holds a tree's refresh back while VS Code is still asking for the children of the
// items it had (src/extension/treeRefresh.ts), on a fake clock: what it lets through and when.
import { strict as assert } from 'node:assert';
import { TreeRefreshGate } from '../../../src/extension/treeRefresh';

function fakeClock() {
  let now = 0;
  let timers: { at: number; f: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimer: (f: () => void, ms: number) => {
      const id = next++;
      timers.push({ at: now + ms, f, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
    /** Moves the clock on, running the timers due meanwhile in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const due = timers[0];
        if (!due || due.at > end) break;
        timers.shift();
        now = due.at;
        due.f();
      }
      now = end;
    },
  };
}

function setup({ visible = true, changes = true } = {}) {
  const clock = fakeClock();
  const fired: number[] = [];
  const state = { visible, changes };
  const gate = new TreeRefreshGate({
    refresh: () => {
      if (!state.changes) return false;
      fired.push(clock.now());
      return true;
    },
    visible: () => state.visible,
    settleMs: 3_000,
    minIntervalMs: 300,
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  return { clock, fired, gate, state };
}

describe('TreeRefreshGate (a tree refresh waits for VS Code to finish walking the tree)', () => {
  it('refreshes at once when VS Code expects nothing', () => {
    const { fired, gate } = setup();
    gate.changed();
    assert.deepEqual(fired, [0]);
  });

  it('holds a change back until VS Code has asked for every open item after a refresh, then lets it through', () => {
    const { clock, fired, gate } = setup();
    gate.changed(); // refresh 1: VS Code will ask for the root
    clock.advance(100);
    gate.changed(); // held: the root has not been asked for
    assert.deepEqual(fired, [0]);
    gate.asked(undefined, ['group|a', 'group|b']);
    clock.advance(100);
    gate.asked('group|a', ['section|a|x']);
    clock.advance(100);
    assert.deepEqual(fired, [0], 'still walking: group|b and section|a|x are to come');
    gate.asked('group|b', []);
    clock.advance(100);
    assert.deepEqual(fired, [0]);
    gate.asked('section|a|x', []);
    clock.advance(0);
    assert.deepEqual(fired, [0, 400], 'refreshed as soon as the last open item was asked for');
  });

  it('keeps the least interval between two refreshes, counted from the last thing sent to the view', () => {
    const { clock, fired, gate } = setup({ visible: false });
    gate.changed();
    clock.advance(50);
    gate.changed();
    clock.advance(249);
    assert.deepEqual(fired, [0]);
    clock.advance(1);
    assert.deepEqual(fired, [0, 300]);
    clock.advance(400);
    gate.sent(); // a new message above the tree at 700
    clock.advance(100);
    gate.changed();
    clock.advance(199);
    assert.deepEqual(fired, [0, 300]);
    clock.advance(1);
    assert.deepEqual(fired, [0, 300, 1_000]);
  });

  it('holds a change back while VS Code walks down after showing the view (no refresh of ours started it)', () => {
    const { clock, fired, gate } = setup();
    gate.asked(undefined, ['group|a']);
    gate.changed();
    clock.advance(500);
    assert.deepEqual(fired, []);
    gate.asked('group|a', []);
    clock.advance(0);
    assert.deepEqual(fired, [500]);
  });

  it('asking for the root again forgets what an earlier walk still expected', () => {
    const { clock, fired, gate } = setup();
    gate.asked(undefined, ['group|a', 'group|b']);
    gate.asked('group|a', []);
    gate.changed();
    gate.asked(undefined, []);
    clock.advance(0);
    assert.deepEqual(fired, [0]);
  });

  it('lets a change through when VS Code has asked nothing for the settle time (a request that will never come)', () => {
    const { clock, fired, gate } = setup();
    gate.asked(undefined, ['group|a']);
    clock.advance(1_000);
    gate.changed();
    clock.advance(1_999);
    assert.deepEqual(fired, []);
    clock.advance(1);
    assert.deepEqual(fired, [3_000], 'three seconds after the last request');
  });

  it('each request of VS Code restarts the settle time', () => {
    const { clock, fired, gate } = setup();
    gate.asked(undefined, ['group|a', 'group|b', 'group|c']);
    gate.changed();
    clock.advance(2_500);
    gate.asked('group|a', []);
    clock.advance(2_500);
    gate.asked('group|b', []);
    clock.advance(2_999);
    assert.deepEqual(fired, []);
    clock.advance(1);
    assert.deepEqual(fired, [8_000]);
  });

  it('a hidden view expects no request after a refresh: the next change waits only for the least interval', () => {
    const { clock, fired, gate, state } = setup({ visible: false });
    gate.changed();
    gate.changed();
    clock.advance(300);
    assert.deepEqual(fired, [0, 300]);
    state.visible = true;
    clock.advance(300);
    gate.changed();
    gate.changed();
    clock.advance(1_000);
    assert.deepEqual(fired, [0, 300, 600], 'visible: the second waits for the root request');
    gate.asked(undefined, []);
    clock.advance(0);
    assert.deepEqual(fired, [0, 300, 600, 1_600]);
  });

  it('a change that leaves the tree as it was is not a refresh and expects no request', () => {
    const { fired, gate, state } = setup();
    state.changes = false;
    gate.changed();
    state.changes = true;
    gate.changed();
    assert.deepEqual(fired, [0]);
  });

  it('settled() resolves once the held change is shown, at once when none is held', async () => {
    const { clock, gate } = setup();
    await gate.settled();
    gate.changed();
    gate.changed();
    let done = false;
    const settled = gate.settled().then(() => (done = true));
    await Promise.resolve();
    assert.equal(done, false);
    gate.asked(undefined, []);
    clock.advance(300);
    await settled;
    assert.equal(done, true);
  });

  it('after dispose nothing fires and waiters are released', async () => {
    const { clock, fired, gate } = setup();
    gate.changed();
    gate.changed();
    const settled = gate.settled();
    gate.dispose();
    await settled;
    gate.changed();
    clock.advance(10_000);
    assert.deepEqual(fired, [0]);
  });
});

// A step in a real editor UI that a person would simply repeat. An editor can move the text under
// the mouse as code lenses and hints arrive, or answer a request made just before its findings
// were in; the assertions after the step check what it did.
import assert from "node:assert/strict";

/** Does `act`, then waits up to 10 s for `shown` to be visible; up to four times. */
export async function untilShown(act: () => Promise<unknown>, shown: { waitFor(o: { timeout: number }): Promise<unknown> }, what: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await act();
    if (await shown.waitFor({ timeout: 10_000 }).then(() => true, () => false)) return;
    assert.ok(attempt < 4, `${what} did not show after four tries`);
  }
}

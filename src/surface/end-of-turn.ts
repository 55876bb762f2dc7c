// Answers wait for the end of the event-loop turn in which their request was read, then run
// one after another. Under load one turn reads many requests: Bolt's work on all of them runs
// back to back, then the core, the rendering and the replies for all of them, so each stage's
// code and data stay in the CPU caches instead of being pushed out by the other stages between
// one request and the next. On the slash-command bench that took server CPU per answer from
// ≈240 to ≈150 µs (docs/slack.md). A request on its own waits one setImmediate: microseconds.

let turn: Promise<void> | null = null;

/** Resolves after the I/O callbacks of the current turn; every caller in the turn shares it. */
export function endOfTurn(): Promise<void> {
  turn ??= new Promise((resolve) => {
    setImmediate(() => {
      turn = null;
      resolve();
    });
  });
  return turn;
}

// The answer's buttons that both surfaces run through the shared code (surface/answer-buttons.ts,
// surface/feedback.ts), pressed for real on each: Compare sets the same two sides with the same
// prices and fits, and 👍 / 👎 count once per person and answer, with the same category.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useChatServer, type ChatServer } from '../helpers/chat-server.js';
import { ONE_PATH_PER_SURFACE, type ChatPath, type Shown, type ShownButton } from './chat-paths.js';

const button = (shown: Shown, id: string): ShownButton => {
  const found = shown.buttons.find((b) => b.id === id);
  expect(found, `a ${id} button`).toBeDefined();
  return found!;
};

/** Feedback rows of one path's conversation, as another process reads the file. */
function votes(chat: ChatServer, path: ChatPath): { helpful: number; category: string | null; catalog_version: string }[] {
  const db = new Database(chat.db, { readonly: true });
  try {
    const rows = db.prepare('SELECT surface, channel, helpful, category, catalog_version FROM feedback ORDER BY id').all() as { surface: string; channel: string; helpful: number; category: string | null; catalog_version: string }[];
    return rows.filter((r) => r.surface === path.surface && r.channel.startsWith(path.channel)).map(({ helpful, category, catalog_version }) => ({ helpful, category, catalog_version }));
  } finally {
    db.close();
  }
}

describe.each(ONE_PATH_PER_SURFACE.map((p) => [p.name, p] as const))('answer buttons, %s', (_name, path) => {
  const env = useChatServer();

  it('"Compare" sets a language model beside the specialist, asking again when the answer lacks one', async () => {
    const q = '300 product shots a month for the shop';
    const answer = env.chat.server.recommender.ask(q);
    expect(answer.recommendations.some((r) => r.category === 'llm')).toBe(false);
    const card = await button(await path.say(env.chat, q), 'compare').press();
    expect(card.headers[0]).toMatch(/^Language model.* vs .*image/i);
    expect(card.text).toContain(answer.recommendations[0]!.label);
    // The language model's cost is not priced as if it made the 300 images...
    const [llmCost, imageCost] = card.row('Cost');
    expect(llmCost).not.toMatch(/images/);
    expect(imageCost).toMatch(/300 images/);
    // ...nor does it look like a better fit than the recommendation because it was asked for.
    const [llmFit, imageFit] = card.row('Fit here').map((f) => Number.parseInt(f, 10));
    expect(llmFit).toBeLessThan(imageFit!);
  });

  it('👍 and 👎 count once per person and answer, with the answer’s category and catalog version; 👎 asks what was needed', async () => {
    const q = 'write unit tests for this React component';
    const shown = await path.say(env.chat, q);
    const before = votes(env.chat, path).length;
    const up = button(shown, 'feedback_up');
    await up.press();
    // An old copy of the card pressed again by the same person, either way, counts nothing more.
    await up.press();
    const kinds = await button(shown, 'feedback_down').press();
    expect(kinds.buttons.filter((b) => b.id === 'kind')).toHaveLength(8);
    const other = await button(await path.say(env.chat, 'a catchy jingle for a radio ad'), 'feedback_down').press();
    expect(other.buttons.some((b) => b.id === 'kind')).toBe(true);
    await expect.poll(() => votes(env.chat, path).length).toBe(before + 2);
    expect(votes(env.chat, path).slice(before)).toEqual([
      { helpful: 1, category: 'code', catalog_version: up.data.v },
      { helpful: 0, category: 'audio', catalog_version: up.data.v },
    ]);
  });
});

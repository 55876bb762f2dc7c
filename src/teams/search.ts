// The search-based message extension "Find an AI tool": what a person types in the compose box
// becomes a list of recommendations, each a card they can insert into the conversation.
import type { MessagingExtensionAttachment, MessagingExtensionQuery, MessagingExtensionResponse } from 'botbuilder';
import type { Recommender } from '../core/recommend.js';
import { checkRequest } from '../core/request.js';
import { answerCard } from '../render/answer-card.js';
import { plainText } from '../render/adaptive-card.js';
import { EXAMPLES } from '../render/examples.js';
import { namedPrice } from '../render/side-by-side.js';
import { cardAttachment } from './attachments.js';

export const SEARCH_COMMAND_ID = 'findTool';
export const SEARCH_PARAMETER = 'query';

const message = (text: string): MessagingExtensionResponse => ({ composeExtension: { type: 'message', text } });

function resultsFor(recommender: Recommender, query: string): MessagingExtensionAttachment[] {
  const answer = recommender.ask(query);
  return answer.recommendations.map((r) => {
    // Each result is that category's own answer, so its "why" and tools belong together.
    const own = recommender.ask(query, { prefer: r.category });
    // Inserted cards carry no buttons: the person may insert one where the bot is not installed.
    const card = answerCard({ ...own, clarify: [] }, { feedback: false });
    // "ElevenLabs", "midjourney pricing": a search by name is titled by the tool it found.
    const named = answer.named.find((n) => n.category === r.category);
    const preview = named
      ? { title: `${named.name}: ${named.label}`, text: `${named.bestFor} · ${namedPrice(named)}` }
      : { title: r.verdict, text: `${r.tools.map((t) => t.name).join(', ')} · fit ${Math.round(r.score * 100)}%` };
    return {
      ...cardAttachment(card, { actions: 'none' }),
      preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: plainText(preview.title), text: plainText(preview.text) } },
    };
  });
}

export function searchTools(recommender: Recommender, query: MessagingExtensionQuery | undefined): MessagingExtensionResponse {
  const params = query?.parameters ?? [];
  // Teams opens the extension with `initialRun` before anything is typed.
  const initial = params.some((p) => p.name === 'initialRun');
  const raw: unknown = params.find((p) => p.name === SEARCH_PARAMETER)?.value ?? '';
  const list = (attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse => ({
    composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
  });
  // Before anything is typed, one result per example request shows what the extension does.
  if (initial || raw === '') return list(EXAMPLES.flatMap((q) => resultsFor(recommender, q).slice(0, 1)));
  const checked = checkRequest(raw);
  if (!checked.ok) return message(checked.message);
  const results = resultsFor(recommender, checked.text);
  if (!results.length) return message('No AI tool fits that. Describe the output you need: words, code, images, video, audio or 3D.');
  return list(results);
}

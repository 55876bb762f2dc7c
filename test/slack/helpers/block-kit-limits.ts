// An independent check of Slack's Block Kit limits, written from Slack's reference rather
// than from the renderer, so a renderer bug can't hide behind its own constants.
const MAX = { blocks: 50, viewBlocks: 100, section: 3000, field: 2000, fields: 10, header: 150, button: 75, value: 2000, actionId: 255, buttons: 25, context: 10 };

interface TextObj { type: string; text: string }
type Block = Record<string, unknown> & { type: string };

export function blockKitProblems(message: { text?: string; blocks: readonly unknown[] }, kind: 'message' | 'view' = 'message'): string[] {
  const problems: string[] = [];
  const blocks = message.blocks as Block[];
  const max = kind === 'view' ? MAX.viewBlocks : MAX.blocks;
  if (blocks.length > max) problems.push(`${blocks.length} blocks > ${max}`);
  if (blocks.length === 0) problems.push('no blocks');
  const actionIds = new Set<string>();
  const text = (t: TextObj | undefined, limit: number, where: string) => {
    if (!t) return;
    if (typeof t.text !== 'string' || t.text.length === 0) problems.push(`${where}: empty text`);
    else if (t.text.length > limit) problems.push(`${where}: ${t.text.length} chars > ${limit}`);
  };
  blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    switch (b.type) {
      case 'header':
        text(b.text as TextObj, MAX.header, at);
        if ((b.text as TextObj).type !== 'plain_text') problems.push(`${at}: header must be plain_text`);
        break;
      case 'section': {
        const fields = (b.fields as TextObj[] | undefined) ?? [];
        if (!b.text && !fields.length) problems.push(`${at}: section without text or fields`);
        text(b.text as TextObj | undefined, MAX.section, at);
        if (fields.length > MAX.fields) problems.push(`${at}: ${fields.length} fields > ${MAX.fields}`);
        fields.forEach((f, n) => text(f, MAX.field, `${at} field ${n}`));
        break;
      }
      case 'context': {
        const els = b.elements as TextObj[];
        if (els.length > MAX.context) problems.push(`${at}: ${els.length} elements`);
        els.forEach((e, n) => text(e, MAX.field, `${at} element ${n}`));
        break;
      }
      case 'actions': {
        const els = b.elements as { text: TextObj; action_id: string; value: string }[];
        if (els.length > MAX.buttons) problems.push(`${at}: ${els.length} buttons > ${MAX.buttons}`);
        for (const e of els) {
          text(e.text, MAX.button, `${at} button`);
          if (e.value.length > MAX.value) problems.push(`${at}: value ${e.value.length} > ${MAX.value}`);
          if (e.action_id.length > MAX.actionId) problems.push(`${at}: action_id too long`);
          if (actionIds.has(e.action_id)) problems.push(`${at}: duplicate action_id ${e.action_id}`);
          actionIds.add(e.action_id);
        }
        break;
      }
      case 'divider':
      case 'input':
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  return problems;
}

/** Text Slack shows (all but button values), for checking that nothing can ping. */
export const shownText = (message: unknown): string => JSON.stringify(message, (k, v: unknown) => (k === 'value' ? undefined : v));

/** A raw Slack control sequence in shown text would be a mention, a channel link or a ping. */
export const RAW_CONTROL = /<[!@#][^>]*>/;

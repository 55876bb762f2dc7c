// `which-tool ask`: one request from the arguments, or one per line from standard input.
import { createInterface } from 'node:readline';
import type { AnswerT } from '../core/answer.js';
import { checkRequest } from '../core/request.js';
import { answerToText } from '../render/text.js';

/** A checked request in, an answer out: the recommender, with the policy layer over it when there is one. */
export type Ask = (query: string) => AnswerT;

export interface AskFlags {
  json: boolean;
  stdin: boolean;
  text: string;
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  input: NodeJS.ReadableStream;
}

/** Returns the exit code. */
export async function runAsk(ask: Ask, flags: AskFlags, io: Io): Promise<number> {
  if (!flags.stdin) {
    const check = checkRequest(flags.text);
    if (!check.ok) {
      io.err(`which-tool: ${check.message}`);
      return 2;
    }
    const answer = ask(check.text);
    io.out(flags.json ? JSON.stringify(answer) : answerToText(answer));
    return 0;
  }
  const lines = createInterface({ input: io.input, crlfDelay: Infinity });
  const batch: string[] = [];
  // Buffered writes: one write per line would dominate a 10,000-line batch.
  const flush = (): void => {
    if (batch.length) io.out(batch.splice(0).join('\n'));
  };
  for await (const raw of lines) {
    if (!raw.trim()) continue;
    const check = checkRequest(raw);
    if (!check.ok) {
      batch.push(flags.json ? JSON.stringify({ query: raw.slice(0, 200), error: check.message }) : `error: ${check.message}`);
    } else {
      const answer = ask(check.text);
      batch.push(flags.json ? JSON.stringify(answer) : `${answerToText(answer)}\n`);
    }
    if (batch.length >= 256) flush();
  }
  flush();
  return 0;
}

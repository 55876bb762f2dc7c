// Schedules: chat words ("weekly monday 09:00 Europe/Berlin") become a five-field cron pattern
// and a time zone; croner does every date calculation, daylight-saving changes included.
import { Cron } from 'croner';

export interface Schedule {
  readonly cron: string;
  readonly timeZone: string;
}

export const SCHEDULE_EXAMPLE = 'weekly monday 09:00 Europe/Berlin';
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export class ScheduleError extends Error {
  readonly code = 'schedule_invalid';
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Echoes a word back, cut short: the reply must not repeat a pasted essay. */
const quote = (word: string): string => `"${word.length > 40 ? `${word.slice(0, 39)}…` : word}"`;

const dayIndex = (word: string): number => DAYS.findIndex((d) => d === word || d.slice(0, 3) === word);

/** "weekly [day] [HH:MM] [Zone/Name]" or "daily [HH:MM] [Zone/Name]"; defaults Monday, 09:00, the user's zone, else UTC. */
export function parseChatSchedule(words: readonly string[], userTimeZone: string | undefined): Schedule {
  const [kind, ...rest] = words.map((w) => w.trim()).filter(Boolean);
  const lower = kind?.toLowerCase();
  if (lower !== 'weekly' && lower !== 'daily') throw new ScheduleError(`${quote(kind ?? '')} is not a schedule: say daily or weekly.`);
  let day = 1;
  let hour = 9;
  let minute = 0;
  let timeZone: string | undefined;
  for (const word of rest) {
    const w = word.toLowerCase();
    const time = /^(\d{1,2})(?::(\d{2}))?$/.exec(w);
    if (lower === 'weekly' && dayIndex(w) >= 0) day = dayIndex(w);
    else if (time) {
      hour = Number(time[1]);
      minute = Number(time[2] ?? 0);
      if (hour > 23 || minute > 59) throw new ScheduleError(`${quote(word)} is not a time of day: use 24-hour HH:MM, e.g. 09:00 or 17:30.`);
    } else if (word.includes('/') || word.toUpperCase() === 'UTC') {
      if (!isTimeZone(word)) throw new ScheduleError(`${quote(word)} is not a time zone I know: use an IANA name such as Europe/Berlin or America/New_York.`);
      timeZone = word;
    } else throw new ScheduleError(`I did not understand ${quote(word)}.`);
  }
  const zone = timeZone ?? (userTimeZone && isTimeZone(userTimeZone) ? userTimeZone : 'UTC');
  return { cron: `${minute} ${hour} * * ${lower === 'weekly' ? day : '*'}`, timeZone: zone };
}

/** Checks a cron pattern and zone from the command line; throws ScheduleError naming the problem. */
export function validateSchedule(s: Schedule): Schedule {
  if (!isTimeZone(s.timeZone)) throw new ScheduleError(`"${s.timeZone}" is not a time zone I know: use an IANA name such as Europe/Berlin.`);
  if (s.cron.trim().split(/\s+/).length !== 5) throw new ScheduleError(`"${s.cron}" must have five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * 1".`);
  try {
    const job = cron(s);
    if (!job.nextRun(new Date())) throw new ScheduleError(`"${s.cron}" never runs.`);
  } catch (err) {
    if (err instanceof ScheduleError) throw err;
    throw new ScheduleError(`"${s.cron}" is not a cron pattern: ${(err as Error).message}`);
  }
  return { cron: s.cron.trim().split(/\s+/).join(' '), timeZone: s.timeZone };
}

// Parsed patterns, reused: a thousand channels usually share a handful of schedules.
const parsed = new Map<string, Cron>();
const cron = (s: Schedule): Cron => {
  const key = `${s.cron}|${s.timeZone}`;
  let job = parsed.get(key);
  if (!job) {
    job = new Cron(s.cron, { timezone: s.timeZone, paused: true, mode: '5-part' });
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(key, job);
  }
  return job;
};

/** The newest scheduled time at or before `at`, or null when there is none. */
export function latestFire(s: Schedule, at: Date): Date | null {
  return cron(s).previousRuns(1, new Date(at.getTime() + 1))[0] ?? null;
}

/** The `n` scheduled times strictly before `at`, newest first. */
export function firesBefore(s: Schedule, at: Date, n: number): Date[] {
  return cron(s).previousRuns(n, at);
}

export function nextFire(s: Schedule, after: Date): Date | null {
  return cron(s).nextRun(after);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "every Monday at 09:00 (Europe/Berlin)" for chat-made schedules, the cron pattern otherwise. */
export function describeSchedule(s: Schedule): string {
  const m = /^(\d+) (\d+) \* \* (\*|\d)$/.exec(s.cron);
  if (!m) return `on the cron schedule "${s.cron}" (${s.timeZone})`;
  const when = `${pad(Number(m[2]))}:${pad(Number(m[1]))}`;
  const day = m[3] === '*' ? 'every day' : `every ${capital(DAYS[Number(m[3]) % 7]!)}`;
  return `${day} at ${when} (${s.timeZone})`;
}

const capital = (w: string): string => w[0]!.toUpperCase() + w.slice(1);

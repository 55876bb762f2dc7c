// DATABASE_URL and the scheduler tick: read once at start-up like every variable, refused with
// one line naming the variable and never its value (the URL holds a password).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';

const refused = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('DATABASE_URL and WHICH_TOOL_SCHEDULER_TICK_SECONDS', () => {
  it('SQLite by default; Postgres when DATABASE_URL is a postgres:// URL', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: null, dbPath: './var/which-tool.db', schedulerTickSeconds: 60 });
    expect(loadConfig({ DATABASE_URL: 'postgresql://wt:s3cret@db.internal:5432/which_tool' }).databaseUrl).toBe('postgresql://wt:s3cret@db.internal:5432/which_tool');
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeNull();
  });

  it('refuses another kind of URL without printing it', () => {
    for (const url of ['mysql://wt:s3cret@db/which_tool', 'postgres://wt:s3cret@db/x y', 'not a url s3cret']) {
      const message = refused({ DATABASE_URL: url });
      expect(message).toMatch(/^configuration: DATABASE_URL must be a postgres:\/\/ URL/);
      expect(message).not.toContain('s3cret');
    }
  });

  it('takes a tick that divides a minute, and nothing else', () => {
    expect(loadConfig({ WHICH_TOOL_SCHEDULER_TICK_SECONDS: '15' }).schedulerTickSeconds).toBe(15);
    for (const bad of ['0', '7', '90', 'soon']) expect(refused({ WHICH_TOOL_SCHEDULER_TICK_SECONDS: bad })).toMatch(/^configuration: WHICH_TOOL_SCHEDULER_TICK_SECONDS /);
  });
});

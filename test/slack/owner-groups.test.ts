// Owners' groups as Slack answers for them: through the real Web API client against the local
// stand-in. Members are kept a minute; a group Slack will not list lets nobody in and says why.
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackOwnerGroups } from '../../src/slack/owner-groups.js';
import { SlackStandIn } from './helpers/stand-in.js';

let slack: SlackStandIn;
let client: webApi.WebClient;
beforeAll(async () => {
  slack = await new SlackStandIn().start();
  slack.answers['usergroups.users.list'] = (c) =>
    c.body.usergroup === 'S0LEADS' ? { ok: true, users: ['U0LEAD'] } : { ok: false, error: c.body.usergroup === 'S0SECRET' ? 'missing_scope' : 'no_such_subteam' };
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(() => slack.stop());

describe('owners named as Slack user groups', () => {
  it('finds the groups a person is in, asks again after a minute, and never counts people or Teams ids as groups', async () => {
    let now = 0;
    const groups = new SlackOwnerGroups(() => undefined, () => now);
    const owners = ['u0boss', 's0leads', '0c6d1e2a-7f1b-4c1e-9a57-5b1f0d2c3e4f'];
    expect(await groups.containing(client, 'T1', 'U0LEAD', owners)).toEqual(['s0leads']);
    expect(await groups.containing(client, 'T1', 'U0NOBODY', owners)).toEqual([]);
    expect(slack.named('usergroups.users.list').map((c) => c.body.usergroup)).toEqual(['S0LEADS']);
    now = 61_000;
    await groups.containing(client, 'T1', 'U0LEAD', owners);
    // Another workspace's group of the same id is its own.
    await groups.containing(client, 'T2', 'U0LEAD', owners);
    expect(slack.named('usergroups.users.list')).toHaveLength(3);
  });

  it('lets nobody in through a group Slack refuses to list, and says which group and why', async () => {
    const failures: [string, string][] = [];
    const groups = new SlackOwnerGroups((group, reason) => failures.push([group, reason]));
    expect(await groups.containing(client, 'T1', 'U0LEAD', ['s0secret', 's0gone'])).toEqual([]);
    expect(failures).toEqual([['S0SECRET', 'missing_scope'], ['S0GONE', 'no_such_subteam']]);
  });
});

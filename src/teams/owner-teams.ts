// WHICH_TOOL_OWNERS may name Teams teams by their id (`19:…@thread.tacv2`, as a team's
// channelData gives it): a member of one may accept or reject corrections. Asked of the
// connector (the conversation-members call, which needs no Graph permission) only for a presser
// not named in person. Owners are kept lower-cased; the ids of current teams are.
import type { TurnContext } from 'botbuilder';
import type { TeamsAdapter } from './adapter.js';

const TEAM_ID = /^19:[^\s@]+@thread\.(?:tacv2|skype)$/;

/** The teams among `owners` that the sender of this turn's activity is a member of. */
export async function ownerTeamsOf(context: TurnContext, owners: ReadonlySet<string>): Promise<string[]> {
  const adapter = context.adapter as TeamsAdapter;
  const found: string[] = [];
  for (const id of owners) if (TEAM_ID.test(id) && (await adapter.member(context, id))) found.push(id);
  return found;
}

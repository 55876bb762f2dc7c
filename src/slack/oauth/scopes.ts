// The bot scopes the app asks for when installed: the least its listeners and digests use.
// Each is justified in docs/slack.md; test/slack/manifest.test.ts keeps the manifests in step.
export const BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'users:read', 'usergroups:read'] as const;

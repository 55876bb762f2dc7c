// A row of `slack_installations` as both stores keep it; its tokens are sealed
// (installation-rows.ts opens them).
import { z } from 'zod';

export const InstallationRow = z.object({
  id: z.string(),
  team_id: z.string().nullable(),
  team_name: z.string().nullable(),
  enterprise_id: z.string().nullable(),
  enterprise_name: z.string().nullable(),
  enterprise_url: z.string().nullable(),
  is_enterprise_install: z.union([z.literal(0), z.literal(1)]),
  app_id: z.string().nullable(),
  bot_id: z.string(),
  bot_user_id: z.string(),
  bot_scopes: z.string(),
  bot_token: z.string(),
  bot_refresh_token: z.string().nullable(),
  bot_expires_at: z.number().nullable(),
  installer_user_id: z.string().nullable(),
  installed_at: z.number(),
});
export type InstallationRowT = z.infer<typeof InstallationRow>;

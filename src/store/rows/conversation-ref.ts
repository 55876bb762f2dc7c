// A row of `conversation_refs`: where Teams can post later, the reference kept as JSON text.
import { z } from 'zod';
import { CONVERSATION_SCOPES, type ConversationRefRecord } from '../types.js';
import { Flag, jsonText } from './columns.js';

export const ConversationRefRow = z
  .object({
    conversation_id: z.string(),
    tenant_id: z.string(),
    scope: z.enum(CONVERSATION_SCOPES),
    reference: jsonText(z.unknown()),
    updated_at: z.number(),
    /** NULL for rows saved before the flag existed (schema 3): not known to be authenticated. */
    authenticated: Flag.nullable(),
  })
  .transform(
    (r): ConversationRefRecord => ({
      conversationId: r.conversation_id,
      tenantId: r.tenant_id,
      scope: r.scope,
      reference: r.reference,
      updatedAt: new Date(r.updated_at),
      authenticated: r.authenticated === true,
    }),
  );

/** A reference saved before the authenticated flag existed: only its service URL decides whether it stays. */
export const LegacyRefRow = z.object({
  conversation_id: z.string(),
  reference: jsonText(z.object({ serviceUrl: z.unknown() }).partial().loose().nullable()),
}).transform((r) => ({ conversationId: r.conversation_id, serviceUrl: r.reference?.serviceUrl }));

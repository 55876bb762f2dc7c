// Coded errors and their texts, in one place, so callers branch on a code and people read one
// wording everywhere.
export const ErrorCode = {
  CatalogUnreadable: 'catalog_unreadable',
  CatalogInvalid: 'catalog_invalid',
  RequestEmpty: 'request_empty',
  RequestTooLong: 'request_too_long',
  RequestNotText: 'request_not_text',
  ConfigInvalid: 'config_invalid',
  CorpusInvalid: 'corpus_invalid',
  ModelInvalid: 'model_invalid',
  CorrectionRateLimited: 'correction_rate_limited',
  CorrectionInvalid: 'correction_invalid',
  CorrectionUnknown: 'correction_unknown',
  DeploymentTrainingFailed: 'deployment_training_failed',
  SecretUnreadable: 'secret_unreadable',
  SlackNotInstalled: 'slack_not_installed',
  SlackInstallationInvalid: 'slack_installation_invalid',
  StoreUnavailable: 'store_unavailable',
  StoreRowInvalid: 'store_row_invalid',
  StoreMoveRefused: 'store_move_refused',
  TeamsUnauthorized: 'teams_unauthorized',
  ServiceUrlRefused: 'service_url_refused',
  ConnectorTimeout: 'connector_timeout',
  PolicyInvalid: 'policy_invalid',
} as const;
export type ErrorCodeT = (typeof ErrorCode)[keyof typeof ErrorCode];

export const MAX_REQUEST_CHARS = 2000;

export const messages = {
  requestEmpty: 'The request is empty. Describe what you want to make or do, e.g. "300 product shots a month for the shop".',
  requestTooLong: `The request is longer than ${MAX_REQUEST_CHARS.toLocaleString('en-US')} characters. Please shorten it to the essentials.`,
  requestNotText: 'The request must be text.',
  correctionThanks: (kind: string) =>
    `Thanks: noted that you needed ${kind}. The catalog's owners review it, with the text of your request; once they accept it, this bot answers requests like it that way.`,
  correctionThanksNoText: (kind: string) =>
    `Thanks: noted that you needed ${kind}. This deployment keeps no request text, so the owners see only the change of kind, and it cannot teach the bot.`,
  correctionRateLimited: (limit: number) =>
    `Thanks, but that is more than the ${limit} corrections one person can send in an hour. The ones you sent are with the catalog's owners; please try again later.`,
  notOwner: "Only the catalog's owners (WHICH_TOOL_OWNERS) can accept or reject corrections; nothing was changed.",
} as const;

export class WhichToolError extends Error {
  constructor(
    readonly code: ErrorCodeT,
    message: string,
  ) {
    super(message);
    this.name = 'WhichToolError';
  }
}

/** A data file that cannot be used: names the file, the path inside it and the reason. */
export class CatalogError extends WhichToolError {
  constructor(
    readonly file: string,
    readonly problems: readonly { path: string; reason: string }[],
  ) {
    super(
      ErrorCode.CatalogInvalid,
      `${file}: ` + problems.map((p) => `${p.path || '(top level)'}: ${p.reason}`).join('; '),
    );
    this.name = 'CatalogError';
  }
}

/** A corpus line that cannot be used: names the file, the line and the reason. */
export class CorpusError extends WhichToolError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(ErrorCode.CorpusInvalid, `${file}:${line}: ${reason}`);
    this.name = 'CorpusError';
  }
}

/** A correction refused: over the per-person limit, or naming a kind or industry that does not exist. */
export class CorrectionError extends WhichToolError {
  constructor(code: typeof ErrorCode.CorrectionRateLimited | typeof ErrorCode.CorrectionInvalid | typeof ErrorCode.CorrectionUnknown, message: string) {
    super(code, message);
    this.name = 'CorrectionError';
  }
}

/**
 * A company AI policy file that cannot be used. The message is one line, `file: path: reason`,
 * for the first problem (the contract: start-up and `ask` stop with one line); `problems` holds
 * them all, for `which-tool policy check`, which lists every one so an owner fixes them in one go.
 */
export class PolicyError extends WhichToolError {
  /** Every problem as its own `file: path: reason` line. */
  readonly lines: readonly string[];

  constructor(
    readonly file: string,
    readonly problems: readonly { path: string; reason: string }[],
  ) {
    const line = (p: { path: string; reason: string }): string => `${file}: ${p.path || '(top level)'}: ${p.reason}`;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more: run "which-tool policy check ${file}")` : '';
    super(ErrorCode.PolicyInvalid, line(problems[0] ?? { path: '', reason: 'invalid' }) + more);
    this.name = 'PolicyError';
    this.lines = problems.map(line);
  }
}

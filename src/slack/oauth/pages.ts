// The install flow's pages: plain HTML, no script, no third-party resources, readable with a
// screen reader and at 400 % zoom (one column, real headings, a link that says where it goes).
// Every page says what happened and what to do next.
import type { SlackInstallation } from '../../store/installation-types.js';

export interface Page {
  readonly status: number;
  readonly html: string;
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1c1d;background:#fff}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.75rem;line-height:1.25}
a.button{display:inline-block;padding:.75rem 1.25rem;border-radius:.375rem;background:#4a154b;color:#fff;font-weight:700;text-decoration:none}
a.button:hover,a.button:focus{background:#611f69}
a:focus{outline:3px solid #1264a3;outline-offset:2px}
code{background:#f4f4f4;padding:0 .25rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Which Tool</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

export function installPage(authorizeUrl: string): string {
  return page(
    'Add Which Tool to Slack',
    `<p>Which Tool tells your team which kind of AI tool fits a job: a language model or an image, video, audio, 3D or coding tool, with tools, cost, turnaround and limits.</p>
<p>Installing asks Slack for the least the app needs: its slash command, reading messages that mention it or are sent to it directly, posting its answers, and people’s time zones for digest schedules. It never reads other conversations.</p>
<p><a class="button" href="${escape(authorizeUrl)}">Add to Slack</a></p>
<p>You will choose the workspace on Slack’s page. Enterprise Grid admins can install it for the whole organisation there.</p>`,
  );
}

export function successPage(i: SlackInstallation): Page {
  const where = i.isEnterpriseInstall ? (i.enterpriseName ?? 'your organisation') : (i.teamName ?? 'your workspace');
  const open = i.isEnterpriseInstall
    ? i.enterpriseUrl && i.appId
      ? `<p><a href="${escape(`${i.enterpriseUrl}manage/organization/apps/profile/${i.appId}/workspaces/add`)}">Choose the workspaces that get Which Tool</a> in your organisation’s settings.</p>`
      : '<p>Choose the workspaces that get Which Tool in your organisation’s app settings.</p>'
    : `<p><a href="${escape(`https://app.slack.com/client/${i.teamId ?? ''}`)}">Open ${escape(where)} in Slack</a></p>`;
  return {
    status: 200,
    html: page(
      'Which Tool is installed',
      `<p>Which Tool is now installed in <strong>${escape(where)}</strong>.</p>
<h2>What next</h2>
<ol>
<li>Invite it to a channel: <code>/invite @Which Tool</code></li>
<li>Ask: <code>/whichtool 300 product shots a month for the shop</code>, mention <code>@Which Tool</code>, or message it directly.</li>
<li>Optional: a weekly digest for the channel with <code>/whichtool digest weekly monday 09:00</code>.</li>
</ol>
${open}`,
    ),
  };
}

export type FailureKind = 'state' | 'cancelled' | 'refused' | 'misconfigured' | 'internal';

const FAILURES: Readonly<Record<FailureKind, { status: number; title: string; text: string }>> = {
  state: {
    status: 400,
    title: 'This install link has expired',
    text: 'The link back from Slack did not match an installation started here, or it is more than ten minutes old. Nothing was installed. Start again from the install page, in the same browser.',
  },
  cancelled: {
    status: 403,
    title: 'Installation cancelled',
    text: 'You chose not to allow Which Tool in Slack, so nothing was installed. You can start again whenever you like.',
  },
  refused: {
    status: 400,
    title: 'Slack did not accept this install link',
    text: 'It may have been used already or be too old. Nothing was installed. Start again from the install page.',
  },
  misconfigured: {
    status: 500,
    title: 'This server is not set up for Slack yet',
    text: 'Slack refused this server’s app credentials, so nothing was installed. Please tell whoever runs Which Tool: the Slack app’s client id, client secret or redirect URL do not match this server’s settings.',
  },
  internal: {
    status: 500,
    title: 'Something went wrong on our side',
    text: 'Nothing was installed. Please try again in a few minutes; if it keeps happening, tell whoever runs Which Tool.',
  },
};

export function failurePage(kind: FailureKind, installPath: string): Page {
  const f = FAILURES[kind];
  const again = kind === 'misconfigured' ? '' : `\n<p><a class="button" href="${escape(installPath)}">Start again</a></p>`;
  return { status: f.status, html: page(f.title, `<p>${escape(f.text)}</p>${again}`) };
}

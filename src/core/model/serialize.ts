// The model file's text: one key a line, arrays on one line each, so a diff of two models is
// readable and the same model always gives the same bytes.
import type { ModelFileT } from './model-file.js';

export function serializeModel(model: ModelFileT): string {
  const heads = Object.entries(model.heads).map(([name, h]) => {
    const fields = Object.entries(h).map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    return `    ${JSON.stringify(name)}: {\n${fields.join(',\n')}\n    }`;
  });
  return [
    '{',
    `  "format": ${model.format},`,
    `  "trainedFrom": ${JSON.stringify(model.trainedFrom)},`,
    `  "trainedWith": ${JSON.stringify(model.trainedWith)},`,
    `  "examples": ${model.examples},`,
    `  "features": ${JSON.stringify(model.features)},`,
    `  "heads": {\n${heads.join(',\n')}\n  }`,
    '}',
    '',
  ].join('\n');
}

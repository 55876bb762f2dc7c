// Example requests offered on help, welcome and nothing-fits cards: one per kind of tool.
export const EXAMPLES: readonly string[] = Object.freeze([
  '300 product shots a month for the shop',
  'summarize our vendor contracts for compliance',
  'a 15-second video ad for our app',
  'a catchy jingle for a radio ad',
  'write unit tests for this React component',
  'a 3D model of a bottle to 3D print',
]);

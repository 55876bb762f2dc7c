import { describe, expect, it } from 'vitest';
import { debugFrom } from '../../src/config/config.js';

describe('WHICH_TOOL_DEBUG', () => {
  it('turns stacks on for a set value and off for unset, empty, 0, false and off', () => {
    for (const on of ['1', 'true', 'yes', ' on ']) expect(debugFrom({ WHICH_TOOL_DEBUG: on }), on).toBe(true);
    for (const off of [undefined, '', ' ', '0', 'false', 'OFF']) expect(debugFrom({ WHICH_TOOL_DEBUG: off }), String(off)).toBe(false);
  });

  it('is read alone, so a broken server variable cannot hide the stack of the error it caused', () => {
    expect(debugFrom({ WHICH_TOOL_DEBUG: '1', PORT: 'eighty' })).toBe(true);
  });
});

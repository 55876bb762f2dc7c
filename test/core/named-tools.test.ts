import { describe, expect, it } from 'vitest';
import { NamedTools } from '../../src/core/named-tools.js';
import { shippedCatalog } from '../helpers/catalog.js';

const tools = new NamedTools(shippedCatalog());
const names = (q: string): string[] => tools.find(q).map((t) => t.name);

describe('named tools', () => {
  it('finds catalog tools by the short names people use', () => {
    expect(names('is Midjourney ok for the ad?')).toEqual(['Midjourney v6']);
    expect(names('can I use chatgpt for this?')).toEqual(['GPT-4o']);
    expect(names('dalle or SDXL for a product mockup')).toEqual(['DALL-E 3', 'Stable Diffusion 3']);
    expect(names('we pay for Claude, can it outline our decks?')).toEqual(['Claude Sonnet 4.5']);
  });

  it('finds tools the seed article does not list, each with its kind', () => {
    expect(tools.find('is Recraft any good for flat vector icons?')).toEqual([{ name: 'Recraft', category: 'image' }]);
    expect(tools.find('heygen or synthesia for the onboarding presenter').map((t) => t.category)).toEqual(['video', 'video']);
  });

  it('tells Microsoft Copilot from GitHub Copilot by where it is used', () => {
    expect(names('copilot or cursor?')).toEqual(['GitHub Copilot', 'Cursor']);
    expect(names('can copilot in excel explain this pivot')).toEqual(['Microsoft Copilot']);
  });

  it('does not take ordinary words for products', () => {
    expect(names('the runway show needs a poster')).toEqual([]);
    expect(names('the cursor jumps around in the form')).toEqual([]);
    expect(names('flux capacitor joke for the party invite')).toEqual([]);
    expect(names('is runway any good for a 10s loop')).toEqual(['Runway Gen-3']);
  });

  it('reports each tool once, in the order named', () => {
    expect(names('Midjourney, then midjourney again, then Firefly')).toEqual(['Midjourney v6', 'Adobe Firefly']);
  });
});

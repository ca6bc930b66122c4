import { describe, expect, it } from 'vitest';
import { Errors, PROBLEM_BASE } from '../errors/catalogue.js';
import * as examples from './problem-examples.js';

describe('problem examples of the contract', () => {
  it('each one is what the catalogue makes for its code (type, title, status)', () => {
    const byCode = new Map(Object.values(Errors).map((e) => [e.definition.code, e.definition]));
    for (const [name, example] of Object.entries(examples)) {
      const definition = byCode.get(example.code);
      expect(definition, name).toBeDefined();
      expect({ type: example.type, title: example.title, status: example.status }, name).toEqual({
        type: `${PROBLEM_BASE}#${definition!.code}`,
        title: definition!.title,
        status: definition!.status,
      });
    }
  });
});

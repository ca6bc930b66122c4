import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

describe('@omervision/client', () => {
  it('is versioned with the contract: package version = info.version of openapi/openapi.json', () => {
    const contract = read('../../../openapi/openapi.json');
    expect(read('../package.json').version).toBe(contract.info.version);
  });
});

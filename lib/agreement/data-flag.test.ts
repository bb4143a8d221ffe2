import { describe, expect, it } from 'vitest';
import { binaryAgreementFlag } from './data-flag';

describe('binaryAgreementFlag', () => {
  it('flags fewer than two pairable units before anything else', () => {
    expect(binaryAgreementFlag(1, { o00: 0, o01: 1, o11: 0 })).toBe('too-few-units');
    expect(binaryAgreementFlag(0, { o00: 0, o01: 0, o11: 0 })).toBe('too-few-units');
  });

  it('flags a code nobody (or everybody) applied', () => {
    expect(binaryAgreementFlag(5, { o00: 10, o01: 0, o11: 0 })).toBe('no-variation');
    expect(binaryAgreementFlag(5, { o00: 0, o01: 0, o11: 10 })).toBe('no-variation');
  });

  it('is null when α is defined', () => {
    expect(binaryAgreementFlag(2, { o00: 2, o01: 0, o11: 2 })).toBeNull();
  });
});

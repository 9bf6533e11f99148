import { banBody, normaliseReference } from './ban-body';

describe('ban dialog values', () => {
  it('reads a reference as typed or pasted from a mail', () => {
    expect(normaliseReference('50f20d10')).toBe('50F20D10');
    expect(normaliseReference('依頼 50F2 0D10')).toBe('50F20D10');
    expect(normaliseReference(' #50F20D10 ')).toBe('50F20D10');
    expect(normaliseReference('   ')).toBe('');
  });

  it('sends exactly one of hospitalId or requestId, with the reason trimmed', () => {
    expect(banBody({ kind: 'hospital', hospitalId: 'h1', requestId: 'r1', reason: ' 相性 \n' })).toEqual({
      hospitalId: 'h1',
      reason: '相性',
    });
    expect(banBody({ kind: 'patient', hospitalId: 'h1', requestId: 'r1', reason: '患者の希望' })).toEqual({
      requestId: 'r1',
      reason: '患者の希望',
    });
  });
});

import { attachment } from './content-disposition';

describe(attachment.name, () => {
  it('gives an ASCII name and the Japanese one percent-encoded', () => {
    expect(attachment('invoice-2026-12.pdf', '請求書_2026年12月.pdf')).toBe(
      `attachment; filename="invoice-2026-12.pdf"; filename*=UTF-8''${encodeURIComponent('請求書_2026年12月.pdf')}`,
    );
  });

  it('keeps quotes, slashes and line breaks out of both names', () => {
    const header = attachment('a"b/c\r\n.pdf', '病院"/\\名 (本院).pdf');
    expect(header).toBe(
      `attachment; filename="a_b_c__.pdf"; filename*=UTF-8''%E7%97%85%E9%99%A2___%E5%90%8D_%28%E6%9C%AC%E9%99%A2%29.pdf`,
    );
    expect(header).not.toMatch(/[\r\n]/);
  });
});

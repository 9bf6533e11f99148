/** Printable documents (PDF) in Japanese (merged into ja.ts). */
export const documentsJa = {
  app: {
    documents: {
      column: '書類',
      pdf: 'PDF',
      invoice_title: '請求書',
      invoice_pdf: '請求書（PDF）',
      statement_pdf: '謝金・交通費明細書（PDF）',
      invoice_name: '%{name}の請求書',
      statement_name: '%{name}さんの明細書',
      activity_title: '活動実績報告書',
      activity_hint: '年度ごとの派遣の件数・言語・活動時間と、受講した研修をまとめた報告書です。',
      activity_pdf: '活動実績報告書（PDF）',
    },
  },
};

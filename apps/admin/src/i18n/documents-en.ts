/** Printable documents (PDF) in English (merged into en.ts). */
export const documentsEn = {
  app: {
    documents: {
      column: 'Document',
      pdf: 'PDF',
      invoice_title: 'Invoice',
      invoice_pdf: 'Invoice (PDF)',
      statement_pdf: 'Honoraria and transport statement (PDF)',
      invoice_name: 'the invoice of %{name}',
      statement_name: "%{name}'s statement",
      activity_title: 'Activity report',
      activity_hint: "A fiscal year's visits, languages and hours, and the training attended.",
      activity_pdf: 'Activity report (PDF)',
    },
  },
};

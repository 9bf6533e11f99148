/** Words found missing while walking through the demo data, in Japanese (merged into ja.ts). */
export const demoJa = {
  app: {
    enums: {
      escalation_reason: {
        no_eligible: '条件に合う通訳者がいません',
        no_answer: '期限までに回答がありません',
        all_declined: '打診した通訳者全員が辞退しました',
        reconfirmation_missed: '通訳者の前日の再確認がありません',
      },
    },
  },
};

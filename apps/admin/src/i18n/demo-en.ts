/** Words found missing while walking through the demo data, in English (merged into en.ts). */
export const demoEn = {
  app: {
    enums: {
      escalation_reason: {
        no_eligible: 'No eligible interpreter',
        no_answer: 'No answer in time',
        all_declined: 'Every interpreter asked declined',
        reconfirmation_missed: "The interpreter did not reconfirm the day before",
      },
    },
  },
};

/** The staff dashboard as today's to-do list (#19), in English (merged into en.ts). */
export const staffDeskEn = {
  app: {
    staff_desk: {
      day: { today: 'Today', tomorrow: 'Tomorrow', day_after: 'Day after tomorrow' },
      count: '%{count}',
      unfilled: {
        title: 'Unfilled within 48 hours',
        none: 'Every visit within 48 hours has an interpreter.',
        state: {
          held: 'On hold (nothing sent)',
          waiting: 'Not yet offered',
          offers_out: 'Offers out',
          escalated: 'Escalated',
        },
      },
      escalations: {
        title: 'Escalations',
        none: 'No escalated request.',
      },
      reconfirm: {
        title: "Tomorrow's visits not reconfirmed",
        none: "Every one of tomorrow's visits is reconfirmed.",
        call: 'Call %{name}',
        no_phone: 'No phone number',
      },
      reports: {
        title: 'Reports to review',
        none: 'No report waits for review.',
        open_queue: 'Open the review queue (%{count})',
        flagged: 'Flagged',
        visit_filed: 'visit %{visit}, filed %{filed}',
      },
      standing: {
        title: "Volunteers' standing",
        lapses: 'Lapses within 30 days (or has lapsed)',
        missing: 'Missing (no training, pledge or insurance)',
        none_lapses: 'Nothing lapses within 30 days.',
        none_missing: 'No volunteer is missing anything.',
        until: '%{item} until %{date}',
        lapsed: '%{item} lapsed %{date}',
        absent: 'no %{item}',
        more: 'and %{count} more',
      },
    },
  },
};

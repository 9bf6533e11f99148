/** The volunteer's calendar subscription (profile page), in English (merged into en.ts). */
export const calendarFeedEn = {
  app: {
    calendar_feed: {
      title: 'Add to your calendar',
      intro:
        "Subscribe to this address in your phone's calendar (iPhone Calendar, Google Calendar, …) and your confirmed visits appear by themselves. Cancelled visits disappear, and you are reminded the day before and two hours before.",
      address: 'Calendar subscription address',
      copy: 'Copy the address',
      copied: 'Address copied',
      copy_by_hand: 'The address is selected: long-press to copy it',
      private: 'Anyone who knows this address can see your visits. Do not share it.',
      open: 'Open in a calendar app',
      renew: 'Make a new address',
      renew_title: 'Make a new address?',
      renew_content:
        'The current address stops working and calendars subscribed to it will no longer show your visits. Subscribe to the new address afterwards.',
      renew_confirm: 'Make a new address',
      renewed: 'New address made. Subscribe to it in your calendar again',
      unavailable: 'The address could not be loaded. Please try again later.',
    },
  },
};

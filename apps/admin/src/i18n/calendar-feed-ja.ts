/** The volunteer's calendar subscription (profile page), in Japanese (merged into ja.ts). */
export const calendarFeedJa = {
  app: {
    calendar_feed: {
      title: 'カレンダーに登録',
      intro:
        'このアドレスをスマートフォンのカレンダー（iPhone のカレンダー、Google カレンダーなど）に登録すると、確定した派遣予定が自動で表示されます。取り消された予定は消え、前日と2時間前に通知されます。',
      address: 'カレンダー登録用のアドレス',
      copy: 'アドレスをコピー',
      copied: 'アドレスをコピーしました',
      copy_by_hand: 'アドレスを選択しました。長押ししてコピーしてください',
      private: 'このアドレスを知っている人は誰でもあなたの予定を見られます。他の人に教えないでください。',
      open: 'カレンダーアプリで開く',
      renew: '新しいアドレスを発行',
      renew_title: '新しいアドレスを発行しますか？',
      renew_content:
        '今のアドレスは使えなくなり、登録済みのカレンダーには予定が表示されなくなります。発行後、新しいアドレスをカレンダーに登録し直してください。',
      renew_confirm: '発行する',
      renewed: '新しいアドレスを発行しました。カレンダーに登録し直してください',
      unavailable: 'アドレスを読み込めませんでした。しばらくしてからもう一度お試しください。',
    },
  },
};

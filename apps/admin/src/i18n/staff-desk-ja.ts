/**
 * The staff dashboard as today's to-do list (#19), in Japanese (merged into ja.ts): unfilled visits
 * within 48 hours, escalations, tomorrow's visits not reconfirmed, reports to review, and standing
 * that lapses soon apart from standing that is missing.
 */
export const staffDeskJa = {
  app: {
    staff_desk: {
      day: { today: '今日', tomorrow: '明日', day_after: '明後日' },
      count: '%{count}件',
      unfilled: {
        title: '48時間以内の未決定の依頼',
        none: '48時間以内に通訳者の決まっていない依頼はありません。',
        state: {
          held: '保留中（未送信）',
          waiting: '打診前',
          offers_out: '打診中（回答待ち）',
          escalated: '要対応',
        },
      },
      escalations: {
        title: '要対応の依頼',
        none: '要対応の依頼はありません。',
      },
      reconfirm: {
        title: '明日の派遣で再確認のないもの',
        none: '明日の派遣はすべて再確認済みです。',
        call: '%{name}さんに電話',
        no_phone: '電話番号なし',
      },
      reports: {
        title: '確認待ちの活動報告',
        none: '確認待ちの活動報告はありません。',
        open_queue: '確認待ちの一覧を開く（%{count}件）',
        flagged: '要確認',
        visit_filed: '%{visit}の訪問・%{filed}提出',
      },
      standing: {
        title: 'ボランティアの資格',
        lapses: '30日以内に切れる（または切れた）',
        missing: '未登録（研修未受講・誓約書なし・保険なし）',
        none_lapses: '30日以内に切れるものはありません。',
        none_missing: '未登録のボランティアはいません。',
        until: '%{item} %{date}まで',
        lapsed: '%{item} %{date}に期限切れ',
        absent: '%{item} なし',
        more: 'ほか%{count}人',
      },
    },
  },
};

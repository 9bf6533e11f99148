/**
 * The volunteer's day on a phone (issue 18): what is owed on the dashboard, everything for the
 * visit on its card, reconfirming and "I can't go", the report's state on past cards; and staff's
 * view of who has reconfirmed. In Japanese (merged into ja.ts).
 */
export const volunteerDayJa = {
  app: {
    owed: {
      title: '対応が必要なこと',
      nothing: '今、対応が必要なことはありません。',
      offers: '回答を待っている依頼',
      reconfirm: '参加の再確認',
      reports: '活動報告が必要な派遣',
      answer: '回答する',
      reconfirm_action: '再確認する',
      moved_action: '日時が変わりました・行けるか答える',
      report_action: '報告を書く',
      answer_by: '回答期限 %{time}',
    },
    visit: {
      title: '派遣の内容',
      hospital: '医療機関',
      address: '住所',
      map: '地図を開く',
      call_hospital: '病院に電話する',
      contact: '病院の担当者',
      call_contact: '担当者に電話する',
      notes: '連絡事項',
      no_notes: '連絡事項はありません',
      remote_phone: '電話する番号',
      remote_video: 'ビデオ通話',
      remote_call: 'この番号に電話する',
      remote_open: 'ビデオ通話を開く',
      remote_missing: '電話番号・リンクは病院から届いていません。病院の担当者に確認してください。',
      late_hint: '遅れるときや場所がわからないときは、病院に電話してください。',
      details: '詳しい内容を見る',
      not_found: 'この派遣は見つかりません',
      back: '派遣予定に戻る',
    },
    reconfirm: {
      action: '参加を再確認する',
      hint: '受診が近づきました。予定どおり行けるか、確認をお願いします。',
      done: '参加を再確認しました',
      reconfirmed: '再確認済み',
      not_reconfirmed: '未再確認',
      moved_hint:
        '病院の都合で受診の日時が変わりました（変更前: %{from}）。新しい日時に行けるか、お知らせください。行けない場合は「行けなくなった」を押してください（あなたの取消にはなりません）。',
      moved_action: '新しい日時で行けます',
      move_pending: '日時変更の確認待ち',
      moved_from: '変更前: %{from}',
    },
    cant_go: {
      open: '行けなくなった',
      title: 'この派遣に行けなくなりましたか？',
      what_happens:
        '伝えると、スタッフと病院に知らせが届き、ほかの通訳者を探します。病院にキャンセル料はかかりません。この派遣はあなたの予定から外れます。',
      soon: '受診まで24時間を切っているため、スタッフにすぐ連絡が届きます。',
      reason: '行けなくなった理由',
      reason_hint: 'スタッフが読みます。患者さんの名前や病名は書かないでください。',
      close: '閉じる',
      submit: '行けなくなったことを伝える',
      done: '伝えました。スタッフと病院に知らせが届き、ほかの通訳者を探します',
      moved: '病院が日時を変更した受診なので、行けなくてもあなたの取消としては扱いません。',
    },
    report_state: {
      owed: '報告が必要',
      submitted: '提出済み',
      reviewed: '確認済み',
      write: '活動報告を書く',
      edit: '報告を見る・直す',
      read: '報告を見る',
    },
    past_outcome: {
      completed: '実施済み',
      no_show_patient: '患者さんが来院せず',
      no_show_interpreter: '行けなかった記録',
      no_show: '来院・参加なし',
      cancelled_hospital: '病院が取り消し',
      cancelled_interpreter: '行けなくなった（取り消し）',
      cancelled: '取り消し',
    },
    offer_link_mine: {
      accepted: 'この派遣はあなたの担当に決まっています。',
      details: '派遣の詳しい内容を見る',
      details_hint: '住所・連絡先・連絡事項は、詳しい内容のページで見られます（サインインが必要です）。',
    },
  },
};

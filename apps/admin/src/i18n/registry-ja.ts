import { ATTENDANCE_STATUS_NAMES, COURSE_KIND_NAMES, namesIn } from '@app/domain/model';
import { afterVisitJa } from './after-visit-ja';
import { deepMerge } from './deep-merge';

/**
 * Editing the registry (hospitals, coordinators, volunteers), availability and the training
 * record, in Japanese (merged into ja.ts). The hospital and volunteer field names extend those
 * of after-visit-ja.ts.
 */
export const registryJa = {
  app: {
    registry: {
      menu: { my_availability: '空き状況', my_training: '研修記録' },
      dashboard: {
        weekly_slots: '週 %{smart_count} 枠',
        availability_hint: '毎週の活動できる時間帯',
        training_hint: '研修の要件',
      },
      hospitals: {
        add_coordinator: '担当者を追加',
        add_coordinator_hint:
          '担当者のアカウントを作ります。パスワードを空欄にすると、パスワード設定用の招待メールが届きます。',
        coordinator_added: '担当者 %{name} を追加しました',
        no_coordinators: '担当者はまだいません',
        password_hint: '10文字以上で推測されにくいもの（任意）',
      },
      volunteers: {
        add_language: '言語を追加',
        level_reason_hint: 'レベルを変えるときは理由が必要です（履歴に残ります）',
        pledge_hint: '守秘義務誓約書を提出した日',
        insurance_hint: 'ボランティア保険が有効な最後の日',
        cap_hint: '1か月に受ける派遣の上限（0〜62）',
        created: '通訳ボランティアを登録しました',
        profile: 'プロフィール',
        errors: { language_twice: 'この言語はすでに入っています', level_reason: 'レベルを変える理由を入れてください' },
      },
      training: {
        title: '研修記録',
        standing: '研修の要件',
        rule_met: '満たしています',
        rule_not_met: '満たしていません',
        valid_until: '%{date} まで有効',
        no_valid_until: '有効期限はありません',
        missing: '不足しているもの',
        missing_items: { initial_course: '養成講座の修了', skill_up: '期間内のスキルアップ研修' },
        initial_completed: '養成講座の修了日',
        last_skill_up: '最後のスキルアップ研修',
        history: '受講の記録',
        empty: '研修の記録はまだありません',
        hours: '%{hours} 時間',
        kind: namesIn(COURSE_KIND_NAMES, 'ja'),
        status: namesIn(ATTENDANCE_STATUS_NAMES, 'ja'),
        my_hint: '研修の要件を満たしていると、依頼の打診を受けられます。',
      },
      availability: {
        title: '空き状況',
        weekly: '毎週の活動できる時間',
        weekly_hint: '曜日ごとに、活動できる時間帯を入れてください（日本時間）。',
        weekdays: { 1: '月曜日', 2: '火曜日', 3: '水曜日', 4: '木曜日', 5: '金曜日', 6: '土曜日', 7: '日曜日' },
        add_slot: '時間帯を追加',
        remove_slot: '時間帯を削除',
        no_slots: 'なし',
        start: '開始',
        end: '終了',
        exceptions: '日付ごとの例外',
        exceptions_hint: '休みの日や、いつもと違う時間に活動できる日を入れてください。時間を空欄にすると終日です。',
        add_exception: '例外を追加',
        remove_exception: '例外を削除',
        no_exceptions: '例外はありません',
        date: '日付',
        available: '可否',
        is_available: '活動できる',
        is_unavailable: '活動できない',
        all_day: '終日',
        save: '空き状況を保存',
        unsaved: '保存していない変更があります',
        saved: '空き状況を保存しました',
        my_hint: '打診は、ここで活動できるとした時間の依頼だけに届きます。',
        errors: {
          overlap: 'ほかの時間帯と重なっています',
          end_before_start: '終了は開始より後にしてください',
          time: '時刻が正しくありません',
          date: '日付を入れてください',
          both_times: '開始と終了の両方を入れるか、両方とも空欄にしてください',
        },
      },
    },
  },
  resources: {
    hospitals: deepMerge<typeof afterVisitJa.resources.hospitals>(afterVisitJa.resources.hospitals, {
      fields: {
        coordinator: {
          email: 'メールアドレス',
          displayName: '担当者名',
          locale: 'メールの言語',
          password: 'パスワード',
        },
      },
    }),
    volunteers: deepMerge<typeof afterVisitJa.resources.volunteers>(afterVisitJa.resources.volunteers, {
      fields: {
        code: '言語',
        proficiency: '習熟度',
        levelChangeReason: 'レベル変更の理由',
        availability: '空き状況',
        training: '研修',
      },
    }),
  },
};

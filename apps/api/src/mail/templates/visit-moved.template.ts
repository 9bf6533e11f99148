import { formatRange } from './format';
import { greet, MailTemplate } from './layout';

export interface VisitMovedParams {
  volunteerName: string;
  /** The visit's times before the move. */
  fromStartsAt: string;
  fromEndsAt: string;
  startsAt: string;
  endsAt: string;
  hospitalName: string;
  /**
   * The new time collides with another of their visits or their availability: they are released
   * and nothing is asked. Otherwise `linkUrl` (reconfirm) and `visitUrl` (the visit in the panel,
   * where 「行けなくなった」 is) are given.
   */
  released: boolean;
  /** Why they cannot make it, as the mail says it (never more than the class of rule). */
  releasedFor?: 'overlap' | 'availability' | 'monthly_cap' | 'standing';
  linkUrl?: string;
  visitUrl?: string;
}

const WHY_JA: Record<NonNullable<VisitMovedParams['releasedFor']>, string> = {
  overlap: '変更後の日時はあなたのほかの派遣と重なるため',
  availability: '変更後の日時は登録いただいている活動可能時間の外になるため',
  monthly_cap: '変更後の日時では月の派遣上限を超えるため',
  standing: '変更後の日時には派遣の要件（研修の修了やボランティア保険の期間など）を満たさないため',
};
const WHY_EN: Record<NonNullable<VisitMovedParams['releasedFor']>, string> = {
  overlap: 'The new time clashes with another of your visits',
  availability: 'The new time is outside the times you said you are available',
  monthly_cap: 'The new time would take you over your monthly limit of visits',
  standing:
    'On the new date you would not meet the requirements for dispatch (such as completed training or volunteer insurance)',
};

/**
 * The hospital moved a confirmed visit: the interpreter is asked whether they can make the new
 * time (a "can't" is not held against them), or told they were released because they cannot.
 * Times and the hospital only: never the reason (free text may speak of the patient).
 */
export const visitMoved: MailTemplate<VisitMovedParams> = {
  ja: (p) => ({
    subject: `【日時変更】${formatRange(p.startsAt, p.endsAt, 'ja')} ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'ja'),
    paragraphs: p.released
      ? [
          '医療機関の都合で、下記の医療通訳の日時が変更されました。',
          `${WHY_JA[p.releasedFor ?? 'overlap']}、この派遣は取り消しました。医療機関へ行く必要はありません。あなたの取消としては扱いません。`,
        ]
      : [
          '医療機関の都合で、下記の医療通訳の日時が変更されました。',
          '新しい日時に行けるかどうか、お知らせください。行ける場合は下のボタンから再確認してください。',
          '行けない場合は、派遣予定のページで「行けなくなった」を押してください。日時の変更によるものなので、あなたの取消としては扱わず、事務局が別の通訳者を探します。',
        ],
    details: [
      ['変更前', formatRange(p.fromStartsAt, p.fromEndsAt, 'ja')],
      ['変更後', formatRange(p.startsAt, p.endsAt, 'ja')],
      ['医療機関', p.hospitalName],
    ],
    ...(p.linkUrl ? { action: { label: '新しい日時で行けます（再確認）', url: p.linkUrl } } : {}),
    ...(p.visitUrl ? { closing: [`行けない場合（サインインが必要です）: ${p.visitUrl}`] } : {}),
  }),
  en: (p) => ({
    subject: `Visit moved: ${formatRange(p.startsAt, p.endsAt, 'en')}, ${p.hospitalName}`,
    greeting: greet(p.volunteerName, 'en'),
    paragraphs: p.released
      ? [
          'The hospital has moved the medical interpreting visit below.',
          `${WHY_EN[p.releasedFor ?? 'overlap']}, so this assignment is cancelled and you need not go. It does not count as your cancellation.`,
        ]
      : [
          'The hospital has moved the medical interpreting visit below.',
          'Please tell us whether you can make the new time. If you can, reconfirm with the button below.',
          'If you cannot, press "I can\'t go" on the visit\'s page. Since the hospital moved the visit, it does not count as your cancellation; the office will find someone else.',
        ],
    details: [
      ['Was', formatRange(p.fromStartsAt, p.fromEndsAt, 'en')],
      ['Now', formatRange(p.startsAt, p.endsAt, 'en')],
      ['Hospital', p.hospitalName],
    ],
    ...(p.linkUrl ? { action: { label: 'I can make the new time (reconfirm)', url: p.linkUrl } } : {}),
    ...(p.visitUrl ? { closing: [`If you cannot (sign-in needed): ${p.visitUrl}`] } : {}),
  }),
};

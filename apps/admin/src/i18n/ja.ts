import japaneseMessages from '@bicstone/ra-language-japanese';
import { fieldErrorWordsJa } from './field-errors';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'ra-core';
import { deepMerge } from './deep-merge';
import { afterVisitJa } from './after-visit-ja';
import { coursesJa } from './courses-ja';
import { registryJa } from './registry-ja';
import { operationsJa } from './operations-ja';
import { workflowJa } from './workflow-ja';
import { rosterJa } from './roster-ja';
import { twoFactorJa } from './two-factor-ja';
import { accountsJa } from './accounts-ja';
import { calendarFeedJa } from './calendar-feed-ja';
import { shadowingJa } from './shadowing-ja';
import { volunteerDayJa } from './volunteer-day-ja';
import { deskJa } from './desk-ja';
import { staffDeskJa } from './staff-desk-ja';
import { registryDeskJa } from './registry-desk-ja';
import { documentsJa } from './documents-ja';

/** Japanese, the default. Keys follow `resources.<name>.fields.<field>`; the panel's own under `app`. */
const app = {
  /** before signing in, and on the pages opened from a mail */
  name: '医療通訳派遣',
  /** the tab's title once signed in: a volunteer's is not the office's 「管理画面」 */
  title: {
    admin: '医療通訳派遣 管理画面',
    staff: '医療通訳派遣 管理画面',
    coordinator: '医療通訳派遣 医療機関窓口',
    volunteer: '医療通訳ボランティア',
  },
  menu: { dashboard: 'ダッシュボード', profile: 'プロフィール', language: '表示言語' },
  role: { admin: '管理者', staff: 'スタッフ', coordinator: '医療機関担当者', volunteer: '通訳ボランティア' },
  locale: { ja: '日本語', en: 'English' },
  login: { subtitle: '医療通訳ボランティア派遣システム' },
  dashboard: {
    title: 'ダッシュボード',
    welcome: 'ようこそ、%{name} さん',
    signed_in_as: '%{role}としてサインインしています',
    today: '今日',
    fiscal_year: '年度',
    coming_soon: '準備中',
    coming_soon_hint: 'この機能は今後のリリースで使えるようになります。',
    panels: {
      today: '今日',
      tomorrow: '明日',
      lapse: { pledge: '誓約書', insurance: '保険', training: '研修' },
    },
    cards: {
      my_requests_hint: 'これまでに出した依頼',
      new_request_hint: '1分で依頼できます',
      offers_hint: '回答を待っている依頼',
      dispatches_hint: '確定している今後の派遣',
      my_requests: '自院の依頼',
      new_request: '通訳依頼の作成',
      offers: '届いている依頼',
      dispatches: '派遣予定',
      availability: '活動できる日時',
      training: '研修の受講記録',
    },
  },
  profile: {
    title: 'プロフィール',
    account: 'アカウント',
    language_hint: '画面の表示言語とメールの言語になります。',
    saved: 'プロフィールを保存しました',
  },
  access_denied: {
    title: 'このページは表示できません',
    message: 'このページを表示する権限がありません。必要な場合は管理者にお問い合わせください。',
    back: 'ダッシュボードに戻る',
  },
  users: {
    active: '有効',
    inactive: '無効',
    deactivate: '無効にする',
    reactivate: '有効に戻す',
    deactivate_confirm_title: '%{name} を無効にしますか?',
    deactivate_confirm_content: 'このユーザーはすぐにサインアウトされ、再び有効にするまでサインインできなくなります。',
    reactivate_confirm_title: '%{name} を有効に戻しますか?',
    reactivate_confirm_content: 'このユーザーは再びサインインできるようになります。',
    password_hint:
      '10文字以上で、推測されにくいもの（一般的でない単語の組み合わせなど）。空欄の場合は、パスワード設定用の招待メールが送られます。',
    hospital_hint: '医療機関担当者は所属する医療機関のIDが必要です。',
    volunteer_hint: 'ボランティアのアカウントはボランティア登録のIDに紐づけます。',
    all_roles: 'すべての役割',
  },
  errors: {
    with_request_id: '%{message}（リクエストID: %{requestId}）',
    network: 'サーバーに接続できません。通信状態を確認して、もう一度お試しください。',
    session_ended: 'セッションが終了しました。もう一度サインインしてください。',
    codes: {
      INVALID_CREDENTIALS: 'メールアドレスまたはパスワードが正しくありません',
      TOO_MANY_REQUESTS: '試行回数が多すぎます。しばらく待ってからお試しください',
      UNAUTHENTICATED: 'サインインが必要です',
      FORBIDDEN: 'この操作を行う権限がありません',
      NOT_FOUND: '見つかりません',
      VALIDATION_FAILED: '入力内容を確認してください',
      BAD_REQUEST: '入力内容を確認してください',
      CONFLICT: 'ほかの変更と競合しました',
      CONCURRENT_UPDATE: '同時にほかの人が変更しました。もう一度お試しください',
      EMAIL_TAKEN: 'このメールアドレスのアカウントはすでにあります',
      WEAK_PASSWORD: 'このパスワードは推測されやすいため使えません',
      INTERNAL_ERROR: 'サーバーでエラーが起きました',
      SERVICE_UNAVAILABLE: 'サーバーが一時的に利用できません',
    },
  },
};

export const jaMessages: TranslationMessages = {
  // The Japanese pack may lag react-admin by a version: a key it lacks falls back to English.
  ra: deepMerge(englishMessages.ra, japaneseMessages.ra, {
    auth: { username: 'メールアドレス' },
    // Titles name the record, not its UUID.
    page: { show: '%{name}: %{recordRepresentation}', edit: '%{name}: %{recordRepresentation} を編集' },
  }),
  app: deepMerge<TranslationMessages>(
    app,
    workflowJa.app,
    afterVisitJa.app,
    coursesJa.app,
    registryJa.app,
    operationsJa.app,
    rosterJa.app,
    twoFactorJa.app,
    accountsJa.app,
    calendarFeedJa.app,
    shadowingJa.app,
    volunteerDayJa.app,
    deskJa.app,
    staffDeskJa.app,
    registryDeskJa.app,
    documentsJa.app,
    {
      errors: {
        codes: {
          ...workflowJa.errorCodes,
          ...afterVisitJa.errorCodes,
          ...coursesJa.errorCodes,
          ...rosterJa.errorCodes,
          ...accountsJa.errorCodes,
          ...twoFactorJa.errorCodes,
          ...registryDeskJa.errorCodes,
        },
        fields: fieldErrorWordsJa,
      },
    },
  ),
  resources: {
    ...workflowJa.resources,
    ...afterVisitJa.resources,
    ...coursesJa.resources,
    ...registryJa.resources,
    ...operationsJa.resources,
    users: {
      name: 'ユーザー |||| ユーザー',
      fields: {
        email: 'メールアドレス',
        displayName: '表示名',
        role: '役割',
        locale: '言語',
        active: '状態',
        password: 'パスワード',
        hospitalId: '医療機関ID',
        volunteerId: 'ボランティアID',
        q: '検索',
      },
    },
  },
};

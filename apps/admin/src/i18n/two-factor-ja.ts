/** 二要素認証（TOTP）の日本語（ja.ts に統合）。 */
export const twoFactorJa = {
  app: {
    two_factor: {
      menu: '二要素認証',
      title: '二要素認証',
      verify_title: '確認コードを入力',
      verify_intro:
        '認証アプリを開き、このサービスの 6 桁のコードを入力してください。スマートフォンを紛失した場合は、リカバリーコードを入力できます。',
      code: 'コード',
      code_hint: '6 桁の数字、またはリカバリーコード',
      verify: 'サインイン',
      back_to_login: 'サインイン画面に戻る',
      expired: 'サインインの手続きの有効期限が切れました。もう一度サインインしてください。',
      enrol_forced: 'スタッフと管理者は二要素認証でサインインします。続けるには、いま設定してください。',
      status_on: '二要素認証は有効です。',
      status_off: '二要素認証は無効です。',
      recovery_left: '残りのリカバリーコード: %{count}',
      required_note: 'あなたの役割では必須のため、無効にできません。',
      start: '二要素認証を設定する',
      step_scan:
        '1. 認証アプリ（Google Authenticator、Microsoft Authenticator、IIJ SmartKey など）でこの QR コードを読み取ってください。',
      qr_alt: '認証アプリ用の QR コード',
      manual: '読み取れない場合は、このキーを手入力してください:',
      step_code: '2. アプリに表示された 6 桁のコードを入力してください。',
      enable: '有効にする',
      enabled: '二要素認証を有効にしました。',
      recovery_title: 'リカバリーコード',
      recovery_intro:
        'スマートフォンを紛失したとき、各コードで 1 回だけサインインできます。表示されるのは今回だけです。書き留めるか印刷して、安全な場所に保管してください。',
      recovery_saved: 'コードを保管しました',
      disable_title: '無効にする',
      disable_intro: '二要素認証を無効にするには、現在のコード（またはリカバリーコード）を入力してください。',
      disable: '無効にする',
      disabled: '二要素認証を無効にしました。',
      reset: '二要素認証をリセット',
      reset_confirm_title: '%{name} さんの二要素認証をリセットしますか？',
      reset_confirm_content:
        '認証アプリとリカバリーコードは使えなくなり、サインイン中のセッションも終了します。二要素認証が必須の環境では、次回のサインイン時に設定し直します。',
      reset_done: '二要素認証をリセットしました。',
    },
  },
  errorCodes: {
    INVALID_2FA_CODE: 'コードが正しくないか、すでに使用されています。',
    INVALID_MFA_TOKEN: 'サインインの手続きの有効期限が切れました。もう一度サインインしてください。',
    TWO_FACTOR_PAUSED: '誤ったコードが続いたため、しばらく待ってからやり直してください。',
    TWO_FACTOR_REQUIRED: 'あなたの役割では二要素認証が必須です。',
    TWO_FACTOR_ENABLED: '二要素認証はすでに有効です。',
    TWO_FACTOR_NOT_SET_UP: '先に設定を始めてください。',
    TWO_FACTOR_NOT_ENABLED: '二要素認証は有効になっていません。',
    TWO_FACTOR_RESET_SELF: 'ご自身の二要素認証は、ご自身の画面で無効にしてください。',
  },
};

/** Two-factor sign-in (TOTP), in English (merged into en.ts). */
export const twoFactorEn = {
  app: {
    two_factor: {
      menu: 'Two-factor sign-in',
      title: 'Two-factor sign-in',
      verify_title: 'Enter your sign-in code',
      verify_intro:
        'Open your authenticator app and enter the 6-digit code for this service. Lost your phone? Enter one of your recovery codes instead.',
      code: 'Code',
      code_hint: '6 digits, or a recovery code',
      verify: 'Sign in',
      back_to_login: 'Back to sign-in',
      expired: 'The sign-in step has expired. Please sign in again.',
      enrol_forced: 'Staff and administrators sign in with a second factor. Set it up now to continue.',
      status_on: 'Two-factor sign-in is on.',
      status_off: 'Two-factor sign-in is off.',
      recovery_left: 'Recovery codes left: %{count}',
      required_note: 'It is required for your role and cannot be turned off.',
      start: 'Set up two-factor sign-in',
      step_scan:
        '1. Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, IIJ SmartKey…).',
      qr_alt: 'QR code for the authenticator app',
      manual: 'Cannot scan? Enter this key by hand:',
      step_code: '2. Enter the 6-digit code the app shows.',
      enable: 'Turn on',
      enabled: 'Two-factor sign-in is on.',
      recovery_title: 'Your recovery codes',
      recovery_intro:
        'Each code signs you in once if you lose your phone. Write them down or print them and keep them somewhere safe: they are shown only now.',
      recovery_saved: 'I have saved these codes',
      disable_title: 'Turn off',
      disable_intro: 'Enter a current code (or a recovery code) to turn two-factor sign-in off.',
      disable: 'Turn off',
      disabled: 'Two-factor sign-in is off.',
      reset: 'Reset two-factor sign-in',
      reset_confirm_title: 'Reset two-factor sign-in of %{name}?',
      reset_confirm_content:
        'Their authenticator app and recovery codes stop working and their sessions end. Where two-factor sign-in is required, they set it up again at their next sign-in.',
      reset_done: 'Two-factor sign-in was reset.',
    },
  },
  errorCodes: {
    INVALID_2FA_CODE: 'The code is wrong or was already used.',
    INVALID_MFA_TOKEN: 'The sign-in step has expired. Please sign in again.',
    TWO_FACTOR_PAUSED: 'Too many wrong codes. Wait a few minutes and try again.',
    TWO_FACTOR_REQUIRED: 'Two-factor sign-in is required for your role.',
    TWO_FACTOR_ENABLED: 'Two-factor sign-in is already on.',
    TWO_FACTOR_NOT_SET_UP: 'Start the set-up first.',
    TWO_FACTOR_NOT_ENABLED: 'Two-factor sign-in is not on.',
    TWO_FACTOR_RESET_SELF: 'Turn your own two-factor sign-in off on your own page.',
  },
};

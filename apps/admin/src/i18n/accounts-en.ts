/** Accounts (setting a password from the invitation mail, staying signed in, resetting and changing a password, re-sending an invitation), in English (merged into en.ts). */
export const accountsEn = {
  app: {
    set_password: {
      title: 'Set your password',
      intro: 'Choose the password for the account of %{name} (%{email}).',
      rule: 'At least 10 characters and hard to guess (a long phrase of several words is easy to remember and safe).',
      password: 'New password',
      repeat: 'Type it again',
      mismatch: 'The two entries do not match',
      submit: 'Set the password',
      valid_until: 'This link works until %{time}',
      done: 'Your password is set. Please sign in.',
      used: 'This link has already been used. If you forgot your password, reset it from the sign-in page (“Forgot your password?”).',
      expired: 'This link has expired. Please ask the programme office to send the invitation again.',
      not_found: 'This link is not valid. Check the link in the mail, or contact the programme office.',
      sign_in_now: 'Sign in',
      sign_in: 'Go to sign-in',
    },
    login: {
      remember: 'Keep me signed in',
      forgot: 'Forgot your password?',
    },
    forgot_password: {
      title: 'Reset your password',
      intro: 'Enter the e-mail address of your account. We will send you a link to choose a new password.',
      email: 'E-mail',
      submit: 'Send the link',
      sent: 'If this address has an account, a link to reset the password is on its way. The link works for one hour. If nothing arrives, please check your spam folder.',
      sign_in: 'Back to sign-in',
    },
    reset_password: {
      title: 'Choose a new password',
      intro: 'Choose your new password. Once it is set, your other devices will need to sign in again.',
      submit: 'Set the password',
      done: 'Your new password is set. Please sign in with it.',
      expired: 'This link has been used or has expired. Please ask for a new one.',
      request_again: 'Ask for a new link',
    },
    change_password: {
      title: 'Change your password',
      current: 'Current password',
      submit: 'Change the password',
      done: 'Your password is changed. Your other devices will need to sign in again.',
    },
    invitation: {
      resend: 'Resend invitation',
      resend_confirm_title: 'Send %{name} the invitation again?',
      resend_confirm_content: 'A new link is sent; the link sent before stops working.',
      resent: 'The invitation was sent again; the earlier link no longer works.',
    },
  },
  errorCodes: {
    LINK_EXPIRED: 'This link has been used or has expired.',
    WRONG_PASSWORD: 'The current password is wrong.',
    PASSWORD_ALREADY_SET: 'This user has already set a password; they can reset it from the sign-in page.',
    USER_INACTIVE: 'This account is deactivated; reactivate it first.',
  },
};

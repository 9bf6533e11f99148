/** Accounts (setting a password from the invitation mail), in English (merged into en.ts). */
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
      used: 'This link has already been used. If you forgot your password, please contact the programme office.',
      expired: 'This link has expired. Please ask the programme office to send the invitation again.',
      not_found: 'This link is not valid. Check the link in the mail, or contact the programme office.',
      sign_in_now: 'Sign in',
      sign_in: 'Go to sign-in',
    },
  },
};

import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's theme with fonts that have Japanese glyphs on every platform. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { primary: { main: '#1f5f8b' }, secondary: { main: '#2e7d6b' } },
  typography: {
    fontFamily: [
      'system-ui',
      '"Hiragino Sans"',
      '"Hiragino Kaku Gothic ProN"',
      '"Yu Gothic UI"',
      'Meiryo',
      '"Noto Sans JP"',
      '"IPAGothic"',
      'sans-serif',
    ].join(','),
  },
};

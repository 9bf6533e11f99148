import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import TranslateIcon from '@mui/icons-material/Translate';
import { Button, IconButton, Menu, MenuItem, useMediaQuery, type Theme } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { useLocales, useLocaleState, useTranslate } from 'react-admin';

/** The language switch of the app bar: the language's name on wide screens, an icon on phones. */
export const LanguageMenu = () => {
  const translate = useTranslate();
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const current = locales.find((l) => l.locale === locale)?.name ?? locale;
  const label = `${translate('app.menu.language')}: ${current}`;
  const open = (event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget);
  return (
    <>
      {isSmall ? (
        <IconButton color="inherit" aria-label={label} aria-haspopup="true" onClick={open}>
          <TranslateIcon />
        </IconButton>
      ) : (
        <Button
          color="inherit"
          aria-label={label}
          aria-haspopup="true"
          onClick={open}
          startIcon={<TranslateIcon />}
          endIcon={<ExpandMoreIcon fontSize="small" />}
        >
          {current}
        </Button>
      )}
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {locales.map((l) => (
          <MenuItem
            key={l.locale}
            lang={l.locale}
            selected={l.locale === locale}
            onClick={() => {
              setAnchor(null);
              setLocale(l.locale);
            }}
          >
            {l.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

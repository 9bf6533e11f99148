import { useEffect } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../access';

/**
 * The app's name for whoever is signed in: a volunteer's panel is 「医療通訳ボランティア」,
 * staff's the office's 「管理画面」; before signing in (and on the pages opened from a mail),
 * the neutral name. Without a session the auth provider answers no permissions without asking the
 * API, so this is safe on public pages.
 */
export function useAppTitle(): string {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role | undefined>();
  return translate(permissions ? `app.title.${permissions}` : 'app.name');
}

/** `<Admin title>`: what react-admin's own pages (not found, errors) show as the title. */
export const AppTitle = () => <>{useAppTitle()}</>;

/** Keeps the browser tab's title (`document.title`) on the app's name for the signed-in role. */
export const DocumentTitle = () => {
  const title = useAppTitle();
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
};

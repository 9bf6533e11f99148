import { useEffect, useState, type ReactNode } from 'react';
import { Loading } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { apiClient, authProvider } from '../providers';

/**
 * Every page inside the layout needs a session. Opened signed out (a link in a mail, a bookmark,
 * a new tab), the page is remembered and the sign-in page shown; after signing in the user comes
 * back to it. A session kept in the cookie (「ログインしたままにする」, or another tab's) is resumed
 * first, so a signed-in user never sees the sign-in page.
 */
export const SignedIn = ({ children }: { children: ReactNode }) => {
  const navigate = useNavigate();
  const [signedIn, setSignedIn] = useState(apiClient.hasSession());
  useEffect(() => {
    if (signedIn) return;
    let live = true;
    void apiClient.ensureSession().then((ok) => {
      if (!live) return;
      if (ok) return setSignedIn(true);
      authProvider.returnTo.remember();
      void navigate('/login', { replace: true });
    });
    return () => {
      live = false;
    };
  }, [signedIn, navigate]);
  return signedIn ? children : <Loading />;
};

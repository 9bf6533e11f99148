import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Loading } from 'react-admin';

/**
 * A page whose code is fetched when it is first opened, not with the sign-in page: `load` is a
 * dynamic import, so the page and the libraries only it uses become chunks of their own. The page
 * waits in its own Suspense (the routes outside the layout have none), showing react-admin's
 * spinner.
 *
 * @example const RequestList = lazyPage(() => import('./RequestList').then((m) => m.RequestList));
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReactElement {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Page = (props: P) => (
    <Suspense fallback={<Loading />}>
      <Lazy {...props} />
    </Suspense>
  );
  return Page;
}

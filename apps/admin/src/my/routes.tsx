import { Authenticated } from 'react-admin';
import { Route } from 'react-router-dom';
import { lazyPage } from '../lib/lazy-page';

const MyAvailabilityPage = lazyPage(() => import('./MyAvailabilityPage').then((m) => m.MyAvailabilityPage));
const MyTrainingPage = lazyPage(() => import('./MyTrainingPage').then((m) => m.MyTrainingPage));

/** The volunteer's own pages, as routes inside the layout (App.tsx places them in its CustomRoutes). */
export const myRoutes = [
  <Route
    key="my-availability"
    path="/my/availability"
    element={
      <Authenticated>
        <MyAvailabilityPage />
      </Authenticated>
    }
  />,
  <Route
    key="my-training"
    path="/my/training"
    element={
      <Authenticated>
        <MyTrainingPage />
      </Authenticated>
    }
  />,
];

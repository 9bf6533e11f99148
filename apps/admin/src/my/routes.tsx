import { Authenticated } from 'react-admin';
import { Route } from 'react-router-dom';
import { MyAvailabilityPage } from './MyAvailabilityPage';
import { MyTrainingPage } from './MyTrainingPage';

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

import { AvailabilityEditor } from '../availability/AvailabilityEditor';
import { MyPage } from './MyPage';

/** /my/availability — the volunteer's own weekly hours and exceptions (GET|PUT /api/volunteers/me/availability). */
export const MyAvailabilityPage = () => (
  <MyPage action="availability" title="app.registry.availability.title" hint="app.registry.availability.my_hint">
    <AvailabilityEditor path="/volunteers/me/availability" />
  </MyPage>
);

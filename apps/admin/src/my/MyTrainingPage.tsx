import { TrainingStanding } from '../resources/volunteers/TrainingStanding';
import { MyPage } from './MyPage';

/** /my/training — the volunteer's training standing and attendance (GET /api/volunteers/me/training). */
export const MyTrainingPage = () => (
  <MyPage action="training" title="app.registry.training.title" hint="app.registry.training.my_hint">
    <TrainingStanding path="/volunteers/me/training" />
  </MyPage>
);

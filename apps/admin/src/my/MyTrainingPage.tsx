import { useGetIdentity } from 'react-admin';
import { TrainingStanding } from '../resources/volunteers/TrainingStanding';
import { TraineeProgressCard } from '../resources/volunteers/TraineeProgressCard';
import { MyPage } from './MyPage';

/** A trainee's own path to interpreter (GET /api/volunteers/:id/progress): nothing for a qualified interpreter. */
const MyProgress = () => {
  const { identity } = useGetIdentity();
  const volunteerId = (identity as { volunteerId?: string | null } | undefined)?.volunteerId;
  if (!volunteerId) return null;
  return <TraineeProgressCard volunteerId={volunteerId} canPromote={false} heading="app.shadowing.progress_title" />;
};

/** /my/training — the volunteer's training standing and attendance (GET /api/volunteers/me/training), and a trainee's path to interpreter. */
export const MyTrainingPage = () => (
  <MyPage action="training" title="app.registry.training.title" hint="app.registry.training.my_hint">
    <TrainingStanding path="/volunteers/me/training" />
    <MyProgress />
  </MyPage>
);

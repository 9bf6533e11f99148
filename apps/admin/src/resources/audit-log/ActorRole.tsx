import { useTranslate } from 'react-admin';

/** admin/staff/… in words; `system` (timers) and `public` (signed links) too. */
export const ActorRole = ({ role }: { role: string }) => {
  const translate = useTranslate();
  return <>{translate(`app.role.${role}`, { _: translate(`app.audit.actor_role.${role}`, { _: role }) })}</>;
};

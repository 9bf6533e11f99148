/**
 * The programme's dispatch policy: how offers go out, how long volunteers have to answer, and
 * when staff are pulled in. Data, not code, so the programme can tune it (see the simulator).
 */
export interface DispatchPolicy {
  /** Volunteers offered per wave. */
  waveSize: number;
  /** Minutes between waves while nobody has accepted. */
  waveIntervalMinutes: number;
  /** How long one offer stays open (capped by the deadline). */
  responseWindowMinutes: number;
  /** Inside this many hours before the visit, offer to every eligible volunteer at once. */
  broadcastWithinHours: number;
  /** A request nobody took this many hours before the visit is escalated to staff. */
  escalateBeforeHours: number;
  /** Lead time a hospital should give, in Japanese business days; less marks the request urgent. */
  leadTimeBusinessDays: number;
  /** The volunteer is asked to reconfirm this many hours before the visit… */
  reconfirmBeforeHours: number;
  /** …and staff are alerted when no answer came by this many hours before. */
  reconfirmDeadlineHours: number;
  /** A cancellation inside this many hours before the visit is a late cancellation. */
  lateCancellationHours: number;
  /** Reminders go out this many hours before the visit (the day before). */
  reminderBeforeHours: number;
  /**
   * Each confirmed dispatch blocks the volunteer this many minutes before and after the visit in
   * the database's no-overlap constraint: a floor for travel, so two dispatches are at least
   * twice this apart. Longer trips between areas are checked by the matching rules, per volunteer
   * under a row lock.
   */
  minimumBufferMinutes: number;
}

export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  waveSize: 3,
  waveIntervalMinutes: 30,
  responseWindowMinutes: 120,
  broadcastWithinHours: 48,
  escalateBeforeHours: 24,
  leadTimeBusinessDays: 3,
  reconfirmBeforeHours: 48,
  reconfirmDeadlineHours: 24,
  lateCancellationHours: 24,
  reminderBeforeHours: 24,
  minimumBufferMinutes: 10,
};

import { ATTENDANCE_STATUS_NAMES, COURSE_KIND_NAMES, namesIn } from '@app/domain/model';
import { afterVisitEn } from './after-visit-en';
import { deepMerge } from './deep-merge';

/** Editing the registry, availability and the training record, in English (same keys as registry-ja.ts). */
export const registryEn = {
  app: {
    registry: {
      menu: { my_availability: 'My availability', my_training: 'My training' },
      dashboard: {
        weekly_slots: '%{smart_count} weekly slot |||| %{smart_count} weekly slots',
        availability_hint: 'Hours you can interpret each week',
        training_hint: 'Training rule',
      },
      hospitals: {
        add_coordinator: 'Add coordinator',
        add_coordinator_hint:
          'Creates the coordinator’s account. Leave the password empty to send an invitation to set one.',
        coordinator_added: 'Coordinator %{name} added',
        no_coordinators: 'No coordinators yet',
        password_hint: 'At least 10 characters and hard to guess (optional)',
      },
      volunteers: {
        add_language: 'Add language',
        level_reason_hint: 'A level change needs a reason (kept in the history)',
        pledge_hint: 'The day the confidentiality pledge was signed',
        insurance_hint: 'The last day the volunteer insurance covers',
        cap_hint: 'Most dispatches a month (0–62)',
        created: 'Volunteer registered',
        profile: 'Profile',
        errors: {
          language_twice: 'This language is already listed',
          level_reason: 'Give the reason for the level change',
        },
      },
      training: {
        title: 'My training',
        standing: 'Training rule',
        rule_met: 'Met',
        rule_not_met: 'Not met',
        valid_until: 'Valid until %{date}',
        no_valid_until: 'No valid-until date',
        missing: 'Missing',
        missing_items: { initial_course: 'Initial course completed', skill_up: 'Skill-up training within the period' },
        initial_completed: 'Initial course completed on',
        last_skill_up: 'Last skill-up training',
        history: 'Attendance',
        empty: 'No training recorded yet',
        hours: '%{hours} h',
        kind: namesIn(COURSE_KIND_NAMES, 'en'),
        status: namesIn(ATTENDANCE_STATUS_NAMES, 'en'),
        my_hint: 'While the training rule is met, you receive offers.',
      },
      availability: {
        title: 'My availability',
        weekly: 'Every week',
        weekly_hint: 'For each weekday, the hours you can interpret (Japan time).',
        weekdays: { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' },
        add_slot: 'Add hours',
        remove_slot: 'Remove hours',
        no_slots: 'None',
        start: 'From',
        end: 'To',
        exceptions: 'Exceptions by date',
        exceptions_hint: 'Days off, or days with other hours than usual. Leave the hours empty for the whole day.',
        add_exception: 'Add exception',
        remove_exception: 'Remove exception',
        no_exceptions: 'No exceptions',
        date: 'Date',
        available: 'Availability',
        is_available: 'Available',
        is_unavailable: 'Not available',
        all_day: 'All day',
        save: 'Save availability',
        unsaved: 'You have unsaved changes',
        saved: 'Availability saved',
        my_hint: 'Offers reach you only for visits within the hours you give here.',
        errors: {
          overlap: 'Overlaps other hours',
          end_before_start: 'The end must be after the start',
          time: 'Not a valid time',
          date: 'Enter a date',
          both_times: 'Give both times, or neither',
        },
      },
    },
  },
  resources: {
    hospitals: deepMerge<typeof afterVisitEn.resources.hospitals>(afterVisitEn.resources.hospitals, {
      fields: {
        coordinator: { email: 'E-mail', displayName: 'Name', locale: 'E-mail language', password: 'Password' },
      },
    }),
    volunteers: deepMerge<typeof afterVisitEn.resources.volunteers>(afterVisitEn.resources.volunteers, {
      fields: {
        code: 'Language',
        proficiency: 'Proficiency',
        levelChangeReason: 'Reason for the level change',
        availability: 'Availability',
        training: 'Training',
      },
    }),
  },
};

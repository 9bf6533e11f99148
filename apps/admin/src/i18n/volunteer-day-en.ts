/**
 * The volunteer's day on a phone (issue 18): what is owed on the dashboard, everything for the
 * visit on its card, reconfirming and "I can't go", the report's state on past cards; and staff's
 * view of who has reconfirmed. In English (merged into en.ts).
 */
export const volunteerDayEn = {
  app: {
    owed: {
      title: 'Waiting for you',
      nothing: 'Nothing is waiting for you right now.',
      offers: 'Offers to answer',
      reconfirm: 'Visits to reconfirm',
      reports: 'Reports to file',
      answer: 'Answer',
      reconfirm_action: 'Reconfirm',
      moved_action: 'Moved: tell us if you can make it',
      report_action: 'Write the report',
      answer_by: 'Answer by %{time}',
    },
    visit: {
      title: 'Visit details',
      hospital: 'Hospital',
      address: 'Address',
      map: 'Open the map',
      call_hospital: 'Call the hospital',
      contact: 'Hospital contact',
      call_contact: 'Call the contact',
      notes: 'Notes for you',
      no_notes: 'No notes',
      remote_phone: 'Number to call',
      remote_video: 'Video call',
      remote_call: 'Call this number',
      remote_open: 'Open the video call',
      remote_missing: 'The hospital has not given the number or link yet. Please ask the hospital contact.',
      late_hint: 'If you are late or cannot find the place, call the hospital.',
      details: 'See the details',
      not_found: 'This dispatch was not found',
      back: 'Back to my schedule',
    },
    reconfirm: {
      action: 'Reconfirm I am coming',
      hint: 'The visit is coming up. Please confirm you can still go.',
      done: 'Reconfirmed',
      reconfirmed: 'Reconfirmed',
      not_reconfirmed: 'Not reconfirmed',
      moved_hint:
        'The hospital moved this visit (it was %{from}). Please tell us whether you can make the new time. If you cannot, press “I can’t go” (it does not count as your cancellation).',
      moved_action: 'I can make the new time',
      move_pending: 'Asked about the new time',
      moved_from: 'Was %{from}',
    },
    cant_go: {
      open: 'I can’t go',
      title: 'You can no longer go to this visit?',
      what_happens:
        'When you send this, staff and the hospital are told and another interpreter is sought. The hospital pays no cancellation fee. The visit leaves your schedule.',
      soon: 'The visit is less than 24 hours away, so staff are alerted at once.',
      reason: 'Why you cannot go',
      reason_hint: 'Staff read this. Do not write the patient’s name or illness.',
      close: 'Close',
      submit: 'Tell them I can’t go',
      done: 'Sent. Staff and the hospital are told, and another interpreter is sought',
      moved: 'The hospital moved this visit, so not being able to go does not count as your cancellation.',
    },
    report_state: {
      owed: 'Report needed',
      submitted: 'Submitted',
      reviewed: 'Reviewed',
      write: 'Write the report',
      edit: 'See or correct the report',
      read: 'See the report',
    },
    past_outcome: {
      completed: 'Done',
      no_show_patient: 'The patient did not come',
      no_show_interpreter: 'Recorded as not attended',
      no_show: 'Did not take place',
      cancelled_hospital: 'Cancelled by the hospital',
      cancelled_interpreter: 'You could not go (cancelled)',
      cancelled: 'Cancelled',
    },
    offer_link_mine: {
      accepted: 'This visit is yours.',
      details: 'See the visit details',
      details_hint: 'The address, contacts and notes are on the details page (signing in is needed).',
    },
  },
};

import type { Locale, Mode } from '@app/domain/model';
import { label, MODES } from './format';

/** What the confirmed interpreter needs on the day, as mail shows it. Never patient details. */
export interface MailVisitDetails {
  mode: Mode;
  address: string;
  /** A map search for the address. */
  mapUrl: string;
  hospitalPhone: string | null;
  coordinatorName: string | null;
  coordinatorPhone: string | null;
  notesForInterpreter: string | null;
  /** Phone and video visits: the number to call or the link. */
  remoteDetails: string | null;
}

const LABELS = {
  ja: {
    mode: '形式',
    map: '地図',
    hospitalPhone: '医療機関の電話',
    coordinator: '担当者',
    coordinatorPhone: '担当者の電話',
    notes: '連絡事項',
    remote: '接続先',
  },
  en: {
    mode: 'Format',
    map: 'Map',
    hospitalPhone: 'Hospital phone',
    coordinator: 'Contact',
    coordinatorPhone: 'Contact phone',
    notes: 'Notes',
    remote: 'Number / link',
  },
} as const;

/** The rows after the address: map, whom to call, the meeting notes and, for a remote visit, how to join. */
export function visitDetailRows(visit: MailVisitDetails, locale: Locale): Array<[string, string]> {
  const l = LABELS[locale];
  const rows: Array<[string, string | null]> = [
    [l.mode, label(MODES, visit.mode, locale)],
    [l.map, visit.mode === 'onsite' && visit.address ? visit.mapUrl : null],
    [l.remote, visit.mode === 'onsite' ? null : visit.remoteDetails],
    [l.hospitalPhone, visit.hospitalPhone],
    [l.coordinator, visit.coordinatorName],
    [l.coordinatorPhone, visit.coordinatorPhone],
    [l.notes, visit.notesForInterpreter],
  ];
  return rows.filter((row): row is [string, string] => !!row[1]);
}

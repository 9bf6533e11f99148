import { Foundation1795746313877 } from './1795746313877-Foundation';
import { Registry1795747383164 } from './1795747383164-Registry';
import { JobsAndMail1795747562842 } from './1795747562842-JobsAndMail';
import { Dispatching1795748317072 } from './1795748317072-Dispatching';
import { AfterTheVisit1795749273106 } from './1795749273106-AfterTheVisit';
import { OfferReleased1795750000000 } from './1795750000000-OfferReleased';
import { DispatchCancelledBy1795786155076 } from './1795786155076-DispatchCancelledBy';
import { RequestTermsChangedAt1795787513107 } from './1795787513107-RequestTermsChangedAt';
import { MailLinksWithoutTokens1795790000000 } from './1795790000000-MailLinksWithoutTokens';
import { MailNeverLost1795800000000 } from './1795800000000-MailNeverLost';
import { TwoFactor1796617435139 } from './1796617435139-TwoFactor';
import { VisitDetails1797000000000 } from './1797000000000-VisitDetails';
import { UserPhone1797200000000 } from './1797200000000-UserPhone';
import { CalendarLinks1797300000000 } from './1797300000000-CalendarLinks';
import { VisitMoves1797400000000 } from './1797400000000-VisitMoves';
import { Accounts1797100000000 } from './1797100000000-Accounts';
import { TraineeShadowing1797700000000 } from './1797700000000-TraineeShadowing';
import { ActorChangeNotify1797800000000 } from './1797800000000-ActorChangeNotify';
import { CandidateReadIndexes1797900000000 } from './1797900000000-CandidateReadIndexes';
import { LateMove1797450000000 } from './1797450000000-LateMove';

/** Every migration, in order. `npm run migration:generate` writes a new file; add it here. */
export const MIGRATIONS = [
  Foundation1795746313877,
  Registry1795747383164,
  JobsAndMail1795747562842,
  Dispatching1795748317072,
  AfterTheVisit1795749273106,
  OfferReleased1795750000000,
  DispatchCancelledBy1795786155076,
  RequestTermsChangedAt1795787513107,
  MailLinksWithoutTokens1795790000000,
  MailNeverLost1795800000000,
  TwoFactor1796617435139,
  VisitDetails1797000000000,
  Accounts1797100000000,
  UserPhone1797200000000,
  CalendarLinks1797300000000,
  VisitMoves1797400000000,
  LateMove1797450000000,
  TraineeShadowing1797700000000,
  ActorChangeNotify1797800000000,
  CandidateReadIndexes1797900000000,
];

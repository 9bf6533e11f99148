import { Module } from '@nestjs/common';
import { CandidatesService } from './candidates.service';
import { VolunteerSnapshots } from './volunteer-snapshots';

/** The bridge between the database and the pure matching library. */
@Module({ providers: [CandidatesService, VolunteerSnapshots], exports: [CandidatesService, VolunteerSnapshots] })
export class MatchingModule {}

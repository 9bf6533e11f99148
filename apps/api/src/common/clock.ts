import { Injectable } from '@nestjs/common';

/** The time source. Tests swap it to move time without waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

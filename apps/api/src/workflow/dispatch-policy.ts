import { Global, Inject, Module } from '@nestjs/common';
import { DEFAULT_DISPATCH_POLICY, DispatchPolicy } from '@app/domain';

/** The injection token of the programme's dispatch policy (waves, answer windows, deadlines, fees' lateness). */
export const DISPATCH_POLICY = Symbol('DISPATCH_POLICY');

/** `@InjectDispatchPolicy() policy: DispatchPolicy` in a constructor. */
export const InjectDispatchPolicy = () => Inject(DISPATCH_POLICY);

/**
 * The dispatch policy as configuration: one provider, its defaults in one place
 * (`DEFAULT_DISPATCH_POLICY` in libs/domain, the very object the simulator tunes). A deployment or
 * a test that needs another policy overrides this provider; no service holds a copy of its own.
 */
@Global()
@Module({
  providers: [
    { provide: DISPATCH_POLICY, useValue: Object.freeze({ ...DEFAULT_DISPATCH_POLICY }) satisfies DispatchPolicy },
  ],
  exports: [DISPATCH_POLICY],
})
export class DispatchPolicyModule {}

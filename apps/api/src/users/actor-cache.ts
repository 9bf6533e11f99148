import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/env.validation';
import type { ActorRecord } from './users.service';

/** The channel the `users` table's trigger notifies with a changed account's id (migration ActorChangeNotify). */
export const ACTOR_CHANGED_CHANNEL = 'actor_changed';
/** Accounts kept at most: a programme has hundreds of users; this only bounds a flood of bad ids. */
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;
/**
 * How often the listening connection proves it is alive. A connection a NAT or load balancer drops
 * without a reset sends no error: past `HEARTBEAT_MS` + `HEARTBEAT_TIMEOUT_MS` without an answer,
 * nothing cached is trusted, and the connection is given up and made again.
 */
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
/** The payload that forgets everyone (the table was truncated). */
const EVERYONE = '*';

interface Entry {
  actor: ActorRecord | null;
  until: number;
}

/**
 * The caller's account as the access-token check reads it, kept in memory so an authenticated
 * call does not query `users` each time. Safe because the database says when to forget: a trigger
 * on `users` notifies `actor_changed` with the account's id when its role, scope, activity or session
 * generation changes, and each API process LISTENs on its own connection. So a deactivation, a role
 * change or a password change ends sessions in every worker within the commit's notification
 * (milliseconds); the process that made the change forgets at once (`forget`). While the listening
 * connection is down nothing is cached (and everything is forgotten), so a missed notification
 * cannot leave a stale account behind — nor can a connection that died silently: it answers a
 * heartbeat every ten seconds, or nothing cached is used. A read that raced a notification (or a
 * reconnection) is not kept. Entries also expire after `ACTOR_CACHE_SECONDS` (0 turns the cache
 * off). Writes that fire no row trigger (a restore with triggers disabled) are not heard: restart
 * the API after one.
 */
@Injectable()
export class ActorCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ActorCache.name);
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private client: Client | null = null;
  private listening = false;
  private closed = false;
  private reconnect: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** When the listening connection last answered (ms): older than a heartbeat and its timeout, nothing cached is used. */
  private aliveAt = 0;
  /** Moves on with every forget, so a read that started before one is not kept. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlMs = config.get('ACTOR_CACHE_SECONDS', { infer: true }) * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.ttlMs > 0) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.stopped();
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  /** The cached account (null: cached as unknown or inactive); undefined when it must be read. */
  get(id: string): ActorRecord | null | undefined {
    if (!this.trusted()) return undefined;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.actor;
    this.entries.delete(id);
    return undefined;
  }

  /** Where a read starts: pass it to `remember`, which then keeps the read only if nothing was forgotten meanwhile. */
  mark(): number {
    return this.generation;
  }

  remember(id: string, actor: ActorRecord | null, mark: number): void {
    if (!this.trusted() || mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(id))
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, { actor, until: Date.now() + this.ttlMs });
  }

  /** Forgets an account (its process changed it; the others hear the notification), or everyone (`*`). */
  forget(id: string): void {
    this.generation++;
    if (id === EVERYONE) this.entries.clear();
    else this.entries.delete(id);
  }

  /** Listening, and the connection answered lately. */
  private trusted(): boolean {
    return this.listening && Date.now() - this.aliveAt <= HEARTBEAT_MS + HEARTBEAT_TIMEOUT_MS;
  }

  private async listen(): Promise<void> {
    // The app's own database (typeOrmOptions gives it as a URL).
    const { url } = this.dataSource.options as { url?: string };
    const client = new Client({
      connectionString: url,
      application_name: 'kumamoto-dispatch-actor-cache',
      keepAlive: true,
      connectionTimeoutMillis: HEARTBEAT_TIMEOUT_MS,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === ACTOR_CHANGED_CHANNEL && message.payload) this.forget(message.payload);
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      if (this.heartbeat) clearInterval(this.heartbeat);
      this.heartbeat = null;
      this.stopped();
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(`Actor cache off until the database connection is back${error ? `: ${error.message}` : ''}`);
      this.reconnect = setTimeout(() => {
        this.reconnect = null;
        void this.listen();
      }, RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${ACTOR_CHANGED_CHANNEL}`);
      if (this.client !== client || this.closed) return;
      // A read that started while deaf could hold a change made just before LISTEN took: not kept.
      this.generation++;
      this.aliveAt = Date.now();
      this.listening = true;
      this.heartbeat = setInterval(() => void this.beat(client, lost), HEARTBEAT_MS);
      this.heartbeat.unref();
    } catch (error) {
      lost(error as Error);
    }
  }

  /** The listening connection answers `SELECT 1` in time, or is given up. */
  private async beat(client: Client, lost: (error?: Error) => void): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer to the heartbeat')), HEARTBEAT_TIMEOUT_MS);
    });
    try {
      await Promise.race([client.query('SELECT 1'), timeout]);
      if (this.client === client) this.aliveAt = Date.now();
    } catch (error) {
      lost(error as Error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Not listening: nothing cached can be trusted, and nothing new is kept. */
  private stopped(): void {
    this.listening = false;
    this.generation++;
    this.entries.clear();
  }
}

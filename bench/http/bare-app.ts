/**
 * The baseline of `bench:http`: a bare NestJS 11 app on the same @nestjs/core and
 * @nestjs/platform-express as the API, one route answering `{ ok: true }`. Prints its port.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller('hello')
class HelloController {
  @Get()
  hello() {
    return { ok: true };
  }
}

@Module({ controllers: [HelloController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  app.setGlobalPrefix('api');
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  process.stdout.write(`listening ${String(process.env.PORT)}\n`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();

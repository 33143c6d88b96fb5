/**
 * cloudbaserc.json deploys what the build makes, with only the fields the CloudBase CLI
 * documents (its configuration page: timeout 1–60 s, memorySize 128…2048, envVariables replace
 * the function's variables on every deploy; triggers: name ≤ 60 characters starting with a
 * letter, type "timer", a 7-field cron; one timer per function per the WeChat cloud-development
 * trigger docs). README, "Deploy to CloudBase", records these sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ALL_FUNCTIONS, MAX_TIMEOUT_S, PUSH_FUNCTIONS, SETUP_FUNCTION, TIMERS } from '../../cloudfunctions/core/runtime/deploy-manifest';
import { FUNCTIONS_OUT } from '../../scripts/build-functions';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));

/** One cron field: numbers, names, and the wildcards , - * / the CLI lists. */
const CRON_FIELD = /^[0-9A-Z*,\-/]+$/;
const cron = z.string().refine((c) => {
  const f = c.split(' ');
  return f.length === 7 && f.every((x) => CRON_FIELD.test(x));
}, 'a 7-field cron: second minute hour day month weekday year');

const triggerSchema = z
  .object({ name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/), type: z.literal('timer'), config: cron })
  .strict();

const functionSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
    dir: z.string().optional(),
    handler: z.literal('index.main'),
    runtime: z.enum(['Nodejs18.15', 'Nodejs16.13', 'Nodejs20.19']),
    timeout: z.number().int().min(1).max(60),
    memorySize: z.union([z.literal(128), z.literal(256), z.literal(512), z.literal(1024), z.literal(2048)]),
    installDependency: z.boolean(),
    ignore: z.union([z.string(), z.array(z.string())]).optional(),
    envVariables: z.record(z.string(), z.string()),
    triggers: z.array(triggerSchema).max(1, 'one timer trigger per function').optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

const rcSchema = z
  .object({ version: z.literal('2.0'), envId: z.string().min(1), functionRoot: z.string(), functions: z.array(functionSchema) })
  .strict();

const rc = rcSchema.parse(read('cloudbaserc.json'));
const fn = (name: string) => rc.functions.find((f) => f.name === name)!;

test('cloudbaserc.json uses only documented fields and values', () => {
  expect(() => rcSchema.parse(read('cloudbaserc.json'))).not.toThrow();
  expect(rc.envId).toBe('{{env.ENV_ID}}');
  expect(MAX_TIMEOUT_S).toBeLessThanOrEqual(60);
});

test('every built function is deployed from its bundle folder, on Shanghai time', () => {
  expect(path.resolve(ROOT, rc.functionRoot)).toBe(FUNCTIONS_OUT);
  expect(rc.functions.map((f) => f.name).sort()).toEqual([...ALL_FUNCTIONS].sort());
  for (const f of rc.functions) expect(f.envVariables.TZ).toBe('Asia/Shanghai');
});

test('timers carry exactly their one trigger from the manifest; no other function has one', () => {
  for (const f of rc.functions) {
    const timer = (TIMERS as Record<string, { trigger: string; cron: string }>)[f.name];
    if (timer) expect(f.triggers).toEqual([{ name: timer.trigger, type: 'timer', config: timer.cron }]);
    else expect(f.triggers).toBeUndefined();
  }
});

test('a deploy keeps push and the setup code: their variables are in the file (a deploy replaces the rest)', () => {
  for (const name of PUSH_FUNCTIONS) {
    expect(fn(name).envVariables).toMatchObject({ WX_SUBSCRIBE_TEMPLATES: '{{env.WX_SUBSCRIBE_TEMPLATES}}', WX_MINIPROGRAM_STATE: '{{env.WX_MINIPROGRAM_STATE}}' });
    expect(fn(name).installDependency).toBe(true);
  }
  for (const name of ['account', SETUP_FUNCTION]) expect(fn(name).envVariables.SETUP_CODE).toBe('{{env.SETUP_CODE}}');
  for (const f of rc.functions) if (!PUSH_FUNCTIONS.has(f.name)) expect(f.installDependency).toBe(false);
});

test('project.config.json points WeChat DevTools at the built mini-program and functions', () => {
  const pc = read('project.config.json') as Record<string, string>;
  expect(path.resolve(ROOT, pc.cloudfunctionRoot ?? '')).toBe(FUNCTIONS_OUT);
  expect(pc.miniprogramRoot).toBe('client/dist/weapp/');
});

/**
 * The local host's demo clock (local only, never in a deployed function): `DEMO_NOW` names the
 * instant the host starts at, so the staff flow can be shown after 17:00 or on a weekend. The
 * clock then runs on with real time, and the H5 app shows a banner "演示时间:…" (GET /dev/clock)
 * so nobody takes it for the real time. cloudfunctions/core/runtime/cloud.ts never reads it.
 */
import { systemClock, type Clock } from '../cloudfunctions/core/clock';
import { isIsoDate } from '../shared/domain/time';

/** 2026-11-30T10:00, with optional seconds (and fraction), and Z or ±HH:MM; none means Shanghai. */
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

const invalid = (value: string): Error =>
  new Error(
    `对不起,DEMO_NOW 的值“${value}”不是有效的时间,本地服务没有启动。` +
      '请写成 ISO 8601 格式,例如 DEMO_NOW=2026-11-30T10:00:00+08:00(不写时区即按北京时间);' +
      '要使用真实时间,请不要设置 DEMO_NOW。',
  );

/** The instant DEMO_NOW names; throws a courteous Chinese error when it names none. */
export function parseDemoNow(value: string): Date {
  const text = value.trim();
  const m = INSTANT_RE.exec(text);
  if (!m || !isIsoDate(m[1]!)) throw invalid(value);
  const [hh, mm, ss] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) throw invalid(value);
  const offset = m[6] ?? '+08:00';
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59)) throw invalid(value);
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${m[5] ?? ''}${offset}`);
  if (Number.isNaN(at.getTime())) throw invalid(value);
  return at;
}

/** A clock that starts at `start` and runs on with `base` (the system clock by default). */
export class DemoClock implements Clock {
  private readonly offset: number;
  constructor(
    start: Date,
    private readonly base: Clock = systemClock,
  ) {
    this.offset = start.getTime() - base.now().getTime();
  }
  now(): Date {
    return new Date(this.base.now().getTime() + this.offset);
  }
}

/** The local host's clock: the system clock, or a DemoClock when DEMO_NOW is set (non-empty). */
export function hostClockFromEnv(env: NodeJS.ProcessEnv = process.env, base: Clock = systemClock): Clock {
  const value = env.DEMO_NOW;
  if (value === undefined || value.trim() === '') return base;
  return new DemoClock(parseDemoNow(value), base);
}

/** Small schemas the contracts share. */
import { z } from 'zod';
import { isIsoDate } from '../domain/time';

export const idField = (label: string) =>
  z.string({ error: `请选择${label}` }).trim().min(1, `请选择${label}`).max(80, `${label}不正确,请重新选择`);

export const dateField = (label = '日期') =>
  z.string({ error: `请选择${label}` }).refine(isIsoDate, `${label}格式应为 年-月-日,例如 2026-03-02`);

export const timeField = (label = '时间') =>
  z.string({ error: `请选择${label}` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 时:分,例如 09:30`);

export const reasonField = (label: string) =>
  z.string({ error: `请填写${label}` }).trim().min(2, `请填写${label},至少2个字`).max(200, `${label}请不超过200个字`);

export const okSchema = z.object({ ok: z.literal(true) });

/**
 * Residents and their authorisations of a village agent (R-BOOK-4): an agent acts only for a
 * resident of their own village who authorised them, for as long as the authorisation runs.
 */
import { z } from 'zod';

export const AUTH_METHODS = ['paper', 'in_person', 'in_app'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
export const AUTH_METHOD_LABELS: Record<AuthMethod, string> = {
  paper: '签字授权书',
  in_person: '本人当面授权',
  in_app: '本人在小程序中确认',
};

export const residentSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  villageId: z.string(),
  name: z.string(),
  phone: z.string(),
  idNumber: z.string(),
  /** The resident's own WeChat user, when they have one. */
  userId: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Resident = z.infer<typeof residentSchema>;

export const authorizationSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  residentId: z.string(),
  agentId: z.string(),
  method: z.enum(AUTH_METHODS),
  /** Dates, Asia/Shanghai: given on, valid through. */
  givenOn: z.string(),
  validUntil: z.string(),
  createdAt: z.string(),
  /** For 'in_app': when the resident confirmed it in the mini-program; until then it is pending. */
  confirmedAt: z.string().optional(),
  revokedAt: z.string().optional(),
  revokedBy: z.string().optional(),
});
export type Authorization = z.infer<typeof authorizationSchema>;

export const AUTH_STATES = ['active', 'pending', 'expired', 'revoked', 'not_yet'] as const;
export type AuthorizationState = (typeof AUTH_STATES)[number];
export const AUTH_STATE_LABELS: Record<AuthorizationState, string> = {
  active: '有效',
  pending: '待本人在小程序中确认',
  expired: '已过期',
  revoked: '已撤销',
  not_yet: '未生效',
};

export function authorizationState(
  a: Pick<Authorization, 'method' | 'givenOn' | 'validUntil' | 'revokedAt' | 'confirmedAt'>,
  today: string,
): AuthorizationState {
  if (a.revokedAt) return 'revoked';
  if (today > a.validUntil) return 'expired';
  if (a.method === 'in_app' && !a.confirmedAt) return 'pending';
  if (today < a.givenOn) return 'not_yet';
  if (today > a.validUntil) return 'expired';
  return 'active';
}

/**
 * Whether `agent` may act for `resident` today, given the resident's authorisations; the reason
 * and the next step when not.
 */
export function actingProblem(
  agent: { id: string; villageId?: string; centerId: string },
  resident: Pick<Resident, 'villageId' | 'centerId' | 'name'>,
  auths: ReadonlyArray<Pick<Authorization, 'agentId' | 'method' | 'givenOn' | 'validUntil' | 'revokedAt' | 'confirmedAt'>>,
  today: string,
): string | null {
  if (resident.centerId !== agent.centerId || resident.villageId !== agent.villageId) {
    return `对不起,${resident.name}不是您所在村的群众,村代办员只能为本村群众代办;请联系其所在村的代办员。`;
  }
  const mine = auths.filter((a) => a.agentId === agent.id);
  if (mine.length === 0) return `对不起,${resident.name}尚未授权您代办,请先请本人签字授权或当面授权,登记后再办理。`;
  const states = mine.map((a) => authorizationState(a, today));
  if (states.includes('active')) return null;
  if (states.includes('pending')) {
    return `对不起,${resident.name}还没有在小程序中确认对您的授权;请提醒本人在“我的 → 我的代办授权”中确认后再办理。`;
  }
  if (states.includes('revoked') && !states.includes('expired')) {
    return `对不起,${resident.name}已撤销对您的代办授权;如需继续代办,请重新取得本人授权并登记。`;
  }
  return `对不起,${resident.name}对您的代办授权已过期;请重新取得本人授权并登记后再办理。`;
}

import { z } from 'zod';
import { action } from './define';
import { dateField, idField } from './common';
import { AUTH_METHODS, AUTH_STATES } from '../domain/residents';
import { idNumberProblem, isMobilePhone } from '../domain/personal-data';

const authState = z.enum(AUTH_STATES);

/** A GB 11643 identity number, checked with its check digit. */
const idNumberField = z
  .string({ error: '请填写身份证号码' })
  .trim()
  .superRefine((v, ctx) => {
    const p = idNumberProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  });

/** A resident as shown to a caller: ID number and phone masked unless it is them or the admin. */
const residentView = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  name: z.string(),
  phone: z.string(),
  idNumber: z.string(),
  onWechat: z.boolean(),
});

const authorizationView = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  method: z.enum(AUTH_METHODS),
  givenOn: z.string(),
  validUntil: z.string(),
  state: authState,
});

const grant = z
  .object({
    method: z.enum(AUTH_METHODS, { error: '请选择授权方式' }),
    givenOn: dateField('授权日期'),
    validUntil: dateField('授权有效期'),
  })
  .refine((g) => g.validUntil >= g.givenOn, { message: '授权有效期不能早于授权日期', path: ['validUntil'] });

/** The `residents` cloud function: agents' residents and authorisations (R-BOOK-4). */
export const residentsContract = {
  list: action({
    summary: "An agent's residents (own village) with their authorisations of this agent.",
    roles: ['agent', 'admin'],
    input: z.object({}).strict(),
    output: z.object({ residents: z.array(residentView.extend({ authorization: authorizationView.nullable() })) }),
  }),
  register: action({
    summary: 'An agent registers a resident of their village with the authorisation the resident gave.',
    roles: ['agent'],
    input: z
      .object({
        name: z.string({ error: '请填写姓名' }).trim().min(2, '请填写群众的真实姓名').max(20, '姓名请不超过20个字'),
        phone: z.string({ error: '请填写联系电话' }).trim().refine(isMobilePhone, '请填写11位手机号;没有手机的可填写家属的手机号'),
        idNumber: idNumberField,
        authorization: grant,
      })
      .strict(),
    output: z.object({ resident: residentView, authorization: authorizationView }),
  }),
  authorize: action({
    summary: 'Record a new (or renewed) authorisation of an already registered resident.',
    roles: ['agent'],
    input: z.object({ residentId: idField('群众'), authorization: grant }).strict(),
    output: z.object({ authorization: authorizationView }),
  }),
  mine: action({
    summary: 'A villager sees who may act for them, and may revoke it.',
    roles: ['villager'],
    input: z.object({}).strict(),
    output: z.object({ resident: residentView.nullable(), authorizations: z.array(authorizationView) }),
  }),
  confirm: action({
    summary: "The resident confirms, in the app, an authorisation the agent recorded as 'in_app'.",
    roles: ['villager'],
    input: z.object({ authorizationId: idField('授权') }).strict(),
    output: z.object({ authorization: authorizationView }),
  }),
  revoke: action({
    summary: 'The resident (or the admin) revokes an authorisation; the agent is told.',
    roles: ['villager', 'admin'],
    input: z.object({ authorizationId: idField('授权') }).strict(),
    output: z.object({ authorization: authorizationView }),
  }),
  claim: action({
    summary: 'A villager links their WeChat user to the resident record an agent registered for them.',
    roles: ['villager'],
    input: z
      .object({
        idNumber: idNumberField,
      })
      .strict(),
    output: z.object({ resident: residentView }),
  }),
} as const;


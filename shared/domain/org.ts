/**
 * The organisation a county runs on one CloudBase environment: district → township centers →
 * villages. Every record below a center carries its centerId, so one center never sees
 * another's data.
 */
import { z } from 'zod';
import { ROLES } from './roles';

export const districtSchema = z.object({ id: z.string(), name: z.string() });
export type District = z.infer<typeof districtSchema>;

export const centerSchema = z.object({
  id: z.string(),
  districtId: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  /** Supervision and complaint phone, published with the guides (R-CAT-4). */
  complaintPhone: z.string(),
  /** Opening hours, 9:00–17:00 without a lunch break (R-BOOK-1). */
  opensAt: z.string(),
  closesAt: z.string(),
});
export type Center = z.infer<typeof centerSchema>;

export const villageSchema = z.object({ id: z.string(), centerId: z.string(), name: z.string() });
export type Village = z.infer<typeof villageSchema>;

/** The five windows a township center typically has. Codes prefix item codes. */
export const WINDOW_CODES = ['MZ', 'RS', 'WJ', 'CL', 'ZH'] as const;
export type WindowCode = (typeof WINDOW_CODES)[number];

export const serviceWindowSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  code: z.string(),
  name: z.string(),
  duties: z.string(),
  phone: z.string(),
  sort: z.number().int(),
  /** Booking slots (R-BOOK-1): minutes per slot and places per slot, set by the admin. */
  slotMinutes: z.number().int(),
  slotCapacity: z.number().int(),
});
export type ServiceWindow = z.infer<typeof serviceWindowSchema>;

export const userSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  role: z.enum(ROLES),
  name: z.string(),
  /** Staff: the window they sit at. */
  windowId: z.string().optional(),
  /** Villagers and agents: their village. */
  villageId: z.string().optional(),
  /** In the cloud, the WeChat OPENID bound to this user. */
  openId: z.string().optional(),
  /** A one-time code the admin gives a staff member to bind their WeChat account. */
  inviteCode: z.string().optional(),
  inviteExpiresAt: z.string().optional(),
  /** Set when the person erased their account (PIPL): the record stays, anonymised. */
  erasedAt: z.string().optional(),
});
export type User = z.infer<typeof userSchema>;

/** What any response may say about a user: never the openId or invite code. */
export const publicUserSchema = userSchema.pick({
  id: true,
  centerId: true,
  role: true,
  name: true,
  windowId: true,
  villageId: true,
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export const toPublicUser = (u: User): PublicUser => {
  const p: PublicUser = { id: u.id, centerId: u.centerId, role: u.role, name: u.name };
  if (u.windowId !== undefined) p.windowId = u.windowId;
  if (u.villageId !== undefined) p.villageId = u.villageId;
  return p;
};

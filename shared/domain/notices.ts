/** In-app notices (the inbox): what a user is told, e.g. that the center cancelled a booking. */
import { z } from 'zod';

export const noticeSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  userId: z.string(),
  title: z.string(),
  body: z.string(),
  /** A page of the app the notice refers to, e.g. /pages/booking/index?id=… */
  link: z.string().optional(),
  createdAt: z.string(),
  readAt: z.string().optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

import { z } from 'zod';
import { action } from './define';
import {
  itemSummarySchema,
  serviceItemDraftSchema,
  serviceItemSchema,
} from '../domain/catalog';
import { centerSchema, serviceWindowSchema, villageSchema } from '../domain/org';

const id = (label: string) => z.string({ error: `请选择${label}` }).trim().min(1, `请选择${label}`).max(64);

const windowWithCount = serviceWindowSchema.extend({ itemCount: z.number().int() });

/** The `catalog` cloud function: service guides (R-CAT-1..3). */
export const catalogContract = {
  listCenters: action({
    summary: 'All centers of the county, grouped by district, for the villager to choose theirs.',
    roles: 'public',
    input: z.object({}).strict(),
    output: z.object({
      districts: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          centers: z.array(centerSchema.pick({ id: true, name: true, address: true })),
        }),
      ),
    }),
  }),
  home: action({
    summary: "A center's home: its details and windows with how many items each handles.",
    roles: 'public',
    input: z.object({ centerId: id('服务中心') }).strict(),
    output: z.object({ center: centerSchema, windows: z.array(windowWithCount) }),
  }),
  villages: action({
    summary: "A center's villages (社区), for villagers and agents to say where they live.",
    roles: 'public',
    input: z.object({ centerId: id('服务中心') }).strict(),
    output: z.object({ villages: z.array(villageSchema) }),
  }),
  listItems: action({
    summary: 'Items of a center, optionally of one window, in code order.',
    roles: 'public',
    input: z.object({ centerId: id('服务中心'), windowId: id('窗口').optional() }).strict(),
    output: z.object({ items: z.array(itemSummarySchema), window: serviceWindowSchema.nullable() }),
  }),
  search: action({
    summary: 'Find items by name, code or keyword, best matches first.',
    roles: 'public',
    input: z
      .object({
        centerId: id('服务中心'),
        q: z.string({ error: '请输入要查找的事项' }).trim().min(1, '请输入要查找的事项名称或关键词').max(40, '搜索内容请不超过40个字'),
      })
      .strict(),
    output: z.object({ items: z.array(itemSummarySchema) }),
  }),
  getItem: action({
    summary: 'The complete guide of one item: everything of R-CAT-1 on one screen (R-CAT-2).',
    roles: 'public',
    input: z.object({ itemId: id('事项') }).strict(),
    output: z.object({ item: serviceItemSchema, window: serviceWindowSchema, center: centerSchema }),
  }),
  saveItem: action({
    summary: "Admin adds an item (no id) or edits one (id + the version they read) in their own center.",
    roles: ['admin'],
    input: z
      .object({
        id: z.string().trim().min(1).max(64).optional(),
        expectedVersion: z.number().int().min(1).optional(),
        draft: serviceItemDraftSchema,
      })
      .strict(),
    output: z.object({ item: serviceItemSchema }),
  }),
} as const;

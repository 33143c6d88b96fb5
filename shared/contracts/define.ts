/**
 * One definition of each action (DESIGN.md): its input and output schemas and the roles that
 * may call it. The client's typed API and the server's dispatcher both derive from these.
 */
import type { z } from 'zod';
import type { Role } from '../domain/roles';

export interface ActionDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** 'public' actions need no login; otherwise the caller's role must be listed. */
  roles: 'public' | readonly Role[];
  summary: string;
}

export const action = <I extends z.ZodType, O extends z.ZodType>(def: ActionDef<I, O>): ActionDef<I, O> => def;

export type FunctionDefs = Record<string, ActionDef>;
export type RegistryShape = Record<string, FunctionDefs>;

/** What a caller passes (defaults still optional). */
export type ActionInput<A> = A extends ActionDef<infer I, z.ZodType> ? z.input<I> : never;
/** What a handler receives, after parsing. */
export type ActionParsedInput<A> = A extends ActionDef<infer I, z.ZodType> ? z.output<I> : never;
export type ActionOutput<A> = A extends ActionDef<z.ZodType, infer O> ? z.output<O> : never;

/**
 * The registry: every cloud function and its actions. Adding an action here makes it appear in
 * the client's typed API and obliges the server to implement it (the compiler checks both).
 */
import './locale';
import { accountContract } from './account';
import { bookingContract } from './booking';
import { casesContract } from './cases';
import { catalogContract } from './catalog';
import { complaintsContract } from './complaints';
import { centerContract } from './center';
import { disclosureContract } from './disclosure';
import { dutyContract } from './duty';
import { inboxContract } from './inbox';
import { petitionsContract } from './petitions';
import { reportsContract } from './reports';
import { ratingsContract } from './ratings';
import { residentsContract } from './residents';
import type { ActionInput, ActionOutput } from './define';

export const registry = {
  catalog: catalogContract,
  account: accountContract,
  booking: bookingContract,
  residents: residentsContract,
  center: centerContract,
  inbox: inboxContract,
  cases: casesContract,
  ratings: ratingsContract,
  complaints: complaintsContract,
  duty: dutyContract,
  petitions: petitionsContract,
  reports: reportsContract,
  disclosure: disclosureContract,
} as const;

export type Registry = typeof registry;
export type FunctionName = keyof Registry;
export type ActionName<F extends FunctionName> = keyof Registry[F] & string;

export const FUNCTION_NAMES = Object.keys(registry) as FunctionName[];

/** The typed client surface: api.catalog.search({ centerId, q }) → Promise<output>. */
export type Api = {
  [F in FunctionName]: {
    [A in ActionName<F>]: (input: ActionInput<Registry[F][A]>) => Promise<ActionOutput<Registry[F][A]>>;
  };
};

export * from './define';

/**
 * The server side of the registry: one use case per declared action. The mapped type makes
 * the compiler refuse a registry action without a handler, or a handler of the wrong shape.
 */
import type { ActionName, FunctionName, Registry } from '../../shared/contracts';
import type { ActionOutput, ActionParsedInput } from '../../shared/contracts/define';
import type { Ctx } from './context';
import * as account from './usecases/account';
import * as catalog from './usecases/catalog';

export type Handlers = {
  [F in FunctionName]: {
    [A in ActionName<F>]: (ctx: Ctx, input: ActionParsedInput<Registry[F][A]>) => Promise<ActionOutput<Registry[F][A]>>;
  };
};

export const handlers: Handlers = {
  catalog: {
    listCenters: catalog.listCenters,
    home: catalog.home,
    listItems: catalog.listItems,
    search: catalog.search,
    getItem: catalog.getItem,
    saveItem: catalog.saveItem,
  },
  account: {
    me: account.me,
    issueInvite: account.issueInvite,
    bindInvite: account.bindInvite,
  },
};

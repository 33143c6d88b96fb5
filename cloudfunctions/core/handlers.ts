/**
 * The server side of the registry: one use case per declared action. The mapped type makes
 * the compiler refuse a registry action without a handler, or a handler of the wrong shape.
 */
import type { ActionName, FunctionName, Registry } from '../../shared/contracts';
import type { ActionOutput, ActionParsedInput } from '../../shared/contracts/define';
import type { Ctx } from './context';
import * as account from './usecases/account';
import * as booking from './usecases/booking';
import * as cases from './usecases/cases';
import * as catalog from './usecases/catalog';
import * as center from './usecases/center';
import * as complaints from './usecases/complaints';
import * as disclosure from './usecases/disclosure';
import * as duty from './usecases/duty';
import * as inbox from './usecases/inbox';
import * as petitions from './usecases/petitions';
import * as reports from './usecases/reports';
import * as ratings from './usecases/ratings';
import * as residents from './usecases/residents';

export type Handlers = {
  [F in FunctionName]: {
    [A in ActionName<F>]: (ctx: Ctx, input: ActionParsedInput<Registry[F][A]>) => Promise<ActionOutput<Registry[F][A]>>;
  };
};

export const handlers: Handlers = {
  catalog: {
    listCenters: catalog.listCenters,
    villages: catalog.villages,
    home: catalog.home,
    listItems: catalog.listItems,
    search: catalog.search,
    getItem: catalog.getItem,
    saveItem: catalog.saveItem,
  },
  account: {
    me: account.me,
    updateProfile: account.updateProfile,
    myData: account.myData,
    eraseMe: account.eraseMe,
    people: account.people,
    addPerson: account.addPerson,
    issueInvite: account.issueInvite,
    bindInvite: account.bindInvite,
    setupAdmin: account.setupAdmin,
  },
  booking: {
    options: booking.options,
    create: booking.create,
    mine: booking.mine,
    held: booking.held,
    get: booking.get,
    cancel: booking.cancel,
    reschedule: booking.reschedule,
    centerCancel: booking.centerCancel,
    dayBoard: booking.dayBoard,
    dayCounts: booking.dayCounts,
    checkIn: booking.checkIn,
    requestVisit: booking.requestVisit,
    myVisits: booking.myVisits,
    visitBoard: booking.visitBoard,
    scheduleVisit: booking.scheduleVisit,
    declineVisit: booking.declineVisit,
    revealVisitPhone: booking.revealVisitPhone,
  },
  residents: {
    list: residents.list,
    register: residents.register,
    authorize: residents.authorize,
    mine: residents.mine,
    confirm: residents.confirm,
    revoke: residents.revoke,
    claim: residents.claim,
  },
  center: {
    windows: center.windows,
    saveWindowSchedule: center.saveWindowSchedule,
    calendar: center.calendar,
    saveCalendarEntry: center.saveCalendarEntry,
    removeCalendarEntry: center.removeCalendarEntry,
    posts: center.posts,
    savePost: center.savePost,
  },
  inbox: {
    list: inbox.list,
    markRead: inbox.markRead,
    templates: inbox.templates,
    recordConsent: inbox.recordConsent,
    parked: inbox.parked,
    retryParked: inbox.retryParked,
    pushStatus: inbox.pushStatus,
    dispatch: inbox.dispatch,
  },
  cases: {
    mine: cases.mine,
    get: cases.get,
    registerWalkIn: cases.registerWalkIn,
    supplement: cases.supplement,
    resubmitted: cases.resubmitted,
    accept: cases.accept,
    doneOnSpot: cases.doneOnSpot,
    reject: cases.reject,
    forward: cases.forward,
    transfer: cases.transfer,
    complete: cases.complete,
    document: cases.document,
    staff: cases.staff,
    overdue: cases.overdue,
    myMatters: cases.myMatters,
    sweep: cases.sweep,
    leaves: cases.leaves,
    addLeave: cases.addLeave,
    removeLeave: cases.removeLeave,
  },
  duty: {
    draftRoster: duty.draftRoster,
    publishRoster: duty.publishRoster,
    roster: duty.roster,
    today: duty.today,
    recordDuty: duty.recordDuty,
    records: duty.records,
  },
  complaints: {
    file: complaints.file,
    register: complaints.register,
    mine: complaints.mine,
    track: complaints.track,
    queue: complaints.queue,
    assigned: complaints.assigned,
    get: complaints.get,
    classify: complaints.classify,
    assign: complaints.assign,
    extend: complaints.extend,
    close: complaints.close,
    reply: complaints.reply,
    document: complaints.document,
    rate: complaints.rate,
    requestReview: complaints.requestReview,
    carriedOut: complaints.carriedOut,
    archive: complaints.archive,
    flags: complaints.flags,
    monthFigures: complaints.monthFigures,
  },
  ratings: {
    pending: ratings.pending,
    rate: ratings.rate,
    mine: ratings.mine,
    padNext: ratings.padNext,
    padRate: ratings.padRate,
    received: ratings.received,
    rectifications: ratings.rectifications,
    verify: ratings.verify,
    rectify: ratings.rectify,
    callback: ratings.callback,
    close: ratings.close,
    appeal: ratings.appeal,
    appeals: ratings.appeals,
    decideAppeal: ratings.decideAppeal,
  },
  petitions: {
    register: petitions.register,
    list: petitions.list,
    get: petitions.get,
    assign: petitions.assign,
    reply: petitions.reply,
    leaderReception: petitions.leaderReception,
    close: petitions.close,
    document: petitions.document,
    settings: petitions.settings,
    saveSettings: petitions.saveSettings,
  },
  reports: {
    month: reports.month,
    trend: reports.trend,
    thresholds: reports.thresholds,
    saveThresholds: reports.saveThresholds,
    exportMonth: reports.exportMonth,
  },
  disclosure: {
    current: disclosure.current,
    history: disclosure.history,
    version: disclosure.version,
    draft: disclosure.draft,
    saveDraft: disclosure.saveDraft,
    publish: disclosure.publish,
    prepubs: disclosure.prepubs,
    prepub: disclosure.prepub,
    prepublish: disclosure.prepublish,
    comment: disclosure.comment,
    answer: disclosure.answer,
    publishFinal: disclosure.publishFinal,
  },
};

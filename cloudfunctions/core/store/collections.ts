/**
 * Every collection the product stores, its document type, and the indexes its queries need.
 * The SQLite adapter creates tables and expression indexes from this; the CloudBase adapter
 * creates the collections, and README lists the same indexes for the CloudBase console.
 */
import type { Booking, Visit } from '../../../shared/domain/booking';
import type { CalendarEntry } from '../../../shared/domain/calendar';
import type { ServiceItem } from '../../../shared/domain/catalog';
import type { Case } from '../../../shared/domain/cases';
import type { Complaint, ComplaintStep } from '../../../shared/domain/complaints';
import type { Petition, PetitionStep } from '../../../shared/domain/petitions';
import type { Rating, RatingAppeal, Rectification } from '../../../shared/domain/ratings';
import type { Notice, OutboxEntry } from '../../../shared/domain/notices';
import type { Duty, Leave, Post, TrailEntry } from '../../../shared/domain/posts';
import type { DutyRecord, Roster } from '../../../shared/domain/duty';
import type { Disclosure, DisclosureDraft, Prepub, PrepubComment } from '../../../shared/domain/disclosure';
import type { Authorization, Resident } from '../../../shared/domain/residents';
import type { Center, District, ServiceWindow, User, Village } from '../../../shared/domain/org';

export interface AuditEntry {
  id: string;
  centerId: string;
  at: string;
  actorId: string;
  action: string;
  collection: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

/** Small bookkeeping documents: seed version and the like. */
export interface MetaDoc {
  id: string;
  value: string;
}

/** A center's calendar entry; id `cal:<centerId>:<date>`, one per date. */
export interface CalendarDoc extends CalendarEntry {
  id: string;
  centerId: string;
  createdBy: string;
  createdAt: string;
}

/** How many places of one slot are taken; created by the first booking of the slot. */
export interface SlotDoc {
  id: string;
  centerId: string;
  windowId: string;
  date: string;
  start: string;
  booked: number;
}

export interface Collections {
  districts: District;
  centers: Center;
  villages: Village;
  windows: ServiceWindow;
  items: ServiceItem;
  users: User;
  audit: AuditEntry;
  meta: MetaDoc;
  calendar: CalendarDoc;
  slots: SlotDoc;
  bookings: Booking;
  residents: Resident;
  authorizations: Authorization;
  notices: Notice;
  visits: Visit;
  outbox: OutboxEntry;
  cases: Case;
  trail: TrailEntry;
  posts: Post;
  leaves: Leave;
  duty: Duty;
  rosters: Roster;
  dutyRecords: DutyRecord;
  consents: ConsentDoc;
  complaints: Complaint;
  complaintSteps: ComplaintStep;
  petitions: Petition;
  petitionSteps: PetitionStep;
  disclosures: Disclosure;
  disclosureDrafts: DisclosureDraft;
  prepubs: Prepub;
  prepubComments: PrepubComment;
  ratings: Rating;
  rectifications: Rectification;
  ratingAppeals: RatingAppeal;
}

/** How many WeChat subscribe messages a user has allowed for a template (one per 'accept'). */
export interface ConsentDoc {
  id: string;
  userId: string;
  templateId: string;
  remaining: number;
}

export type CollectionName = keyof Collections;

/** Indexes, each a list of fields (dotted paths allowed). `id` is always the primary key. */
export const COLLECTION_INDEXES: { readonly [C in CollectionName]: ReadonlyArray<ReadonlyArray<string>> } = {
  districts: [],
  centers: [['districtId']],
  villages: [['centerId']],
  windows: [['centerId', 'sort']],
  items: [['centerId', 'windowId', 'code'], ['centerId', 'code']],
  users: [['openId'], ['inviteCode'], ['centerId', 'role']],
  audit: [['centerId', 'at'], ['recordId']],
  meta: [],
  calendar: [['centerId', 'date']],
  slots: [['windowId', 'date']],
  bookings: [['centerId', 'windowId', 'date'], ['bookedBy', 'date'], ['residentId', 'date'], ['centerId', 'date', 'status']],
  residents: [['centerId', 'villageId'], ['centerId', 'idNumber'], ['userId']],
  authorizations: [['residentId'], ['agentId']],
  notices: [['userId', 'createdAt'], ['userId', 'readAt']],
  visits: [['centerId', 'windowId', 'status'], ['requestedBy'], ['residentId']],
  outbox: [['status', 'nextAttemptAt'], ['centerId', 'status']],
  cases: [['nextReminderOn'], ['centerId', 'handlerId', 'status'], ['centerId', 'firstAskId', 'status'], ['centerId', 'status', 'deadline'], ['applicantUserId'], ['residentId'], ['bookingId'], ['windowId', 'finishedAt'], ['centerId', 'finishedAt'], ['centerId', 'createdAt']],
  trail: [['caseId', 'at']],
  posts: [['centerId', 'windowId'], ['aId'], ['bId']],
  leaves: [['centerId', 'to'], ['userId', 'to']],
  duty: [['centerId', 'date']],
  rosters: [['centerId', 'month']],
  dutyRecords: [['centerId', 'month', 'date']],
  consents: [['userId']],
  complaints: [['nextReminderOn'], ['centerId', 'state', 'deadline'], ['number'], ['complainantUserId'], ['agentId'], ['handlerId'], ['centerId', 'receivedOn'], ['centerId', 'outcome.closedOn']],
  complaintSteps: [['complaintId', 'at']],
  petitions: [['nextReminderOn'], ['centerId', 'state', 'deadline'], ['assigneeId']],
  petitionSteps: [['petitionId', 'at']],
  disclosures: [['centerId', 'number']],
  disclosureDrafts: [],
  prepubs: [['centerId', 'publishedAt']],
  prepubComments: [['prepubId', 'createdAt'], ['userId']],
  ratings: [['centerId', 'ratedOn'], ['raterUserId'], ['residentId'], ['handlerId'], ['firstAskId'], ['windowId', 'ratedOn']],
  rectifications: [['nextReminderOn'], ['headId', 'state'], ['centerId', 'openedOn'], ['ratingId']],
  ratingAppeals: [['centerId', 'state'], ['byId'], ['ratingId']],
};

export const COLLECTION_NAMES = Object.keys(COLLECTION_INDEXES) as CollectionName[];

/**
 * The petition pages' decisions (信访, R-PET-1..3), pure so test/weapp checks them: the steps a
 * viewer is offered on a petition (the same rules the server applies: PETITION_ALLOWED_IN and
 * who may act), the printable forms there are, whom the office may choose in a unit, and the
 * registration form turned into the `petitions.register` request (the contract names each field).
 */
import type { PetitionView } from '@shared/contracts/petitions';
import { GENDERS, isCollective, PETITION_FORMS, PETITION_STATES, petitionTransitionProblem, type PetitionAction, type PetitionState } from '@shared/domain/petitions';
import type { Role } from '@shared/domain/roles';

export type Offered = PetitionAction;

type Viewed = Pick<PetitionView, 'state' | 'assigneeId' | 'leaderReception'>;

/**
 * What the viewer may do now: the office assigns (交办, again while the answer is outstanding)
 * and closes a replied petition (结案); a leader records a reception (领导接待); the assigned
 * person — or the leader who received the petitioner — replies (答复).
 */
export function offeredActions(p: Viewed, viewer: { id: string; role: Role }): Offered[] {
  const can = (a: PetitionAction) => petitionTransitionProblem(a, p.state) === null;
  const out: Offered[] = [];
  if (viewer.role === 'office' && can('assign')) out.push('assign');
  if (viewer.role === 'leader' && can('leaderReception')) out.push('leaderReception');
  const answers = viewer.id === p.assigneeId || viewer.id === p.leaderReception?.byId;
  if (answers && (viewer.role === 'staff' || viewer.role === 'office' || viewer.role === 'leader') && can('reply')) out.push('reply');
  if (viewer.role === 'office' && can('close')) out.push('close');
  return out;
}

export type DocKind = 'assignment' | 'notice';
export const DOC_LABELS: Record<DocKind, string> = { assignment: '事项交办单', notice: '信访事项告知书' };

/** The A4 forms (R-PET-3): the 告知书 for the visitor always, the 交办单 once a unit and a person are named. */
export const documentsOf = (p: Pick<PetitionView, 'unitName' | 'assigneeName'>): DocKind[] => (p.unitName && p.assigneeName ? ['assignment', 'notice'] : ['notice']);

/** The people of a unit (window) the office may name, the present assignee left out when the unit is unchanged. */
export function unitPeople<P extends { id: string; windowId: string }>(people: readonly P[], unitId: string | null, p: Pick<PetitionView, 'unitId' | 'assigneeId'>): P[] {
  if (!unitId) return [];
  return people.filter((x) => x.windowId === unitId && !(unitId === p.unitId && x.id === p.assigneeId));
}

/** The steps along which a petition moves, for the detail's row of marks (received_by_leader only when it happened). */
export function progressOf(p: Pick<PetitionView, 'state' | 'leaderReception'>): Array<{ state: PetitionState; done: boolean; current: boolean }> {
  const states = PETITION_STATES.filter((s) => s !== 'received_by_leader' || p.leaderReception);
  const at = states.indexOf(p.state);
  return states.map((s, i) => ({ state: s, done: i < at, current: i === at }));
}

export interface PetitionDraft {
  form: string | null;
  name: string;
  gender: string | null;
  age: string;
  occupation: string;
  addressOrUnit: string;
  politicalStatus: string;
  mainIssue: string;
  headcount: string;
  urgent: boolean;
  unitId: string | null;
}

export const emptyPetitionDraft = (): PetitionDraft => ({
  form: null,
  name: '',
  gender: null,
  age: '',
  occupation: '',
  addressOrUnit: '',
  politicalStatus: '',
  mainIssue: '',
  headcount: '1',
  urgent: false,
  unitId: null,
});

/** A whole number typed in a field, else undefined (the contract then asks for it). */
const wholeNumber = (s: string): number | undefined => (/^\s*\d+\s*$/.test(s) ? Number(s) : undefined);

/**
 * The register request for a draft: only what was filled goes out, so the contract (checked
 * before sending, and again by the server) names every missing field at once; the draft itself
 * is never changed, so a refused submit loses nothing.
 */
export function registerInput(d: PetitionDraft): Record<string, unknown> {
  const age = wholeNumber(d.age);
  const headcount = wholeNumber(d.headcount);
  return {
    ...(d.form && (PETITION_FORMS as readonly string[]).includes(d.form) ? { form: d.form } : {}),
    name: d.name,
    ...(d.gender && (GENDERS as readonly string[]).includes(d.gender) ? { gender: d.gender } : {}),
    ...(age !== undefined ? { age } : d.age.trim() ? { age: Number.NaN } : {}),
    occupation: d.occupation,
    addressOrUnit: d.addressOrUnit,
    ...(d.politicalStatus.trim() ? { politicalStatus: d.politicalStatus.trim() } : {}),
    mainIssue: d.mainIssue,
    ...(headcount !== undefined ? { headcount } : d.headcount.trim() ? { headcount: Number.NaN } : {}),
    urgent: d.urgent,
    ...(d.unitId ? { unitId: d.unitId } : {}),
  };
}

/** Whether the headcount typed makes it a collective petition (集体访, R-PET-2). */
export const collectiveDraft = (d: Pick<PetitionDraft, 'headcount'>): boolean => {
  const n = wholeNumber(d.headcount);
  return n !== undefined && isCollective(n);
};

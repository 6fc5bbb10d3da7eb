// codes.js - what each code means, for people. The labels below are the
// service's defaults (as `homeward codes` prints them); GET /api/v1/codes,
// when it answers, replaces them with the server's tables.

import { get } from './api.js';

const DEFAULT = {
  case_status: {
    not_open: "Not open to children's services", early_help: 'Early help', cin: 'Child in need',
    cpp: 'Child protection plan', cla: 'Child looked after',
  },
  placement_type: {
    home: 'Family home', la_home: "Council children's home", foster: 'Foster care',
    independent_home: "Independent children's home", supported: 'Supported accommodation', other: 'Other setting',
  },
  kind: { missing: 'Missing', absent: 'Away from placement without authorisation' },
  risk: { high: 'High', medium: 'Medium', low: 'Low' },
  flags: {
    cse: 'Child sexual exploitation', cce: 'Child criminal exploitation', trafficking: 'Trafficked',
    gang: 'Gang-affected', crime: 'Risk of involvement in crime', drugs: 'Risk of involvement with drugs',
    risky_adults: 'Contact with people who pose a risk', disabled: 'Disabled',
  },
  decision: { required: 'Required', not_required: 'Not required', judgement: 'Professional judgement' },
  outcome: {
    pending: 'Pending', completed: 'Completed', declined: 'Declined by the child',
    unavailable: 'Child unavailable or missing again', not_required: 'Not required',
  },
  conducted_by: { independent: 'Independent worker', allocated_worker: 'Allocated worker', provider: 'Commissioned provider' },
  screening: { none: 'No concerns', emerging: 'Emerging risk', moderate: 'Moderate risk', significant: 'Significant risk' },
  lateness_reason: {
    missing_again: 'The child went missing again', declined: 'The child declined at first',
    worker_availability: 'No worker available in time', weekend_bank_holiday: 'A weekend or bank holiday',
    child_unavailable: 'The child was not available', other: 'Another reason',
  },
  attempt_outcome: {
    seen: 'The child was seen', not_in: 'The child was not in', refused: 'The child refused to talk',
    missing_again: 'The child was missing again', other: 'Something else (see the note)',
  },
  rhi_criteria: {
    overnight_6h: 'Missing overnight for 6 hours or more', over_9h: 'Missing for more than 9 hours',
    repeat_28d: '2 or more episodes in 28 days', harmed: 'Hurt or harmed while missing',
    exploitation_risk: 'Risk of sexual or criminal exploitation, or trafficking',
    crime_drugs_risk: 'Risk of involvement in crime or drugs', risky_contacts: 'Contact with people who pose a risk to children',
    crime_while_absent: 'Engaged in crime while absent',
  },
  actions: {
    strategy_discussion: 'Strategy discussion', need_to_know: 'Need-to-know notification',
    review_strategy: 'Review strategy discussion', risk_meeting: 'Missing risk management meeting',
    risk_meeting_review: 'Review of the risk management meeting', strategy_meeting_3d: 'Strategy meeting (missing 3 days)',
    iro_informed: 'Independent reviewing officer informed', conference_forward: 'Review conference brought forward',
    safe_well_check: 'Police safe and well check', record_updated: 'Record updated by the team manager',
    rhi: 'Return home interview', missing_persons_bureau: 'UK Missing Persons Bureau notified',
    ceop: 'CEOP notified', nrm_referral: 'National Referral Mechanism referral',
    ola_notice: 'Notice to the responsible council: interview not reported done in 72 hours',
  },
  user_roles: {
    coordinator: 'Coordinator', team_manager: 'Team manager', worker: 'Worker',
    analyst: 'Analyst', police_liaison: 'Police liaison', admin: 'Administrator',
  },
  reasons: {
    criminal_activity: 'Criminal activity', return_to_family: 'Wanting to return to family',
    behaviour_problems: 'Behaviour problems', with_friends: 'Wanting to be with friends',
    independence: 'Wanting independence (including pushing boundaries)', drugs: 'Drugs',
    miscommunication: 'Miscommunication', cse: 'Child sexual exploitation', housing_problems: 'Housing problems',
    other: 'Another reason (describe it under risks)',
  },
  escalation_status: {
    overdue: 'Overdue', upcoming: 'Upcoming', done: 'Done', not_needed: 'Not needed', found_first: 'Not needed: found first',
    closed: 'Closed',
  },
  rhi: {
    required: 'Interview required', judgement: 'Professional judgement', not_required: 'Not required unless the child asks',
    forwarded: 'Forwarded to the placing council',
  },
  plan_reasons: {
    no_plan: 'No missing plan recorded', review_due: 'The review date has come', review_overdue: 'The review is overdue',
    missing_again: 'Missing again since the last review', repeat: 'Repeat missing since the last review',
  },
  high_risk_reasons: {
    high_risk: 'High risk now', high: 'High risk now', repeat: 'Repeat missing (2 or more in 28 days)',
    persistent: 'Persistent (3 or more in a quarter)', persistent_month: '3 or more in a month', exploitation: 'Exploitation risk',
  },
};

// The server's names for the tables this file names otherwise.
const ALIAS = { action: 'actions', action_status: 'escalation_status', criterion: 'rhi_criteria', plan_reason: 'plan_reasons', role: 'user_roles' };

const tables = structuredClone(DEFAULT);
let loaded = null;

/** Loads the server's code tables once; keeps the defaults if it cannot. */
export function loadCodes() {
  if (!loaded) {
    loaded = get('/codes').then((data) => {
      for (const [name, rows] of Object.entries(data || {})) {
        if (!Array.isArray(rows)) continue;
        const t = {};
        for (const r of rows) if (r && r.code) t[r.code] = r.label || r.code;
        const mine = ALIAS[name] || name;
        // Role labels from the server are long ("Coordinator: everything ..."): keep the part before ':'.
        if (mine === 'user_roles') for (const k of Object.keys(t)) t[k] = t[k].split(':')[0];
        tables[mine] = { ...(tables[mine] || {}), ...t };
      }
    }).catch(() => {});
  }
  return loaded;
}

/** The label of a code ("cla" → "Child looked after"); the code itself, tidied, if unknown. */
export function label(table, code) {
  if (code === null || code === undefined || code === '') return '';
  const t = tables[table];
  if (t && t[code]) return t[code];
  return String(code).replace(/_/g, ' ');
}

/** A placement as people read it: "Foster care: Oak House", the type alone
 * when the name says no more ("Family home"), or '' when neither is known. */
export function placeText(type, name) {
  const t = label('placement_type', type);
  if (t && name && t.toLowerCase() !== String(name).toLowerCase()) return `${t}: ${name}`;
  return name || t;
}

/** [[code, label], ...] of a table, in the table's order. */
export function options(table) {
  return Object.entries(tables[table] || {});
}

/** Splits a list field given as an array or as "a;b;c". */
export function codesOf(v) {
  if (Array.isArray(v)) return v;
  if (!v) return [];
  return String(v).split(/[;,]/).map((x) => x.trim()).filter(Boolean);
}

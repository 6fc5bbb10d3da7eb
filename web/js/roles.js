// roles.js - who may do what, as far as the UI needs to know (the server
// enforces it; the UI only hides what a role cannot use).

export const OPS = ['coordinator', 'team_manager', 'worker'];

/** Where each role starts after signing in. */
export function home(role) {
  if (OPS.includes(role)) return '/';
  return { analyst: '/reports', police_liaison: '/report-missing', admin: '/admin/users' }[role] || '/';
}

export const can = {
  reportMissing: (s) => ['coordinator', 'police_liaison'].includes(s?.role),
  recordReturn: (s) => [...OPS, 'police_liaison'].includes(s?.role),
  work: (s) => OPS.includes(s?.role),
  signOff: (s) => ['coordinator', 'team_manager'].includes(s?.role),
  reports: (s) => ['coordinator', 'team_manager', 'analyst'].includes(s?.role),
  anyTeam: (s) => s?.role === 'coordinator',
  import: (s) => s?.role === 'coordinator',
  updatePlans: (s) => ['coordinator', 'team_manager'].includes(s?.role),
  // The missing profile: casework roles write it; police liaison read it
  // while the child is missing (the server decides which children).
  editProfile: (s) => OPS.includes(s?.role),
  readProfiles: (s) => [...OPS, 'police_liaison'].includes(s?.role),
};

// Villager pages in the main package; agent, staff/office and admin pages in subpackages, so
// the main package stays small (WeChat's limit is 2 MB per package).
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/catalog/index',
    'pages/guide/index',
    'pages/book/index',
    'pages/booking/index',
    'pages/bookings/index',
    'pages/visit/index',
    'pages/inbox/index',
    'pages/matters/index',
    'pages/matter/index',
    'pages/case-notice/index',
    'pages/centers/index',
    'pages/me/index',
    'pages/login/index',
  ],
  subPackages: [
    { root: 'agent', name: 'agent', pages: ['residents/index', 'resident-new/index', 'authorize/index'] },
    { root: 'staff', name: 'staff', pages: ['cases/index', 'case/index', 'walk-in/index', 'leave/index', 'day-board/index', 'visits/index'] },
    // Complaints, the office side (issue 9.10): queue, detail (the notices' link), register, flags, figures, 答复书.
    {
      root: 'office',
      name: 'office',
      pages: ['overdue/index', 'parked/index', 'complaints/index', 'complaint/index', 'complaint-new/index', 'complaint-flags/index', 'complaint-figures/index', 'complaint-doc/index'],
    },
    { root: 'admin', name: 'admin', pages: ['items/index', 'item-edit/index', 'windows/index', 'calendar/index', 'posts/index', 'invites/index'] },
    // The month's picture (R-RATE-3): the dashboard (charts with their tables), the A4 report, the CSV export, the admin's marks.
    { root: 'report', name: 'report', pages: ['month/index', 'print/index', 'export/index', 'thresholds/index'] },
    // The person's own account (issue 7): profile, their data and erasing it (PIPL), a center's first admin.
    { root: 'account', name: 'account', pages: ['profile/index', 'my-data/index', 'setup/index'] },
    // Leaders on duty (R-DUTY-1..2): the public month roster, the admin's editor, the leader's record, the leader's 今日概况.
    { root: 'duty', name: 'duty', pages: ['roster/index', 'editor/index', 'record/index', 'today/index'] },
    // The villager's complaints (R-CMP-1, R-CMP-4, R-CMP-5): file, mine, detail, track without sign-in.
    { root: 'complaint', name: 'complaint', pages: ['file/index', 'mine/index', 'detail/index', 'track/index'] },
    // Ratings (好差评, R-RATE-1..2): rate a finished matter (the notice's link) and my ratings; the window's rating pad; bad reviews' rectification and appeals.
    { root: 'rate', name: 'rate', pages: ['index', 'mine/index'] },
    { root: 'pad', name: 'pad', pages: ['index/index'] },
    { root: 'review', name: 'review', pages: ['rectify/index', 'appeals/index', 'received/index'] },
    // 政务公开 and 意见征集 (R-CAT-4..5): the current publication, its history, one version, pre-publications and comments; the admin's compose and new pre-publication pages (role-gated).
    { root: 'open', name: 'open', pages: ['index/index', 'history/index', 'version/index', 'prepubs/index', 'prepub/index', 'compose/index', 'prepub-new/index'] },
    // Petitions (信访, R-PET-1..3), staff only: the register, registering, the detail (the notices' link), the A4 forms, the day-count setting.
    { root: 'petition', name: 'petition', pages: ['list/index', 'new/index', 'detail/index', 'doc/index', 'settings/index'] },
  ],
  // The month roster, the complaint pages and 政务公开 are one tap from the villager home: fetched while the home shows.
  // The rate page opens from 我的 and from the inbox's notice (R-RATE-1): fetched while those show.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['duty', 'complaint', 'open'] },
    'pages/me/index': { network: 'all', packages: ['rate'] },
    'pages/inbox/index': { network: 'all', packages: ['rate'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f5fa8',
    navigationBarTitleText: '便民服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f8',
  },
});

// Villager pages in the main package; staff/office/admin pages in subpackages, so the main
// package stays small (WeChat's limit is 2 MB per package).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/catalog/index', 'pages/guide/index', 'pages/centers/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'admin',
      name: 'admin',
      pages: ['items/index', 'item-edit/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f5fa8',
    navigationBarTitleText: '便民服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f8',
  },
});

export default definePageConfig({ navigationBarTitleText: '政务公开(存档)' });

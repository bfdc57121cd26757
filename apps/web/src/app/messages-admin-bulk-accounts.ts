/** UI strings of creating accounts from an Excel sheet (系统管理 › 账号), in the three display languages; merged into messages.ts. */
export const adminBulkAccountsZhHans = {
  'bulkAccounts.open': '从 Excel 批量创建',
  'bulkAccounts.title': '从 Excel 批量创建账号',
  'bulkAccounts.intro':
    '先下载模板，每行填写一个人的姓名、单位、手机和角色（留空即为填报员），用户名可留空由系统生成，然后上传。表中任何一处有误，系统都会列出出错的单元格，且不会创建任何账号；全部无误时一次创建所有账号，并给出各自的临时密码。',
  'bulkAccounts.template': '下载模板',
  'bulkAccounts.upload': '上传填好的 Excel',
  'bulkAccounts.errorsTitle': 'Excel 文件有 {n} 处错误，未创建任何账号。请改正以下单元格后重新上传：',
  'bulkAccounts.failed': '导入失败：{message}',
  'bulkAccounts.created': '已创建 {n} 个账号',
  'bulkAccounts.person': '姓名',
  'bulkAccounts.sheet': '新建账号',
  'bulkAccounts.file': '新建账号',
  'bulkAccounts.close': '关闭',
  'bulkAccounts.closeConfirm': '关闭后将无法再次查看这些临时密码。已下载或打印了吗？',
};

export const adminBulkAccountsZhHant: Record<keyof typeof adminBulkAccountsZhHans, string> = {
  'bulkAccounts.open': '從 Excel 批次建立',
  'bulkAccounts.title': '從 Excel 批次建立帳號',
  'bulkAccounts.intro':
    '先下載範本，每行填寫一個人的姓名、單位、手機和角色（留空即為填報員），用戶名可留空由系統產生，然後上傳。表中任何一處有誤，系統都會列出出錯的儲存格，且不會建立任何帳號；全部無誤時一次建立所有帳號，並給出各自的臨時密碼。',
  'bulkAccounts.template': '下載範本',
  'bulkAccounts.upload': '上傳填好的 Excel',
  'bulkAccounts.errorsTitle': 'Excel 檔案有 {n} 處錯誤，未建立任何帳號。請改正以下儲存格後重新上傳：',
  'bulkAccounts.failed': '導入失敗：{message}',
  'bulkAccounts.created': '已建立 {n} 個帳號',
  'bulkAccounts.person': '姓名',
  'bulkAccounts.sheet': '新建帳號',
  'bulkAccounts.file': '新建帳號',
  'bulkAccounts.close': '關閉',
  'bulkAccounts.closeConfirm': '關閉後將無法再次查看這些臨時密碼。已下載或列印了嗎？',
};

export const adminBulkAccountsEn: Record<keyof typeof adminBulkAccountsZhHans, string> = {
  'bulkAccounts.open': 'Create from Excel',
  'bulkAccounts.title': 'Create accounts from an Excel sheet',
  'bulkAccounts.intro':
    'Download the template, fill in one person per row — name, unit, phone and role (empty means reporter); leave the username empty to have one made — then upload it. If any cell is wrong, the cells are listed and no account is created; otherwise every account is created at once, each with its temporary password.',
  'bulkAccounts.template': 'Download template',
  'bulkAccounts.upload': 'Upload the filled sheet',
  'bulkAccounts.errorsTitle': 'The Excel file has {n} errors; no account was created. Correct these cells and upload it again:',
  'bulkAccounts.failed': 'Import failed: {message}',
  'bulkAccounts.created': '{n} accounts created',
  'bulkAccounts.person': 'Name',
  'bulkAccounts.sheet': 'New accounts',
  'bulkAccounts.file': 'new-accounts',
  'bulkAccounts.close': 'Close',
  'bulkAccounts.closeConfirm': 'Once closed, these temporary passwords cannot be shown again. Have you downloaded or printed them?',
};

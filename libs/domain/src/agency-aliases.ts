/**
 * The usual short names of Jiangmen's city units, reviewed by hand: a notice writes 市人社局 where the
 * unit is 市人力资源社会保障局. Each group lists names of ONE unit (simplified script; spaces and the
 * script of the notice do not matter when compared). A group applies only where one of its names
 * exists as an agency: the import then takes that agency for any other name of the group, and never
 * creates a unit from a short name alone. The office adds its own aliases in the product (agency_alias).
 */
export interface ReviewedAgencyAlias {
  /** Names of one unit, the full official name first. */
  names: readonly string[];
  /** Why these names are one unit (kept for the reviewer). */
  note: string;
}

export const REVIEWED_AGENCY_ALIASES: readonly ReviewedAgencyAlias[] = [
  {
    names: ['市人力资源和社会保障局', '市人力资源社会保障局', '市人社局'],
    note: '江门市人力资源和社会保障局; notices write 市人力资源社会保障局 or 市人社局',
  },
  { names: ['市发展和改革局', '市发展改革局', '市发改局'], note: '江门市发展和改革局; 发展改革局 and 发改局 are its usual short forms' },
  { names: ['市工业和信息化局', '市工信局'], note: '江门市工业和信息化局' },
  { names: ['市住房和城乡建设局', '市住建局'], note: '江门市住房和城乡建设局' },
  { names: ['市卫生健康局', '市卫健局'], note: '江门市卫生健康局 (the Jiangmen notice writes 市衛健局)' },
  { names: ['市市场监督管理局', '市市场监管局'], note: '江门市市场监督管理局' },
  { names: ['市退役军人事务局', '市退役军人局'], note: '江门市退役军人事务局' },
  { names: ['市文化广电旅游体育局', '市文广旅体局'], note: '江门市文化广电旅游体育局' },
  { names: ['市农业农村局', '市农业局'], note: '江门市农业农村局; 市农业局 is its name before the 2019 reform' },
  { names: ['共青团江门市委员会', '团市委', '共青团江门市委'], note: '共青团江门市委员会, written 团市委 in notices' },
  { names: ['市妇女联合会', '市妇联'], note: '江门市妇女联合会' },
  { names: ['市残疾人联合会', '市残联'], note: '江门市残疾人联合会' },
  { names: ['市总工会', '市工会'], note: '江门市总工会' },
  { names: ['市人民政府国有资产监督管理委员会', '市国资委'], note: '江门市人民政府国有资产监督管理委员会' },
  { names: ['市政务服务数据管理局', '市政数局'], note: '江门市政务服务数据管理局' },
  { names: ['市交通运输局', '市交通局'], note: '江门市交通运输局' },
  { names: ['市科学技术局', '市科技局'], note: '江门市科学技术局' },
  { names: ['市医疗保障局', '市医保局'], note: '江门市医疗保障局' },
  { names: ['市应急管理局', '市应急局'], note: '江门市应急管理局' },
  { names: ['市自然资源局', '市自然资源和规划局'], note: '江门市自然资源局' },
  { names: ['市生态环境局', '市环保局'], note: '江门市生态环境局; 市环保局 is its name before the 2019 reform' },
  { names: ['市地方金融监督管理局', '市金融局', '市金融工作局'], note: '江门市地方金融监督管理局, written 市金融局' },
  { names: ['国家税务总局江门市税务局', '市税务局'], note: 'The tax bureau is a national unit; notices write 市税务局' },
  { names: ['中国人民银行江门市分行', '人民银行江门市分行', '人行江门市分行'], note: 'The central bank’s Jiangmen branch' },
  { names: ['中共江门市委组织部', '市委组织部'], note: 'The party committee’s organisation department' },
  { names: ['中共江门市委宣传部', '市委宣传部'], note: 'The party committee’s publicity department' },
  { names: ['江门市人民政府办公室', '市政府办公室', '市府办'], note: 'The city government’s general office' },
];

/**
 * The words generated plans are made of: the four basic goals of the national strategy (しごと,
 * ひとの流れ, 結婚・出産・子育て, まちづくり), their directions and measures with a KPI each, and
 * projects with activities whose results carry figures (参加者78名). Illustrative, not any
 * city's real plan.
 */

export interface IndicatorWords {
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  /** The baseline's range; the target and actuals are drawn around it. */
  base: [number, number];
  /** Decimal places of its values (合計特殊出生率: 2). */
  decimals?: number;
}

export interface ActivityWords {
  text: string;
  /** The result's words before its figure, and the figure's unit: `参加者` + 78 + `名`. */
  result: string;
  unit: string;
  range: [number, number];
}

export interface MeasureWords {
  title: string;
  kpi: IndicatorWords;
  /** Project names: a topic and a kind of project (`移住相談` + `推進事業`). */
  topics: string[];
  activities: ActivityWords[];
}

export interface DirectionWords {
  title: string;
  measures: MeasureWords[];
}

export interface ThemeWords {
  /** The goal's title after its number; `{name}` is the municipality's name. */
  goal: string;
  kpi: IndicatorWords;
  departments: string[];
  directions: DirectionWords[];
}

const act = (text: string, result: string, unit: string, range: [number, number]) => ({
  text,
  result,
  unit,
  range,
});

const kpi = (
  name: string,
  unit: string,
  direction: 'higher' | 'lower',
  base: [number, number],
  decimals = 0,
): IndicatorWords => ({ name, unit, direction, base, decimals });

export const PROJECT_KINDS = ['事業', '推進事業', '支援事業', '補助金', '促進事業', '強化事業'];

export const NOTES = [
  '地方創生推進交付金を活用',
  'デジタル田園都市国家構想交付金を活用',
  'ふるさと納税を財源に充当',
  '令和3年度から新規',
  '県との共同事業',
  '企業版ふるさと納税を活用',
];

export const REVISIONS = [
  'オンライン開催を追加',
  '対象者を市外在住者にも拡大',
  '実施回数を見直し',
  '周知方法をSNS中心に変更',
  '民間事業者との連携を強化',
  '申請手続きを電子化',
  '補助上限額を見直し',
  '参加者アンケートを踏まえ内容を改善',
];

export const CANCELLED = '新型コロナウイルス感染症の影響により中止';

export const SOURCES = ['事業実績', '担当課調べ', '住民基本台帳', '市民意識調査', '県統計'];

export const THEMES: ThemeWords[] = [
  {
    goal: '地域の特性を活かした産業振興と魅力ある雇用の場の創出',
    kpi: kpi('市内事業所の従業者数', '人', 'higher', [3000, 60000]),
    departments: ['経済部 産業振興課', '経済部 商工労働課', '農林水産部 農政課', '経済部 観光課'],
    directions: [
      {
        title: '地域産業の競争力強化',
        measures: [
          {
            title: '中小企業の経営基盤強化と事業承継の支援',
            kpi: kpi('事業承継の相談件数', '件', 'higher', [10, 120]),
            topics: ['中小企業経営相談', '事業承継', '設備投資', '販路開拓', '産学連携'],
            activities: [
              act('経営相談窓口の運営', '相談件数', '件', [20, 400]),
              act('事業承継セミナーの開催', '参加者', '名', [10, 150]),
              act('設備投資への補助', '補助件数', '件', [3, 60]),
            ],
          },
          {
            title: '農林水産業の担い手確保と六次産業化',
            kpi: kpi('新規就農者数', '人', 'higher', [1, 30]),
            topics: ['新規就農', '六次産業化', 'スマート農業', '漁業後継者育成', '地産地消'],
            activities: [
              act('新規就農者への研修', '研修生', '名', [1, 25]),
              act('特産品の商品開発', '新商品', '品目', [1, 15]),
              act('農産物直売所の運営', '来場者', '人', [1000, 90000]),
            ],
          },
          {
            title: '観光資源の磨き上げと誘客の促進',
            kpi: kpi('観光入込客数', '千人', 'higher', [50, 3000]),
            topics: [
              '観光プロモーション',
              'インバウンド誘客',
              '観光案内所',
              '体験型観光',
              '夜景観光',
            ],
            activities: [
              act('観光PRイベントの開催', '来場者', '人', [300, 30000]),
              act('観光ガイドの養成', '認定ガイド', '名', [5, 60]),
              act('SNSによる観光情報の発信', '投稿の閲覧数', '回', [5000, 500000]),
            ],
          },
        ],
      },
      {
        title: '多様な働き方と雇用の創出',
        measures: [
          {
            title: '地元企業への就職促進とUIターンの推進',
            kpi: kpi('市内企業への就職者数', '人', 'higher', [20, 600]),
            topics: [
              '地元就職',
              'UIJターン就職',
              '合同企業説明会',
              'インターンシップ',
              '奨学金返還',
            ],
            activities: [
              act('合同企業説明会の開催', '参加者', '名', [30, 800]),
              act('インターンシップの受入れ', '受入学生', '名', [5, 200]),
              act('奨学金返還への補助', '補助対象者', '名', [3, 120]),
            ],
          },
          {
            title: '創業と企業誘致の推進',
            kpi: kpi('創業件数', '件', 'higher', [2, 80]),
            topics: [
              '創業支援',
              '企業誘致',
              'サテライトオフィス',
              'コワーキングスペース',
              'テレワーク',
            ],
            activities: [
              act('創業塾の開催', '受講者', '名', [5, 80]),
              act('企業立地への助成', '立地件数', '件', [1, 12]),
              act('コワーキングスペースの運営', '利用者', '人', [200, 12000]),
            ],
          },
        ],
      },
    ],
  },
  {
    goal: '{name}への新しいひとの流れをつくる',
    kpi: kpi('社会増減数', '人', 'higher', [-900, -10]),
    departments: [
      '企画部 企画課',
      '企画部 移住定住推進室',
      '市民部 市民協働課',
      '教育委員会 生涯学習課',
    ],
    directions: [
      {
        title: '移住・定住の促進',
        measures: [
          {
            title: '移住相談体制の充実と情報発信',
            kpi: kpi('移住相談件数', '件', 'higher', [10, 500]),
            topics: [
              '移住相談',
              '移住促進ホームページ',
              'お試し暮らし住宅',
              '移住体験ツアー',
              '空き家バンク',
            ],
            activities: [
              act('移住相談会への出展', '相談件数', '件', [5, 300]),
              act('お試し暮らし住宅の運営', '利用', '組', [2, 60]),
              act('空き家バンクへの登録促進', '登録物件', '件', [3, 120]),
            ],
          },
          {
            title: '関係人口の創出と拡大',
            kpi: kpi('ふるさと納税の寄附件数', '件', 'higher', [500, 90000]),
            topics: [
              'ふるさと納税',
              '関係人口創出',
              '地域おこし協力隊',
              'ふるさと応援団',
              'ワーケーション',
            ],
            activities: [
              act('ふるさと納税返礼品の開発', '返礼品', '品目', [10, 400]),
              act('地域おこし協力隊の受入れ', '隊員', '名', [1, 15]),
              act('ワーケーション受入れ', '利用者', '人', [10, 900]),
            ],
          },
        ],
      },
      {
        title: '若者の地元定着',
        measures: [
          {
            title: '高校生・大学生の地元定着の促進',
            kpi: kpi('市内高校卒業者の市内就職率', '%', 'higher', [10, 60], 1),
            topics: [
              '高校生キャリア教育',
              '大学連携',
              '若者交流',
              'ふるさと教育',
              '学生まちづくり',
            ],
            activities: [
              act('キャリア教育講座の開催', '受講生徒', '名', [20, 600]),
              act('大学との連携講座', '受講者', '名', [10, 300]),
              act('若者交流イベントの開催', '参加者', '名', [10, 400]),
            ],
          },
          {
            title: 'シビックプライドの醸成',
            kpi: kpi('まちに愛着を感じる市民の割合', '%', 'higher', [40, 80], 1),
            topics: [
              'シティプロモーション',
              'まちの魅力発信',
              '市民活動支援',
              '郷土芸能継承',
              'まちなか交流',
            ],
            activities: [
              act('シティプロモーション動画の配信', '再生回数', '回', [1000, 300000]),
              act('市民活動団体への助成', '助成団体', '団体', [3, 60]),
              act('郷土芸能の発表会', '来場者', '人', [100, 5000]),
            ],
          },
        ],
      },
    ],
  },
  {
    goal: '結婚・出産・子育ての希望をかなえる',
    kpi: kpi('出生数', '人', 'higher', [20, 4000]),
    departments: [
      '保健福祉部 子育て支援課',
      '保健福祉部 健康推進課',
      '教育委員会 学校教育課',
      '保健福祉部 保育課',
    ],
    directions: [
      {
        title: '出会いと結婚の支援',
        measures: [
          {
            title: '出会いの場の創出と結婚新生活の支援',
            kpi: kpi('婚活イベントでの成婚数', '組', 'higher', [1, 20]),
            topics: ['婚活支援', '結婚新生活', '出会いサポートセンター', '若者ライフデザイン'],
            activities: [
              act('婚活イベントの開催', '参加者', '名', [10, 200]),
              act('結婚新生活への補助', '補助世帯', '世帯', [2, 90]),
              act('ライフデザイン講座の開催', '受講者', '名', [10, 300]),
            ],
          },
          {
            title: '妊娠・出産の切れ目ない支援',
            kpi: kpi('妊婦健康診査の受診率', '%', 'higher', [80, 99], 1),
            topics: ['妊婦健康診査', '産後ケア', '不妊治療費助成', '子育て世代包括支援センター'],
            activities: [
              act('産後ケアの実施', '利用者', '名', [5, 300]),
              act('不妊治療費への助成', '助成件数', '件', [5, 200]),
              act('母子健康相談の実施', '相談件数', '件', [50, 3000]),
            ],
          },
        ],
      },
      {
        title: '子育て環境の充実',
        measures: [
          {
            title: '保育の受け皿確保と待機児童の解消',
            kpi: kpi('待機児童数', '人', 'lower', [0, 40]),
            topics: ['保育所整備', '保育士確保', '病児保育', '一時預かり', '放課後児童クラブ'],
            activities: [
              act('保育士の就労支援', '新規就労保育士', '名', [1, 40]),
              act('病児保育の実施', '利用児童', '人', [20, 1500]),
              act('放課後児童クラブの運営', '登録児童', '人', [30, 2500]),
            ],
          },
          {
            title: '子育て家庭の経済的負担の軽減',
            kpi: kpi('子育てしやすいと感じる保護者の割合', '%', 'higher', [40, 85], 1),
            topics: ['子ども医療費助成', '第2子以降保育料軽減', '子育て応援券', '学校給食費支援'],
            activities: [
              act('子ども医療費の助成', '対象児童', '人', [300, 40000]),
              act('子育て応援券の交付', '交付世帯', '世帯', [100, 9000]),
              act('子育て支援アプリの配信', '登録者', '人', [100, 12000]),
            ],
          },
        ],
      },
    ],
  },
  {
    goal: '安心して暮らし続けられる魅力あるまちをつくる',
    kpi: kpi('住み続けたいと思う市民の割合', '%', 'higher', [50, 85], 1),
    departments: [
      '都市建設部 都市政策課',
      '市民部 防災対策課',
      '保健福祉部 高齢福祉課',
      '都市建設部 交通政策課',
    ],
    directions: [
      {
        title: 'コンパクトで持続可能なまちづくり',
        measures: [
          {
            title: '中心市街地の活性化と公共交通の確保',
            kpi: kpi('中心市街地の歩行者通行量', '人', 'higher', [1000, 40000]),
            topics: [
              '中心市街地活性化',
              'コミュニティバス',
              'デマンド交通',
              '空き店舗活用',
              'まちなか居住',
            ],
            activities: [
              act('空き店舗への出店補助', '出店', '件', [1, 20]),
              act('コミュニティバスの運行', '利用者', '人', [1000, 200000]),
              act('デマンド交通の実証運行', '利用者', '人', [100, 20000]),
            ],
          },
          {
            title: '行政のデジタル化の推進',
            kpi: kpi('オンラインで申請できる手続の数', '件', 'higher', [5, 200]),
            topics: [
              '行政手続オンライン化',
              'マイナンバーカード普及',
              'デジタル活用支援',
              'オープンデータ',
            ],
            activities: [
              act('スマホ教室の開催', '受講者', '名', [10, 1200]),
              act('マイナンバーカード出張申請', '申請件数', '件', [50, 9000]),
              act('オープンデータの公開', '公開データセット', '件', [5, 300]),
            ],
          },
        ],
      },
      {
        title: '安全・安心な暮らしの確保',
        measures: [
          {
            title: '地域防災力の向上',
            kpi: kpi('自主防災組織の活動カバー率', '%', 'higher', [40, 95], 1),
            topics: [
              '自主防災組織育成',
              '防災訓練',
              '避難所環境整備',
              '防災行政無線',
              '防災士養成',
            ],
            activities: [
              act('総合防災訓練の実施', '参加者', '名', [100, 8000]),
              act('防災士の養成', '新規防災士', '名', [2, 80]),
              act('出前講座の開催', '開催', '回', [3, 120]),
            ],
          },
          {
            title: '健康寿命の延伸と地域包括ケアの推進',
            kpi: kpi('特定健診の受診率', '%', 'higher', [25, 60], 1),
            topics: [
              '健康ポイント',
              '介護予防',
              '特定健診受診勧奨',
              '認知症サポーター養成',
              '地域サロン',
            ],
            activities: [
              act('介護予防教室の開催', '参加者', '名', [20, 3000]),
              act('認知症サポーター養成講座', '養成者', '名', [10, 900]),
              act('健康ポイント事業の実施', '参加者', '名', [50, 8000]),
            ],
          },
        ],
      },
    ],
  },
];

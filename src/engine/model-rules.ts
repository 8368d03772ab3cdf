// The model made visible: every rule the engine applies by itself, with the
// sources behind it. The debrief lists these; content adds case-specific
// effects on top. Weights are the project's modelling choices, not facts.
import type { Condition, DataScope, MetricId } from './schema.ts';

export interface RuleText {
  en: string;
  ru: string;
}

/** A rule applied once, when the player's decisions are committed. */
export interface TagRule {
  id: string;
  when: Condition;
  metric: MetricId;
  delta: number;
  sources: string[];
  explain: RuleText;
}

const foreign: Condition = {
  any: [
    { tag: 'jurisdiction:cn' },
    { tag: 'jurisdiction:ru' },
    { tag: 'jurisdiction:us' },
    { tag: 'jurisdiction:eu' },
  ],
};

export const COMMIT_RULES: readonly TagRule[] = [
  {
    id: 'foreign-jurisdiction',
    when: foreign,
    metric: 'dataExposure',
    delta: 6,
    sources: ['F094', 'F252'],
    explain: {
      en: 'A foreign vendor answers to the law of its home state as well as to yours; the sources document this risk for Chinese vendors and the model applies a smaller share of it to any foreign vendor.',
      ru: 'Иностранный поставщик подчиняется не только вашим законам, но и законам своего государства; источники описывают этот риск для китайских поставщиков, и модель применяет меньшую его часть к любому иностранному поставщику.',
    },
  },
  {
    id: 'state-access-law-cn',
    when: { tag: 'jurisdiction:cn' },
    metric: 'dataExposure',
    delta: 8,
    sources: ['F103', 'F223'],
    explain: {
      en: "China's National Security Law obliges companies to support state security work, and S4 holds that Chinese firms cannot refuse the state's demands.",
      ru: 'Закон КНР о национальной безопасности обязывает компании содействовать государственной безопасности, и, по оценке S4, китайские фирмы не могут отказать государству.',
    },
  },
  {
    id: 'remote-access',
    when: { tag: 'remote-access' },
    metric: 'dataExposure',
    delta: 12,
    sources: ['F026', 'F231'],
    explain: {
      en: 'A remote maintenance channel lets the vendor reach the system from outside the country; a Kyrgyz activist warned of "open ports" left for such software updates.',
      ru: 'Канал удалённого обслуживания позволяет поставщику входить в систему из-за рубежа; кыргызская активистка предупреждала об «открытых портах», оставленных для таких обновлений.',
    },
  },
  {
    id: 'remote-access-sovereignty',
    when: { tag: 'remote-access' },
    metric: 'sovereignty',
    delta: -6,
    sources: ['F026', 'F131'],
    explain: {
      en: 'Updates that only the vendor can install tie the system to the vendor for as long as it runs.',
      ru: 'Обновления, которые может установить только поставщик, привязывают систему к нему на весь срок службы.',
    },
  },
  {
    id: 'localisation',
    when: { tag: 'safeguard:localisation' },
    metric: 'dataExposure',
    delta: -6,
    sources: ['F023', 'F069'],
    explain: {
      en: 'Stating where the data is stored, and keeping it in the country, answers a question governments in the region have left open (Kyrgyzstan gave few details); SCO states stressed sovereignty over data flows in 2022.',
      ru: 'Если указано, где хранятся данные, и они остаются в стране, снимается вопрос, который правительства региона оставляли открытым (Кыргызстан почти ничего не сообщил); в 2022 году государства ШОС подчеркнули суверенитет над потоками данных.',
    },
  },
  {
    id: 'key-custody',
    when: { tag: 'safeguard:key-custody' },
    metric: 'dataExposure',
    delta: -10,
    sources: ['F026', 'F232'],
    explain: {
      en: 'Local custody of keys and no remote vendor access close the channel a Kyrgyz activist warned about.',
      ru: 'Хранение ключей внутри страны и запрет удалённого доступа поставщика закрывают канал, о котором предупреждала кыргызская активистка.',
    },
  },
  {
    id: 'oversight-office',
    when: { tag: 'safeguard:oversight-office' },
    metric: 'dataExposure',
    delta: -8,
    sources: ['F096', 'F097', 'F098', 'F099'],
    explain: {
      en: 'An evaluation office on the UK model examines the vendor\'s equipment and publishes its findings; S0 argues this lets threats be assessed before they occur.',
      ru: 'Оценочный офис по британской модели проверяет оборудование поставщика и публикует выводы; S0 считает, что так угрозы можно оценить заранее.',
    },
  },
  {
    id: 'law-enforcement',
    when: { tag: 'safeguard:law-enforcement' },
    metric: 'dataExposure',
    delta: -5,
    sources: ['F100', 'F101', 'F102'],
    explain: {
      en: 'Data-protection law exists across the region but, S0 says, is poorly implemented; enforcing it narrows who may use the data and how.',
      ru: 'Законы о защите данных в регионе есть, но, по оценке S0, исполняются плохо; их применение сужает круг тех, кто может использовать данные, и способы использования.',
    },
  },
  {
    id: 'retention-limit',
    when: { tag: 'safeguard:retention-limit' },
    metric: 'dataExposure',
    delta: -5,
    sources: ['F249'],
    explain: {
      en: 'Deleting footage after a fixed period limits how much routinely captured data anyone can reach.',
      ru: 'Удаление записей через установленный срок ограничивает объём данных, к которым кто-либо может получить доступ.',
    },
  },
  {
    id: 'moratorium-exposure',
    when: { tag: 'safeguard:moratorium' },
    metric: 'dataExposure',
    delta: -8,
    sources: ['F027', 'F250'],
    explain: {
      en: 'With facial recognition paused, the system does not build a store of faces captured without consent.',
      ru: 'Пока распознавание лиц приостановлено, система не накапливает изображения лиц, снятые без согласия.',
    },
  },
  {
    id: 'moratorium-backlash',
    when: { tag: 'safeguard:moratorium' },
    metric: 'backlash',
    delta: -6,
    sources: ['F027', 'F226'],
    explain: {
      en: 'A moratorium answers the kind of call that more than 70 NGOs made in Kyrgyzstan, and that a UN Special Rapporteur made for the international sale of surveillance equipment.',
      ru: 'Мораторий отвечает на призывы, подобные требованию более 70 НКО в Кыргызстане и призыву специального докладчика ООН в отношении международной продажи оборудования для наблюдения.',
    },
  },
  {
    id: 'moratorium-safety',
    when: { tag: 'safeguard:moratorium' },
    metric: 'publicSafety',
    delta: -4,
    sources: ['F017', 'F033'],
    explain: {
      en: 'The police lose a tool the government presents as effective against crime and terrorism.',
      ru: 'Полиция теряет инструмент, который правительство считает эффективным против преступности и терроризма.',
    },
  },
  {
    id: 'transparency',
    when: { tag: 'safeguard:transparency' },
    metric: 'backlash',
    delta: -5,
    sources: ['F009'],
    explain: {
      en: 'A published agreement lets the public and the press see what was agreed.',
      ru: 'Опубликованное соглашение позволяет обществу и прессе увидеть, о чём договорились.',
    },
  },
  {
    id: 'opacity',
    when: { not: { tag: 'safeguard:transparency' } },
    metric: 'backlash',
    delta: 4,
    sources: ['F023'],
    explain: {
      en: 'With the terms unpublished, the public learns little about where its data goes or who can see it.',
      ru: 'Условия не опубликованы, и общество почти ничего не знает о том, где хранятся данные и кто их видит.',
    },
  },
  {
    id: 'open-bidding',
    when: { tag: 'safeguard:open-bidding' },
    metric: 'backlash',
    delta: -3,
    sources: ['F124', 'F126'],
    explain: {
      en: 'Open bidding guards against the kind of overcharging alleged in Ecuador after public tendering was bypassed.',
      ru: 'Открытые торги защищают от завышения цен, которое предполагалось в Эквадоре после обхода публичного тендера.',
    },
  },
  {
    id: 'civil-society-backlash',
    when: { tag: 'safeguard:civil-society' },
    metric: 'backlash',
    delta: -4,
    sources: ['F247'],
    explain: {
      en: 'Activists, NGOs and journalists have been central to bringing surveillance concerns to light; giving them a seat channels that scrutiny.',
      ru: 'Активисты, НКО и журналисты играют ключевую роль в раскрытии проблем слежки; место в надзоре направляет эту критику в рабочее русло.',
    },
  },
  {
    id: 'civil-society-exposure',
    when: { tag: 'safeguard:civil-society' },
    metric: 'dataExposure',
    delta: -2,
    sources: ['F247'],
    explain: {
      en: 'Outside observers make quiet misuse of the data harder.',
      ru: 'Внешние наблюдатели затрудняют скрытое злоупотребление данными.',
    },
  },
  {
    id: 'sanctioned-vendor',
    when: { tag: 'sanctioned' },
    metric: 'standing',
    delta: -6,
    sources: ['F002', 'F254'],
    explain: {
      en: 'A vendor the sources describe as under US sanctions complicates relations with the United States and its partners.',
      ru: 'Поставщик, которого источники называют находящимся под санкциями США, осложняет отношения с США и их партнёрами.',
    },
  },
  {
    id: 'commodity-backed',
    when: { tag: 'commodity-backed' },
    metric: 'sovereignty',
    delta: -8,
    sources: ['F111', 'F125'],
    explain: {
      en: 'Repaying in oil or other commodities commits future exports to the lender, as in Ecuador and Venezuela.',
      ru: 'Погашение нефтью или другим сырьём закрепляет будущий экспорт за кредитором, как в Эквадоре и Венесуэле.',
    },
  },
  {
    id: 'loan-dependence',
    when: { tag: 'loan' },
    metric: 'sovereignty',
    delta: -3,
    sources: ['F114', 'F130'],
    explain: {
      en: 'State-bank credit makes the project possible and also creates a creditor with leverage.',
      ru: 'Кредит госбанка делает проект возможным, но и создаёт кредитора с рычагами влияния.',
    },
  },
  {
    id: 'free-equipment-lock-in',
    when: { all: [{ tag: 'grant' }, foreign] },
    metric: 'sovereignty',
    delta: -4,
    sources: ['F129', 'F131'],
    explain: {
      en: 'Free or subsidised hardware secures the vendor future business in support, maintenance and further purchases.',
      ru: 'Бесплатное или субсидированное оборудование обеспечивает поставщику будущие заказы на поддержку, обслуживание и новые закупки.',
    },
  },
  {
    id: 'domestic-build',
    when: { tag: 'jurisdiction:domestic' },
    metric: 'sovereignty',
    delta: 5,
    sources: ['F092'],
    explain: {
      en: 'A domestic build keeps control at home, in a region where the sources note few partners besides Chinese or Russian firms.',
      ru: 'Собственная разработка оставляет контроль внутри страны в регионе, где, по данным источников, почти нет партнёров, кроме китайских и российских компаний.',
    },
  },
];

/** Rules computed by formula; listed so that the debrief can explain them. */
export const FORMULA_RULES = {
  'vendor-capability': {
    metrics: ['publicSafety'] as MetricId[],
    sources: ['F033', 'F243', 'F139'],
    explain: {
      en: 'Public safety rises with the capability of the system (3 points per capability level, 1–5). Officials credit such systems with safer streets; researchers doubt some crime-reduction claims.',
      ru: 'Общественная безопасность растёт с возможностями системы (3 пункта за уровень, 1–5). Чиновники связывают такие системы с безопасностью улиц; исследователи сомневаются в части заявлений о снижении преступности.',
    },
  },
  'loan-drawdown': {
    metrics: ['debt'] as MetricId[],
    sources: ['F114', 'F120'],
    explain: {
      en: 'Borrowing adds the financed share of the package price to the debt.',
      ru: 'Заём добавляет к долгу профинансированную часть цены пакета.',
    },
  },
  'loan-repayment': {
    metrics: ['debt'] as MetricId[],
    sources: ['F120'],
    explain: {
      en: 'After the grace period the principal is repaid in equal instalments over the rest of the tenor; interest is paid from the budget each year.',
      ru: 'После льготного периода основной долг погашается равными долями до конца срока; проценты ежегодно платятся из бюджета.',
    },
  },
  'budget-outlay': {
    metrics: ['backlash'] as MetricId[],
    sources: ['F010'],
    explain: {
      en: 'Paying from the state budget spends money the public can see; backlash rises with the price relative to what the budget can absorb (at most 8 points).',
      ru: 'Оплата из бюджета — расход, который видит общество; недовольство растёт с ценой относительно возможностей бюджета (не более 8 пунктов).',
    },
  },
  'debt-service-strain': {
    metrics: ['backlash'] as MetricId[],
    sources: ['F078', 'F114'],
    explain: {
      en: 'When yearly interest and repayments exceed what the budget absorbs without strain, backlash rises by 3.',
      ru: 'Когда ежегодные проценты и выплаты превышают то, что бюджет выдерживает без напряжения, недовольство растёт на 3.',
    },
  },
  'debt-unsustainable': {
    metrics: ['backlash', 'standing'] as MetricId[],
    sources: ['F078', 'F130'],
    explain: {
      en: 'Debt above the level this budget can carry costs standing with other partners (−3 a year) and raises backlash (+4 a year).',
      ru: 'Долг выше уровня, который способен нести бюджет, подрывает репутацию у других партнёров (−3 в год) и усиливает недовольство (+4 в год).',
    },
  },
  'exposure-accumulation': {
    metrics: ['dataExposure'] as MetricId[],
    sources: ['F086', 'F249'],
    explain: {
      en: 'Each year the system collects more data. Exposure grows by 15% of the net risk of the choices (risks minus safeguards, capped between −2 and +5), multiplied by the breadth of the data: +20% for each sensitive kind (faces, biometrics, students, medical, telecom, state records).',
      ru: 'Каждый год система собирает больше данных. Уязвимость растёт на 15% от чистого риска решений (риски минус защита, в пределах от −2 до +5), умноженного на широту данных: +20% за каждый чувствительный вид (лица, биометрия, учащиеся, медицинские, телеком, госреестры).',
    },
  },
  'opacity-drift': {
    metrics: ['backlash'] as MetricId[],
    sources: ['F023'],
    explain: {
      en: 'Without a published agreement, unanswered questions add 1 point of backlash a year.',
      ru: 'Без опубликованного соглашения вопросы без ответа добавляют 1 пункт недовольства в год.',
    },
  },
  'attention-fades': {
    metrics: ['backlash'] as MetricId[],
    sources: ['F025'],
    explain: {
      en: 'Public attention fades: each year backlash above 20 eases by 8% of the excess. In Kyrgyzstan, for one, public concerns did not noticeably slow the vendors.',
      ru: 'Внимание общества ослабевает: каждый год недовольство выше 20 снижается на 8% от превышения. В Кыргызстане, например, общественные опасения заметно не замедлили поставщиков.',
    },
  },
} as const satisfies Record<string, { metrics: MetricId[]; sources: string[]; explain: RuleText }>;

export type FormulaRuleId = keyof typeof FORMULA_RULES;

export const SENSITIVE_SCOPES: readonly DataScope[] = [
  'faces',
  'biometrics',
  'students',
  'medical',
  'telecom',
  'state-records',
];

export const MODEL_PARAMETERS = {
  capabilitySafetyPerLevel: 3,
  accumulationShare: 0.15,
  accumulationMin: -2,
  accumulationMax: 5,
  sensitiveScopeWeight: 0.2,
  budgetOutlayMax: 8,
  debtServiceStrainBacklash: 3,
  unsustainableBacklash: 4,
  unsustainableStanding: -3,
  opacityDrift: 1,
  attentionFloor: 20,
  attentionFadeShare: 0.08,
} as const;

/**
 * Short chat and social-media messages for training, written by rule (issue 16): sentence
 * templates and per-domain vocabularies, combined with a seeded generator so that training stays
 * deterministic. Labels follow the written rules: a question about how, when, whether or what is
 * an inquiry; something that failed or must be done for the customer is a support request;
 * dissatisfaction with the company, product or service is a complaint, even when help is also
 * asked for. The domains, company names and templates were written for training only, in a
 * separate session from the evaluation sets (tests/fixtures/classifier/eval-short.jsonl,
 * dev-short.jsonl); a unit test checks that no generated message appears in them.
 */
import type { Category } from '../utils/cases/events';
import { seededRandom } from '../utils/classify/train-model';

interface Domain {
  handles: string[];
  /** Things a customer asks about: "the annual plan", "a window seat". */
  topics: string[];
  /** What a customer does, for "how do I …": "renew my permit". */
  selfTasks: string[];
  /** What the agent is asked to do: "cancel my booking for Friday". */
  agentTasks: string[];
  /** Yes/no properties: "the studio accessible by wheelchair". */
  facts: string[];
  /** Timings: "the winter timetable start". */
  timings: string[];
  /** Failures, as a full clause: "the scanner at the entrance won't read my pass". */
  failures: string[];
  /** Things that can let the customer down: "the refund process", "your app". */
  services: string[];
}

const DOMAINS: Domain[] = [
  {
    handles: ['@TrailBikeHire', '@PedalPoint'],
    topics: ['the weekly hire rate', 'the deposit on e-bikes', 'the helmet policy', 'damage waiver', 'the late return fee'],
    selfTasks: ['extend my hire by a day', 'unlock a bike with the app', 'fit a child seat', 'find the nearest rack', 'log a puncture'],
    agentTasks: ['extend my hire until Sunday', 'refund the second day', 'email me the hire agreement', 'swap my bike for a bigger frame', 'drop tomorrow’s reservation'],
    facts: ['the trail map free', 'a lock included', 'the workshop staffed at weekends', 'the cargo bike free this weekend'],
    timings: ['the summer hours begin', 'my deposit come back', 'the riverside racks open'],
    failures: ['the rack won’t release my bike', 'the app thinks my bike is still out though I docked it', 'my deposit was taken twice', 'the chain came off after ten minutes', 'the hire page freezes at payment'],
    services: ['your hire desk', 'the hire app', 'the bikes you rent out'],
  },
  {
    handles: ['@CityStayInns', '@HarbourLodge'],
    topics: ['the breakfast times', 'valet parking', 'the non-refundable rate', 'arriving before noon', 'the spa prices'],
    selfTasks: ['add a guest to my reservation', 'pay the balance online', 'get a company invoice', 'leave my bags after checkout', 'book the meeting room'],
    agentTasks: ['move my stay to next weekend', 'put a sofa bed in room 214', 'return the deposit you took twice', 'put the booking in my partner’s name', 'drop one of my two rooms'],
    facts: ['the pool heated', 'the hotel dog friendly', 'the rooftop bar open to non-residents', 'the restaurant serving on Mondays'],
    timings: ['rooms become available', 'the shuttle leave for the airport', 'the refurbishment finish'],
    failures: ['our room door won’t unlock with the card', 'the radiator in our room is stone cold', 'I was billed for a night we cancelled', 'I never got a booking reference', 'the kettle in the room doesn’t switch on'],
    services: ['your reception staff', 'the booking site', 'your housekeeping'],
  },
  {
    handles: ['@MetroLinkRail', '@ValleyBuses'],
    topics: ['the evening saver fare', 'the annual pass price', 'taking bikes on trains', 'compensation for late trains', 'the group discount'],
    selfTasks: ['claim for a late train', 'load my discount card onto the app', 'change the date on a booked ticket', 'get a receipt for my journey', 'book help boarding at the station'],
    agentTasks: ['refund my unused ticket', 'reissue my annual pass', 'forward my mobile ticket to my new email', 'drop my booking for the 14th', 'apply my discount card to my booking'],
    facts: ['the first train step-free', 'the station car park free on Sundays', 'wifi on the express', 'the night bus running tonight'],
    timings: ['the new timetable begin', 'engineering works finish', 'my compensation be paid'],
    failures: ['the kiosk charged me but printed nothing', 'the gate reader rejects my mobile ticket', 'the app billed me for a journey I didn’t take', 'my compensation claim was turned down', 'my reserved seat isn’t on the ticket'],
    services: ['your trains', 'this bus route', 'your station staff'],
  },
  {
    handles: ['@GlowHomeEnergy', '@AquaWestWater'],
    topics: ['the locked-in price', 'the daily fee', 'getting a smart meter fitted', 'the penalty for leaving', 'the solar export rate'],
    selfTasks: ['send you my current readings', 'read a two-rate meter', 'move my supply to a new address', 'set up a repayment plan', 'stop paper bills'],
    agentTasks: ['reduce my monthly payment', 'close my account from Friday', 'send someone to check the meter', 'correct my reading to 40211', 'pay back my credit balance'],
    facts: ['there a tariff for heat pumps', 'a smart meter compulsory', 'metered water worth it for a couple', 'the cap changing this month'],
    timings: ['my next statement come', 'the new rates kick in', 'the meter fitter arrive'],
    failures: ['the meter hasn’t reported usage since spring', 'the prepayment key won’t take my top-up', 'my monthly payment went out twice', 'the water pressure upstairs is a trickle', 'the energy monitor screen shows dashes'],
    services: ['your billing team', 'your statements', 'your phone line'],
  },
  {
    handles: ['@NovaMobile', '@SkyFibreNet'],
    topics: ['the SIM-only deals', 'using my phone in the US', 'carrying unused data into next month', 'the fibre install', 'my minimum term'],
    selfTasks: ['get a switching code', 'set up calls over wifi', 'see how much data is left', 'bring my number from another network', 'change the hub password'],
    agentTasks: ['unlock my handset', 'add extra data to this month', 'move my line to my new flat', 'post me a new SIM', 'take the phone cover add-on off my bill'],
    facts: ['the faster network live in my town', 'the hub included', 'eSIM possible on my phone', 'there a discount for nurses'],
    timings: ['my minimum term finish', 'the installer visit', 'the annual price change hit'],
    failures: ['my connection cuts out after dinner', 'I’ve had no bars since this morning', 'calls go straight to voicemail', 'there are overseas call charges I didn’t make', 'the hub shows an orange light'],
    services: ['your network', 'your helpline', 'the fibre package you sold me'],
  },
  {
    handles: ['@BasketBarn', '@WillowFurnish'],
    topics: ['the returns window', 'Saturday delivery', 'matching a cheaper price', 'the assembly service', 'gift wrapping'],
    selfTasks: ['return an item bought in store', 'stack two promo vouchers', 'follow my delivery', 'pick a new delivery slot', 'spend my reward points'],
    agentTasks: ['cancel order 77310', 'send order 77310 to my office instead', 'post the missing shelf bracket', 'give back the delivery fee', 'collect the faulty lamp'],
    facts: ['the oak table solid wood', 'the sofa available in navy', 'postage free over £40', 'the mattress returnable after sleeping on it'],
    timings: ['the sale finish', 'the rattan chairs get restocked', 'my money come back'],
    failures: ['tracking shows signed for but no one here signed', 'the wardrobe came with a split door', 'the promo voucher is rejected at checkout', 'you sent a double instead of a king', 'the checkout keeps refusing my card'],
    services: ['your delivery service', 'your website', 'the quality of your furniture'],
  },
  {
    handles: ['@ShieldCover', '@OakleafInsure'],
    topics: ['the amount I pay towards a claim', 'legal help on the policy', 'my no-claims years', 'cover for my bike', 'the cooling-off period'],
    selfTasks: ['start a claim online', 'put my partner on the cover', 'renew without calling', 'get a claims history letter', 'update my car details'],
    agentTasks: ['add my new van from Monday', 'stop my travel cover', 'email me my cover note', 'update the address on my cover', 'collect the premium again'],
    facts: ['accidental damage included', 'my phone covered abroad', 'glass cover standard', 'a hire car provided after an accident'],
    timings: ['my cover renew', 'the inspection happen', 'the settlement be paid'],
    failures: ['the claims portal logs me out when I attach pictures', 'two premiums came out this month', 'my schedule lists the wrong car registration', 'the renewal payment bounced', 'nobody has arranged the inspection yet'],
    services: ['your claims handlers', 'your renewal prices', 'your call centre'],
  },
  {
    handles: ['@SpiceRouteKitchen', '@GreenBowlDeli'],
    topics: ['the vegan options', 'delivery to Clifton', 'the lunch menu', 'gluten-free bread', 'party platters'],
    selfTasks: ['pause my meal box', 'swap my delivery to Friday', 'use a voucher', 'order for a set time', 'add allergy notes'],
    agentTasks: ['leave out next week’s box', 'refund the missing naan', 'end my meal plan', 'change tomorrow’s order to 30 people', 'email me the receipt'],
    facts: ['the curry very spicy', 'the chicken halal', 'the tandoori oven shared with meat dishes', 'the deli serving hot food after 3pm'],
    timings: ['the last orders go in', 'the autumn menu launch', 'my box turn up'],
    failures: ['the food is 70 minutes late', 'the dessert and drinks weren’t in the bag', 'the courier left it at number 12 instead of 21', 'my card was charged but there’s no order', 'the site says my street isn’t covered'],
    services: ['your food', 'your riders', 'the portions'],
  },
  {
    handles: ['@PrimeAutoCentre', '@EVoltLeasing'],
    topics: ['the service plan', 'the annual mileage cap', 'the wallbox discount', 'trading in my old car', 'the warranty length'],
    selfTasks: ['book a safety inspection', 'move my monthly payment', 'get a payoff quote', 'update the map software', 'put a second driver on the lease'],
    agentTasks: ['book my car in for Thursday', 'post me the logbook', 'push my service back a week', 'collect the lease payment again', 'cut me a spare key'],
    facts: ['the hybrid automatic', 'a loan car free', 'the charge cable included', 'finance available for first-time buyers'],
    timings: ['my car be finished', 'the lease run out', 'the facelift arrive'],
    failures: ['the dashboard display keeps rebooting', 'the charge port flap won’t close', 'the parking sensors beep constantly', 'the car app shows no vehicle', 'the keyless entry doesn’t recognise my key'],
    services: ['your dealership', 'your workshop', 'your finance department'],
  },
  {
    handles: ['@TaskLoomApp', '@CloudDeskHQ'],
    topics: ['the team plan', 'the API limits', 'single sign-on', 'file storage', 'the charity discount'],
    selfTasks: ['download all my projects', 'set up login codes by text', 'invite a guest', 'hand the workspace to a colleague', 'link my calendar'],
    agentTasks: ['stop my renewal', 'bring back a deleted board', 'put our tax number on the invoices', 'remove a former employee', 'move us to monthly payments'],
    facts: ['the Mac app usable without internet', 'our data kept in the UK', 'there a teacher discount', 'the starter tier capped at five projects'],
    timings: ['the free month run out', 'the Android release come out', 'the outage be over'],
    failures: ['the tablet version closes itself on the home screen', 'changes on my laptop don’t show on my phone', 'the login page rejects my new password', 'I was billed for a year instead of a month', 'the download-as-PDF option does nothing'],
    services: ['your support team', 'the new release', 'your app'],
  },
  {
    handles: ['@BrightPathClinic', '@MedlinePharmacy'],
    topics: ['the shingles vaccine', 'a scale and polish', 'phone consultations', 'the repeat medication service', 'spreading the cost of aligners'],
    selfTasks: ['join the practice', 'reorder my regular medication', 'book a cervical screening', 'see my blood results', 'switch to a different doctor'],
    agentTasks: ['call off my Friday appointment', 'transfer my notes to my new surgery', 'rebook my physio for next week', 'change the mobile number on my file', 'write me a sick note'],
    facts: ['the surgery open on Saturdays', 'parking on site', 'the nurse doing blood tests on Saturdays', 'the vaccine free for over-65s'],
    timings: ['my blood results be back', 'the medication be ready', 'a sooner slot come up'],
    failures: ['my medication request never reached the pharmacy', 'the booking page shows no slots at all', 'I was invoiced for a consultation I cancelled', 'appointment letters go to my previous address', 'the hearing aid batteries you posted are the wrong size'],
    services: ['your reception', 'your booking line', 'the pharmacy counter'],
  },
  {
    handles: ['@KiteSavings', '@NorthgateBank'],
    topics: ['the notice account rate', 'sending money abroad', 'the overdraft fee', 'tap-to-pay limits', 'joint accounts'],
    selfTasks: ['set up a regular payment', 'deposit a cheque by photo', 'get a replacement card', 'download a statement', 'set up a round-up jar'],
    agentTasks: ['put a temporary block on my card', 'stop the monthly payment to FitLab', 'raise my overdraft to £300', 'post a PIN reminder', 'shut my old account'],
    facts: ['Apple Pay supported', 'there a fee abroad', 'the ISA flexible', 'the branch open on Saturday'],
    timings: ['the transfer land', 'my replacement card turn up', 'the two-year deal finish'],
    failures: ['a shop terminal rejected my card even with funds in the account', 'there’s a £29 payment I don’t recognise', 'my pension payment hasn’t landed', 'the app throws an error at login', 'a scheduled transfer didn’t leave'],
    services: ['your app', 'your fraud department', 'your branch'],
  },
  {
    handles: ['@LumenStreams', '@ArcadeNation'],
    topics: ['the household plan', 'watching offline', 'the expansion bundle', 'online co-op between console and PC', 'the student price'],
    selfTasks: ['save episodes for a flight', 'make a profile for my son', 'redeem a gift code', 'link my console', 'turn off autoplay'],
    agentTasks: ['end my membership', 'refund the purchase my kid made', 'restore my purchases', 'lift the suspension on my account', 'change the email on my account'],
    facts: ['4K included', 'online co-op available between console and PC', 'there an ad-free tier', 'the app on my TV'],
    timings: ['the next series land', 'the servers come back', 'the free month run out'],
    failures: ['the picture freezes every few minutes', 'the coins I paid for never showed up', 'I was billed after I cancelled', 'matchmaking fails with a timeout', 'the install stops halfway'],
    services: ['your streaming app', 'the spring update', 'your help desk'],
  },
  {
    handles: ['@PeakFitClubs', '@RiverLeisure'],
    topics: ['the sign-up fee', 'bringing a friend', 'the swim timetable', 'putting my membership on hold', 'personal training prices'],
    selfTasks: ['book a class', 'put my membership on hold', 'bring a friend', 'change my home club', 'leave online'],
    agentTasks: ['end my membership from May', 'give back the second payment', 'issue a new wristband', 'move my payment date', 'turn my account back on'],
    facts: ['the sauna mixed', 'there a student rate', 'bike storage free for members', 'the climbing wall staffed in the evenings'],
    timings: ['the new timetable begin', 'the club reopen', 'my hold end'],
    failures: ['the entry gate won’t read my wristband', 'two payments came out this month', 'the app marked me absent from spin', 'the lockers don’t lock', 'the class I booked vanished'],
    services: ['your changing rooms', 'your staff', 'the booking app'],
  },
];

const OPENERS: Record<Category, string[]> = {
  inquiry: ['', '', '', 'hi, ', 'Hi ', 'hello, ', 'hey ', 'quick question: ', 'Morning, ', 'sorry to bother you, '],
  support: ['', '', '', 'hi, ', 'Hi ', 'hello, ', 'hey ', 'Morning, '],
  complaint: [''],
};
const pick = <T,>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Lower-case, no apostrophes, "pls", "u": how people type in chat. */
function chatStyle(text: string, random: () => number): string {
  let t = text;
  const r = random();
  if (r < 0.35) t = t.toLowerCase();
  if (random() < 0.2) t = t.replace(/[’']/g, '');
  if (random() < 0.1) t = t.replace(/\bplease\b/gi, 'pls').replace(/\byou\b/g, 'u');
  if (random() < 0.25) t = t.replace(/[?.!]$/, '');
  return t;
}

const INQUIRY: ((d: Domain, r: () => number) => string)[] = [
  (d, r) => `how do I ${pick(r, d.selfTasks)}?`,
  (d, r) => `how can I ${pick(r, d.selfTasks)}?`,
  (d, r) => `what's the best way to ${pick(r, d.selfTasks)}?`,
  (d, r) => `is there a way to ${pick(r, d.selfTasks)}?`,
  (d, r) => `can I ${pick(r, d.selfTasks)} online?`,
  (d, r) => `when does ${pick(r, d.timings)}?`,
  (d, r) => `when will ${pick(r, d.timings)}?`,
  (d, r) => `roughly when does ${pick(r, d.timings)}?`,
  (d, r) => `is ${pick(r, d.facts)}?`,
  (d, r) => `${pick(r, d.handles)} is ${pick(r, d.facts)}?`,
  (d, r) => `what are ${pick(r, d.topics)} like for someone new?`,
  (d, r) => `what's ${pick(r, d.topics)}?`,
  (d, r) => `could you tell me about ${pick(r, d.topics)}?`,
  (d, r) => `I'd like to know more about ${pick(r, d.topics)}`,
  (d, r) => `just wondering whether ${pick(r, d.facts).replace(/^(\S+) (.*)$/, '$2 is $1')}`,
  (d, r) => `do you have any info on ${pick(r, d.topics)}?`,
  (d, r) => `${pick(r, d.handles)} how does ${pick(r, d.topics)} work?`,
  (d, r) => `Thinking of signing up. How does ${pick(r, d.topics)} work?`,
  (d, r) => `We're new here. Can I ${pick(r, d.selfTasks)} myself?`,
  (d, r) => `where do I go to ${pick(r, d.selfTasks)}?`,
  (d, r) => `Before I book: what's ${pick(r, d.topics)}?`,
];

const SUPPORT: ((d: Domain, r: () => number) => string)[] = [
  (d, r) => `${pick(r, d.failures)}`,
  (d, r) => `${pick(r, d.failures)}, can you look into it?`,
  (d, r) => `${pick(r, d.failures)}. Can you help?`,
  (d, r) => `${pick(r, d.handles)} ${pick(r, d.failures)}`,
  (d, r) => `please ${pick(r, d.agentTasks)}`,
  (d, r) => `can you ${pick(r, d.agentTasks)} please?`,
  (d, r) => `could you ${pick(r, d.agentTasks)}?`,
  (d, r) => `I need you to ${pick(r, d.agentTasks)}`,
  (d, r) => `I'd like you to ${pick(r, d.agentTasks)}, thanks`,
  (d, r) => `${pick(r, d.agentTasks).replace(/^./, (c) => c.toUpperCase())} please`,
  (d, r) => `${pick(r, d.failures)}. Please ${pick(r, d.agentTasks)}.`,
  (d, r) => `${pick(r, d.failures)} - what do I do now?`,
  (d, r) => `need help: ${pick(r, d.failures)}`,
  (d, r) => `${pick(r, d.failures)} since yesterday`,
  (d, r) => `${pick(r, d.failures)}, my account number is ${Math.floor(r() * 90000 + 10000)}`,
  (d, r) => `just letting you know ${pick(r, d.failures)}`,
  // Plain accounts in the past tense: what happened is not in itself a complaint.
  (d, r) => `I ${pick(r, ['booked', 'paid for', 'ordered', 'signed up for', 'asked about'])} ${pick(r, d.topics)} ${pick(r, PAST_WHEN)} and ${pick(r, PAST_FAILURE)}`,
  (d, r) => `I was charged twice for ${pick(r, d.topics)} ${pick(r, PAST_WHEN)}`,
  (d, r) => `${pick(r, PAST_WHEN).replace(/^./, (c) => c.toUpperCase())} ${pick(r, d.failures)}. ${pick(r, ['Could you check?', 'Can someone look?', 'Please advise.', 'What should I do?', ''])}`.trim(),
  (d, r) => `I think ${pick(r, d.failures)}?`,
];


const PAST_WHEN = ['on Monday', 'last week', 'yesterday', 'this morning', 'two days ago', 'on the 3rd', 'at the weekend'];
const PAST_FAILURE = ['it hasn’t come through', 'nothing has arrived yet', 'I didn’t get a confirmation', 'it isn’t showing on my account', 'the payment went out twice', 'it still says pending', 'I was sent the wrong one'];

const DISSATISFIED = [
  'really disappointed', 'not good enough', 'this is ridiculous', 'absolutely useless', 'so fed up with this', 'shocking service',
  'not impressed at all', 'what a joke', 'honestly a shambles', 'unacceptable', 'I’m furious', 'worst experience I’ve had',
  'very poor', 'sort it out', 'never again', 'you should be ashamed', 'disgraceful', 'do better', 'annoying as hell', 'such a let down',
];
const EMOTION = ['disappointed', 'annoyed', 'frustrated', 'upset', 'angry', 'fed up', 'really unhappy', 'livid', 'not happy'];

const COMPLAINT: ((d: Domain, r: () => number) => string)[] = [
  (d, r) => `${pick(r, d.failures)}. ${pick(r, DISSATISFIED)}`,
  (d, r) => `${pick(r, d.failures)} again. ${pick(r, DISSATISFIED)}`,
  (d, r) => `I'm ${pick(r, EMOTION)} that ${pick(r, d.failures)}`,
  (d, r) => `really ${pick(r, EMOTION)} with ${pick(r, d.services)}`,
  (d, r) => `${pick(r, d.services)} ${pick(r, ['is terrible', 'is a joke', 'has gone downhill', 'is rubbish', 'is getting worse every month', 'is a nightmare'])}`,
  (d, r) => `${pick(r, d.handles)} ${pick(r, d.failures)}. ${pick(r, DISSATISFIED)}`,
  (d, r) => `${pick(r, d.handles)} ${pick(r, ['worst', 'most useless', 'slowest'])} company I've dealt with. ${pick(r, d.failures)}`,
  (d, r) => `why does ${pick(r, d.services)} always let me down? ${pick(r, DISSATISFIED)}`,
  (d, r) => `you ${pick(r, ['promised', 'said'])} it would be sorted and ${pick(r, d.failures)}. ${pick(r, DISSATISFIED)}`,
  (d, r) => `you keep getting this wrong: ${pick(r, d.failures)}`,
  (d, r) => `great, ${pick(r, d.failures)}. thanks for nothing`,
  (d, r) => `${pick(r, DISSATISFIED)}. ${pick(r, d.failures)} and nobody cares`,
  (d, r) => `I'm ${pick(r, EMOTION)}. ${pick(r, d.failures)}. Can you ${pick(r, d.agentTasks)}?`,
  (d, r) => `${pick(r, DISSATISFIED).replace(/^./, (c) => c.toUpperCase())}, ${pick(r, d.failures)}. Please ${pick(r, d.agentTasks)}.`,
  (d, r) => `the way ${pick(r, d.services)} treated me was ${pick(r, ['appalling', 'rude', 'unprofessional', 'dismissive'])}`,
  (d, r) => `paid good money and ${pick(r, d.failures)}. feel ripped off`,
  (d, r) => `${pick(r, d.failures)} for the third time this month. ${pick(r, DISSATISFIED)}`,
  (d, r) => `how is it acceptable that ${pick(r, d.failures)}?`,
];

export interface ShortRow {
  text: string;
  label: Category;
}

/** `perLabel` messages of each label, the same every time for the same arguments. */
export function shortTrainingMessages(perLabel = 700, seed = 16): ShortRow[] {
  const random = seededRandom(seed);
  const rows: ShortRow[] = [];
  const seen = new Set<string>();
  const make = (label: Category, templates: ((d: Domain, r: () => number) => string)[]) => {
    let made = 0;
    for (let attempt = 0; made < perLabel && attempt < perLabel * 20; attempt++) {
      const domain = pick(random, DOMAINS);
      let text = pick(random, templates)(domain, random);
      const opener = pick(random, OPENERS[label]);
      text = chatStyle(`${opener}${text.replace(/^./, (c) => (opener ? c : c.toUpperCase()))}`, random).trim();
      const key = text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ text, label });
      made++;
    }
  };
  make('inquiry', INQUIRY);
  make('support', SUPPORT);
  make('complaint', COMPLAINT);
  return rows;
}

if (process.argv[1]?.endsWith('short-training-messages.ts')) {
  for (const r of shortTrainingMessages(Number(process.argv[2] ?? 12))) console.log(`${r.label.padEnd(9)} ${r.text}`);
}

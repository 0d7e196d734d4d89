/**
 * Broad vocabularies, one a kind: words and short phrases that on their own, in a customer's
 * message, point to the kind (a judge, a law firm; a fire brigade, slugs in a salad; a slang
 * insult; a newspaper or platform; a chief exec; a printed card number; surgery, grief or
 * homelessness; "umpteen emails"). Written from general knowledge of how each situation is
 * described in British, Irish, American and Australian English, as a second layer under the
 * phrase rules of each kind: they are raised on mention, never by a subject line alone, and are
 * kept quiet by negation (a wider window), hypotheticals, title lines and the innocent contexts
 * listed with each.
 */
import { trigger, type Trigger } from './trigger-rules';

const words = (list: string[]) => String.raw`\b(?:${list.join('|')})\b`;

export const BROAD: Record<string, Trigger> = {
  legal: trigger(
    words([
      'judge', 'magistrates?', 'the bench', 'sheriff court', 'high court', 'law firm', 'legal firm', 'llp', 'preparing (?:a|our|my) case', 'take legal action', 'taking legal action', '(?:my|our) legal team', '(?:a|our|my) case against', 'legal recourse', 'summons', 'writ', 'injunction', 'cease and desist', 'lawsuits?', 'sued', 'suing', 'litigat\\w+', 'legal aid',
      'consumer (?:rights )?lawyer', 'small claim', 'ccj', 'county court', 'tribunal', 'arbitration', 'mediation service', 'solicitor\\w*',
      'attorney\\w*', 'lawyer\\w*', 'barrister\\w*', 'abogad\\w+', 'demanda\\w*', 'juicio', 'tribunal(?:es)?',
    ]),
    { broad: true, quietIn: [/\bpower of attorney\b|\battorneys? general\b|\b(?:house|flat|property|home|buy-to-let) (?:sale|purchase|move|completion)\b|\bconveyanc\w+|\b(?:i'm|i am|as|is) an? (?:\w+ )?(?:lawyer|solicitor|attorney|judge|magistrate|barrister)\b(?![^.!?\n]{0,60}\b(?:claim|court|sue|action|case|letter)\b)|\b(?:which|what) department\b|\bsend documents\b|\bjudge (?:for yourself|by)\b|\bfancy dress\b/] },
  ),
  regulator: trigger(
    words([
      'gambling commission', 'office of fair trading', 'oft', 'consumer council', 'consumer affairs', 'consumer protection', 'ofcom', 'ofgem', 'ofwat',
      'financial ombudsman', 'ombudsm[ae]n', 'watchdog', 'regulators?', 'the authorities', 'the police', 'action fraud', 'fraud squad',
      'my mp', 'mp', 'local councillor', 'councillor', 'congressman', 'congresswoman', 'senator', 'state representative', 'attorney general',
      'better business bureau', 'bbb', 'trading standards', 'environmental health', 'health and safety executive', 'hse', 'fca', 'cfpb', 'ftc', 'fcc',
    ]),
    { broad: true, quietIn: [/\b(?:pressure|voltage|gas|heat|temperature|water|flow|battery|charge) regulators?\b|\bregulated by\b|\b(?:fca|ofgem|bbb)[- ](?:regulated|authori[sz]ed|registered|number|accredited|rating|price cap)\b|\bprice cap\b|\bis there an? (?:ombudsman|regulator)\b|\b(?:are|is) (?:you|your \w+|it|the \w+) (?:\w+ )?(?:regulated|authori[sz]ed|registered|accredited)\b/] },
  ),
  safety: trigger(
    words([
      'caught light', 'fire brigade', 'fire service', 'firefighters?', 'fire engine', 'fire department', 'fuse ?box',
      'could(?:n\'t)? (?:hardly )?breathe', 'breathing (?:difficulties|problems)', 'struggling to breathe', 'eyes (?:were |are )?(?:streaming|burning|stinging)',
      'hives', 'vomit\\w*', 'poorly after', 'sick after', 'ill after', 'food poisoning', 'snails?', 'maggots?', 'insects? (?:in|on|crawling)', 'bugs? in', 'slugs?', 'short[- ]circuit(?:ed)?', 'trapped (?:in|inside|under)', 'broken (?:arm|leg|wrist|ankle|nose|ribs?|finger|toe|hip|bone)', 'recalled', 'a recall', 'safety recall', 'burns? (?:on|to)', 'burnt (?:my|his|her|their)', 'shattered (?:glass|lid|door|panel)',
      'cockroach\\w*', 'rodents?', 'mice', 'mould\\w*', 'mold\\w*', 'off (?:milk|meat|chicken)', 'out of date',
      'dropped (?:two|three|\\d+|several) floors', 'plummet\\w*', 'won\'t (?:turn|switch) off', 'wouldn\'t (?:turn|switch) off', 'bleed\\w*', 'bled', 'bruis\\w+', 'sprain\\w*', 'fractur\\w+',
      'a&e', 'ambulance', 'paramedics',
      'scald\\w*', 'blister\\w*', 'electric shock', 'shocked me', 'live wires?', 'sparking', 'smoking', 'smoulder\\w*', 'charred',
      'scorch\\w*', 'melted', 'explod\\w+', 'exploded', 'choking', 'choked', 'swallowed', 'button battery', 'magnets? swallowed',
      'carbon monoxide', 'gas (?:leak|smell)', 'smell of gas', 'fumes', 'toxic', 'poison\\w*', 'allerg\\w+', 'anaphyla\\w+', 'epipen',
      'tyres? (?:burst|blew)', 'unsafe', 'dangerous', 'hazard\\w*', 'injur\\w+', 'hurt', 'harm', 'collapsed', 'gave way', ]),
    { broad: true, quietIn: [
      /\b(?:recall|remember) (?:my|the|your|whether|if|what|when|how|which|who|where|seeing|saying|ordering)\b|\bcan'?t recall\b|\bdon'?t recall\b|\b(?:fire|smoke|co|carbon monoxide) (?:alarm|detector)s? (?:with|that|for|compatible|battery|batteries)\b|\bfire ?(?:tv|stick|tablet|pit|place|wall|cracker|safety certificate)\b|\bsmok(?:y|ed) \w+|\b(?:non-?|no )smoking\b|\bsmoking (?:room|area|policy|ban)\b/,
      /\b(?:brake|brakes) (?:pads?|discs?|fluid|light|service|check|inspection)\b|\b(?:how (?:much|long)|price|quote|cost|in stock|do you (?:sell|have|fit|stock))\b[^.!?\n]{0,40}\b(?:brakes?|airbags?|tyres?|steering|seat ?belts?|car seats?|cots?|prams?|buggy|buggies)\b|\bcar seat (?:fitting|isofix)\b|\bcot bed\b/,
      /\b(?:hospital|a&e) (?:road|street|lane|appointment|parking|car park|visit|letter|bill|trust|radio|ward|visiting)\b|\b(?:near|opposite|by|from|to) the hospital\b|\bvisiting hours\b|\bhospital (?:bag|corners?)\b|\b(?:is|am|'m|'s|works as|work as) an? (?:\w+ )?(?:paramedic|nurse|doctor|firefighter|surgeon|carer)\b/,
      /\b(?:fell|fallen) (?:through|behind|apart|asleep|out with|off the (?:radar|list|system)|in love)\b|\b(?:prices?|rates?|sales|demand|share price|signal|numbers|temperature|order|parcel|deal) (?:has |have |had )?(?:fell|fallen|collapsed|dropped|exploded|melted)\b|\bmelt(?:ed|ing)? (?:chocolate|ice|cheese|butter|snow)\b|\b(?:chocolate|ice ?cream|cheese|butter|snow|candle|wax|ice ?packs?) (?:had |has |was )?melt(?:ed|ing)\b/,
      /\b(?:hurt|harm) (?:my|our) (?:feelings|business|credit|chances|rating|reputation)\b|\bno harm (?:done|meant)\b|\b(?:reaction|response) (?:to|from) (?:my|the|your) \w+\b|\bcrashed and burned\b|\bburn(?:ed|t)? (?:a |the )?(?:cd|dvd|disc|bridges|calories|money|cash|hole)\b|\bburnt (?:toast|crust|bottom|edges?)\b|\bwas burnt on\b|\bbugs? (?:in|on) (?:the|your|my) (?:\w+ )?(?:app|site|website|system|software|code|page|form|checkout|version|update|release)\b|\b(?:machine|atm|cash ?machine|cashpoint|slot|reader|terminal) (?:has |had )?swallowed\b|\bswallowed (?:my|the) (?:card|coins?|ticket|money)\b/,
      /\b(?:emergency|helpline|contact|phone) (?:number|line|details)\b|\bwhat (?:do|should) (?:i|we) do (?:if|in case)\b|\bin case (?:of|there'?s) (?:a )?(?:gas leak|fire|power cut|flood|leak|emergency)\b|\b(?:has|have|with|got) an? (?:\w+ ){0,3}allergy\b|\b(?:is|am|'m|are) allergic to\b|\ballerg\w+\b(?=[^.!?\n]{0,80}\?)|\b(?:is|are|does|do|can|could) (?:it|they|this|these|the \w+) (?:contain|safe|suitable)\b|\ballergen (?:information|info|matrix|list|menu)\b|\bout of date (?:address|details|information|card|app|link|version)\b|\bspin class was a killer\b|\bkiller\b|\bdanger (?:of|that) (?:missing|losing|running)\b|\bexploding with\b|\binsect (?:repellent|spray|screen|bite cream)\b|\bbruised (?:apples?|fruit|bananas?|peaches|pears?|veg\w*)\b|\bchoked up\b|\btoxic (?:relationship|workplace|culture)\b|\bexploding with\b|\binsect (?:repellent|spray|screen|bite cream)\b|\bbruised (?:apples?|fruit|bananas?|peaches|pears?|veg\w*)\b|\bchoked up\b|\btoxic (?:relationship|workplace|culture)\b|\brotten (?:luck|service|day|week)\b|\bstuck on (?:hold|the phone|the line|a call|the website|the page|loading)\b|\baccident(?:al)? (?:damage|cover|policy|claim)\b|\bcover (?:for|against) accidents?\b|\bby accident\b|\baccidentally\b/,
    ] },
  ),
  abuse: trigger(
    words([
      'plonker', 'gobshite', 'pillock', 'wally', 'berk', 'prat', 'git', 'twit', 'dimwit', 'nitwit', 'halfwit', 'cretin', 'dunce', 'dork', 'jerk', 'lowlife',
      'scumbag', 'dipstick', 'knobhead', 'bellend', 'wazzock', 'numbskull', 'bonehead', 'airhead', 'dumbass', 'jackass', 'dipshit', 'tosser', 'wanker', 'bastard', 'slag', 'numpty', 'muppet', 'moron', 'idiot', 'imbecile', 'clown', 'waste of skin',
      'waste of space', 'make your life (?:hell|a misery)', 'you\'ll be sorry', 'you will be sorry', 'watch yourself', 'coming for you', 'i\'ll find you',
      'i know (?:where|which) (?:office|branch|shop|store|depot)', 'f (?:you|off|yourself)', 'go f\\w* yourself', 'screw you', 'up yours', 'shove it',
      'stick it up', 'get stuffed', 'drop dead', 'hope you (?:get sacked|lose your job|rot|die)', ]),
    { broad: true, keepWhenNegated: true, quietIn: [/\b(?:i'm|i am|i was|i felt|i feel|made me (?:feel|look)|silly me|my bad)\b[^.!?\n]{0,20}\b(?:idiot|moron|muppet|numpty|prat|plonker|wally|twit|dork|clown)\b|\blike (?:a |an )?(?:idiot|clown|fool|child|criminal)\b|\b(?:cow|cows)'?s? (?:milk|leather|hide)\b|\bgit(?:hub|lab| repo| repository| clone| commit)\b|\bjerk (?:chicken|pork|seasoning|sauce|wings)\b|\bjerk (?:chicken|pork|seasoning|sauce|wings)\b|\bwally\b(?= world)|\bsod(?:a|ium)\b|\bass(?:ess|et|ist|ign|ume|ure|embl|ociat)\w*|\bclass\b/] },
  ),
  media: trigger(
    words([
      'the sun', 'the mirror', 'daily mail', 'the times', 'the guardian', 'the telegraph', 'evening standard',
      'the independent', 'the observer', 'local rag', 'local paper', 'newspapers?', 'tabloids?', 'bbc', 'itv', 'sky news', 'cnn', 'fox news', 'nbc',
      'abc news', 'cbs', 'channel (?:4|5)', 'radio (?:station|show|phone-?in)', 'threads', 'bluesky', 'mastodon', 'snapchat', 'nextdoor', 'linkedin', 'twitter',
      'tiktok', 'instagram', 'insta', 'facebook', 'youtube', 'reddit', 'mumsnet', 'trustpilot', 'tripadvisor', 'yelp', 'google reviews?', 'my review',
      'live ?stream\\w*', 'going live', 'my channel', 'my followers', 'my audience', 'journalists?', 'reporters?', 'the press', 'the media',
      'running a piece', 'publicly', 'go public', 'viral', 'expos[ée]', 'name and shame', 'warn (?:other|others|everyone|people)',
    ]),
    { broad: true, quietIn: [
      /\b(?:saw|seen|heard|read|found|noticed|liked|loved|spotted|follow(?:ed)?) (?:it |this |you |your \w+ |the \w+ |an? \w+ )?(?:on|in|via|through)\b|\b(?:your|the company's) (?:instagram|facebook|twitter|tiktok|youtube|linkedin|page|account|handle|channel|feed|post|ad|advert|reviews?)\b|\b(?:what|where)'?s? (?:is )?your\b|\blog ?in with (?:facebook|google|apple)\b|\b(?:contact|message|reach|dm|chat (?:with|to)|find|follow) (?:you|us) (?:on|via)\b|\b(?:on|via) (?:your|the) (?:app|website|facebook page|instagram page)\b|\b(?:contact|message|reach|dm|chat (?:with|to)|find|follow) (?:you|us) (?:on|via)\b|\b(?:on|via) (?:your|the) (?:app|website|facebook page|instagram page)\b/,
      /\b(?:5|five|4|four)[- ]star\b|\b(?:great|good|glowing|positive|lovely|nice|amazing|honest) (?:reviews?|post|video|write-?up)\b|\b(?:discount|discounts|offer|sponsor\w*|partnership|collab\w*|promo code|affiliate|giveaway|competition|newsletter|school|charity|fun run)\b|\b(?:read|check|see|look at) (?:the |your |the product )?reviews?\b|\breviews? (?:say|said|mention|of (?:the|this|your) (?:product|item|hotel))\b|\b(?:once|when|after) (?:it|they) (?:arrives?|comes?)\b/,
      /\b(?:i'?m|i am|as) an? (?:\w+ )?(?:journalist|reporter|blogger|youtuber|editor|writer)\b(?![^.!?\n]{0,80}\b(?:about|on|regarding) (?:this|you|your|how you|what happened)\b)|\bthe sun (?:is|was|came|shining|cream|lounger|terrace|deck|roof)\b|\bin the sun\b|\bthreads? (?:count|of|on the|per)\b|\b(?:cotton|sewing|loose|pulled) threads?\b|\bstory (?:time|book|books)\b|\bmy story (?:is|was) (?:simple|that)\b|\bthe news (?:that|is|was)\b|\bbbc iplayer\b|\breview (?:my|the|our) (?:order|booking|account|policy|contract|terms|claim)\b|\breview (?:it|this) (?:and|before)\b/,
    ] },
  ),
  executive: trigger(
    words([
      'chief exec', 'chief executive', 'ceo', 'c\\.e\\.o', 'managing director', 'the director', 'directors', 'president of (?:the|your) company',
      'the president', 'the owner', 'the owners', 'owner of (?:the|your|this) (?:company|business|firm|airline|shop|store|chain)', 'founders?',
      'chair(?:man|woman|person)', 'the board', 'board members?', 'head office', 'senior management', 'top brass', 'higher-?ups', 'over your head',
      'above your head', 'in front of (?:the|your) (?:boss|bosses|ceo|director|president|owner)', 'executive (?:office|team|complaints?)',
    ]),
    { broad: true, quietIn: [/\b(?:our|my) (?:own )?(?:ceo|chief executive|managing director|md|chair\w*|president|founder|owner|board|director|head office|directors)\b|\bboard (?:meeting|game|room|plan|basis)\b|\b(?:half|full|bed and) board\b|\bon board\b|\b(?:i'?m|i am) (?:the |a )?(?:ceo|owner|founder|director|president|chair\w*)\b|\bowner'?s? (?:manual|handbook|club)\b|\bdirector'?s? cut\b|\bfuneral director\b|\bthe (?:registered )?owner of (?:the|this|my) (?:car|vehicle|dog|phone|account|property|house)\b|\b(?:where|what)(?:'s| is) (?:your|the) head office\b|\bhead office (?:address|opening hours|phone number|location)\b/] },
  ),
  privacy: trigger(
    words([
      '(?:full|whole|entire) (?:card number|card details|account number|date of birth)', 'card number (?:printed|showing|visible|on (?:the|my) receipt)',
      'photo(?:graph)?(?:ed)? (?:of )?my (?:id|passport|driving licen[cs]e|licen[cs]e|card)', 'my (?:id|passport|driving licen[cs]e) (?:photo|scan|copy)',
      'posted (?:it )?in a (?:group|group chat|chat|whatsapp)', 'group chat', 'scam (?:email|text|call) (?:that )?knew', 'knew my (?:order|account|name|address|details)',
      'customer data', 'data protection', 'gdpr', 'data (?:leak|breach)', 'leaked', 'hacked', 'hackers?', 'hacking', 'phish\\w*', 'identity theft', 'stolen identity', 'stranger\'?s? (?:name|details|address|account|number|photo)', 'without (?:my )?(?:consent|permission)',
      'discuss\\w* my (?:diagnosis|health|condition|account|claim|debt|details) with',
    ]),
    { broad: true, quietIn: [/\b(?:privacy|data) (?:screen|filter|glass|protector|fence|setting|settings|policy page|roaming|plan|allowance|usage|bundle|booster|sim)\b|\bbreach(?:ed)? (?:of )?(?:contract|warranty|the terms)\b|\bleak(?:ing|s|ed)? (?:tap|pipe|roof|boiler|radiator|water|from|under|in the)\b|\b(?:water|roof|pipe|tap|boiler|radiator|bottle|bag|oil|battery) (?:is |was |has |keeps )?leak\w*\b|\bupdate my (?:details|data)\b|\bchange my (?:details|data)\b|\bexport my data\b|\bis my data (?:stored|kept|safe|secure)\b|\bhow (?:do|can) i (?:update|change|check|see|download)\b|\bmy details (?:are|have) changed\b|\bhack(?:s|y)? (?:for|to)\b|\blife ?hack\b|\bhackathon\b|\bconfidential(?:ly)? (?:waste|shredding|reference)\b|\bin the event of\b|\bif (?:there|someone|my)\b/] },
  ),
  vulnerable: trigger(
    words([
      'heart (?:surgery|op|operation|attack|condition|failure)', 'just come (?:home|out) (?:of|from) (?:hospital|surgery)', 'out of hospital', 'in hospital',
      'major surgery', 'operation last', 'surgery', 'cancer', 'chemo', 'stroke', 'seriously ill', 'critically ill',
      'full-?time carer', 'recovering from', 'visually impaired', 'partially sighted', 'registered blind', 'sofa surfing', 'homeless', 'hostel', 'shelter', 'refuge', 'evicted', 'eviction', 'bereave\\w*', 'funeral', 'passed away',
      'died', 'death', 'grieving', 'grief', 'widow\\w*', 'divorce', 'domestic abuse', 'abusive', 'depress\\w*', 'anxiety', 'panic attacks?',
      'mental health', 'suicid\\w*', 'self-?harm', 'can\'?t cope', 'not coping', 'desperate', 'at my wits\' end', 'pregnant', 'newborn',
      'pensioner', 'dementia', 'alzheimer\'?s?', 'autis\\w+', 'learning disabilit\\w+', 'redundan\\w+', 'lost my job', 'unemployed', 'universal credit', 'food ?bank', 'can\'?t afford', 'arrears', 'hardship',
    ]),
    { broad: true, quietIn: [
      /\b(?:died|dead|death|passed) (?:battery|phone|laptop|car|engine|plant|server|on me|last night)\b|\b(?:battery|phone|laptop|app|system|crm|printer|car|engine|plant|parcel|server|trial|signal|link) (?:has |had )?(?:just )?(?:died|passed)\b|\blate (?:order|delivery|payment)\b|\bblind (?:spot|bag|date|fitting|fitter|cord|slats?|for (?:the|my|our) (?:window|kitchen|bedroom|bathroom|living room))\b|\b(?:roller|window|venetian|vertical) blinds?\b/,
      /\b(?:is|are|was|were) (?:there|you|it|the \w+)\b[^.!?\n]*\?|\bdiscount\b|\b(?:wheelchair|disabled|step-?free) (?:access|accessible|parking|toilet|room|space|bay|seating)\b|\baccessible\b|\bdeaf (?:loop|friendly)\b|\bhearing loop\b|\bsurgery (?:on|opening|hours|phone|address|car park|is (?:open|on))\b|\b(?:the|my|our|your|local|gp|dental|vet) surgery\b/,
      /\b(?:i'?m|i am) (?:a |the )?(?:\w+ )?carer for\b[^.!?\n]{0,60}\b(?:can i|could i|how do i|is it)\b|\bdebt (?:collection agency|management plan)? ?(?:letter|department|team)\b(?=[^.!?\n]{0,40}\?)|\b(?:direct )?debit\b|\bno debt\b|\bdebt-?free\b|\bbenefits (?:of|include|package|scheme)\b|\bemployee benefits\b|\bdeath (?:metal|star|valley)\b|\bwidow(?:ed)? (?:line|orphan)\b/,
      /\b(?:my|our) (?:late |dear )?(?:grand(?:ma|mother|dad|father|parents?)|nan|gran)'?s? (?:recipe|favourite|favorite|old|ring|book)\b|\brecovering (?:the|my|a) (?:account|password|data|file|files|email|costs?)\b|\brecovery (?:code|key|email|phone)\b|\bstruggling (?:to|with) (?:find|log|sign|understand|use|get|work out|the (?:app|website|site|form))\b/,
    ] },
  ),
  repeat: trigger(
    words([
      'umpteen(?:th)?', 'countless (?:times|emails|calls|messages)', 'lost count', 'more times than', 'again and again', 'over and over',
      'already (?:sent|emailed|called|rung|told|explained|reported|provided|given|asked|written) (?:\\w+ ){0,4}(?:twice|before|three times|again|already|several times)',
      'sent (?:these|them|this|it) (?:\\w+ )?twice', 'in (?:january|february|march|april|may|june|july|august|september|october|november|december) and (?:again )?in',
      '(?:reported|raised|logged|mentioned) (?:this|it)? ?(?:\\w+ ){0,3}in (?:january|february|march|april|may|june|july|august|september|october|november|december)',
      'same (?:issue|problem|fault|question) (?:i|as|that i) (?:reported|raised|had|mentioned|asked)', 'still no (?:reply|response|answer|word|update)',
      'not one (?:reply|response|answer|call ?back)', 'no one ever', 'nobody ever', 'never (?:replied|responded|called back|got back)', '(?:second|third|fourth|fifth|\\d+(?:st|nd|rd|th)) (?:garage visit|engineer visit|phone call|call|email|chat)',
    ]),
    { broad: true, quietIn: [/\b(?:second|third|2nd|3rd) time (?:ordering|buying|booking|staying|using|shopping|flying|joining|visiting|here)\b|\btried (?:\w+ )?(?:twice|three times|several times|multiple times) to\b|\bonce again,? (?:thank|thanks|great|brilliant|lovely)\b|\bstill waiting (?:for|on) (?:delivery|my (?:order|parcel|package)) (?:which|that) (?:is|was) (?:due|expected) (?:today|tomorrow)\b/] },
  ),
};

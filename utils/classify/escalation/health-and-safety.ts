/**
 * Danger to health or safety: an injury, a burn or an allergic reaction; food poisoning or a
 * foreign object, mould or pests in food; fire, smoke, sparks, overheating, a swollen battery, an
 * explosion or shattering glass; gas, carbon monoxide, exposed live wiring, an electric shock;
 * failing brakes, steering, airbags or tyres and recalls; a wrong medicine or dose; unsafe
 * premises (loose railings, falls, broken door locks, sewage, dirty water). Written from general
 * knowledge of each hazard. Not raised by product names and idioms (fire pits, smoked fish, a
 * "killer" offer, "I can't recall"), parts ordered before anything failed, a phone "dying", street
 * names with "Hospital" in them, a denial ("nothing caught fire, it just clicks"), questions about
 * what would happen if something failed, allergen questions before buying, software bugs, a
 * cash machine keeping a card, or a "shock" at a price.
 */
import { trigger, type KindLexicon } from './trigger-rules';

const BODY = String.raw`(?:hands?|arms?|fingers?|thumbs?|wrists?|legs?|ankles?|knees?|foot|feet|toes?|hips?|back|neck|head|face|eyes?|nose|lips?|mouth|tongue|throat|tooth|teeth|skin|chest|ribs?|shoulders?|elbows?|collarbone|scalp|forehead|cheek|chin)`;
const OWNER = String.raw`(?:my|his|her|their|our|your|a|the)`;
const FOODS = String.raw`(?:meal|food|sandwich|salad|pizza|burger|wrap|pie|cake|bread|loaf|croissant|pastry|cereal|bar|snack|yoghurt|yogurt|drink|coffee|tea|juice|milk|soup|rice|pasta|noodles|curry|chicken|meat|fish|sauce|dessert|packet|tin|jar|bottle|takeaway|dish|biscuits?|crisps|chocolate|sweets|baby food|formula)`;
const FOOD_CONTEXT = /\b(?:ate|eaten|eating|eat|drank|drunk|drinking|meal|food|takeaway|dish|restaurant|branch|kitchen|menu|cooked|chicken|meat|fish|pizza|burger|curry|shawarma|kebab|sandwich|salad|box|kit|after (?:eating|drinking|taking|using)|from your)\b/;

export const HEALTH_AND_SAFETY: KindLexicon = {
  kind: 'safety',
  triggers: [
    // injuries and falls
    trigger([
      String.raw`\b(?:injur(?:y|ies|ed|ing)|wounded|concussion|concussed|fractur(?:e|ed|es)|sprain(?:ed)?|dislocat(?:ed|ion)|gash(?:ed)?|laceration|whiplash)\b`,
      String.raw`\b(?:needed|had|got|required|needing) (?:\d+ |five |six |seven |eight |nine |ten |a few |some )?stitches\b|\bbled (?:everywhere|a lot|badly)\b|\b(?:was|is|were|kept|started) bleeding\b`,
      String.raw`\b(?:hurt|cut|burn(?:ed|t)?|scald(?:ed)?|broke|bruised|fractured|sprained|twisted|strained|pulled|grazed|scraped|banged|bumped|hit|chipped|cracked|trapped|crushed|sliced|slashed) ${OWNER} (?:[\w']+ )?${BODY}\b`,
      String.raw`\b(?:burns?|cuts?|bruises?|blisters?|wounds?|gash|rash|swelling) (?:on|to) ${OWNER} (?:[\w']+ )?${BODY}\b|\b(?:broken|fractured|sprained|chipped|cracked|dislocated) ${BODY}\b`,
      String.raw`\b(?:i|he|she|we|they|you|someone|somebody|(?:my|our|his|her|their) [\w']+)(?: \w+)? (?:got|was|were|has been|have been|had been|being|could have been|could've been|might have been|nearly|almost) (?:badly |seriously |really |quite |nearly |almost )?(?:hurt|injured|burnt|burned|scalded|electrocuted|killed)\b|\b(?:badly|seriously) (?:hurt|injured|burnt|burned)\b`,
      String.raw`\b(?:hurt|injured|burnt|burned|scalded) (?:me|him|her|them|us|myself|himself|herself|themselves|ourselves)\b`,
      String.raw`\b(?:i|he|she|we|they|(?:my|our|his|her|their) [\w']+) (?:\w+ )?(?:slipped|tripped|fell|fallen|has fallen|had fallen) (?:on|over|down|off|from|onto|into|against|through)\b`,
      String.raw`\b(?:threw|thrown|knocked) (?:me|him|her|them|us) (?:off|over|down|to the ground|into)\b|\bwent flying\b|\b(?:bump|lump|cut|gash|bruise|burn|wound) (?:on|to) (?:his|her|my|their|your|the) (?:head|face|forehead|leg|arm|hand|back|knee|foot)\b|\b${BODY} (?:is |was |are |were |got |has )?(?:\w+ )?(?:swollen|bleeding|broken|fractured|sprained|bruised|burnt|burned|blistered|numb)\b|\b(?:fell|fallen|falling|tumbled) (?:off|from|down) (?:the|a|an|his|her|my|their) \w+`,
      String.raw`\b(?:could|might) have (?:been )?(?:killed|died|caused an accident|seriously (?:hurt|injured|harmed))\b|\bcould(?:'ve| have) (?:killed|hurt|injured) (?:me|him|her|them|us|someone|somebody|my \w+)\b|\bnearly (?:killed|died|choked|crashed)\b`,
      String.raw`\b(?:ended up|taken|rushed|admitted|had to go|had to take (?:him|her|them|my \w+)|went|been|spent (?:the|a|two|three|several) (?:night|evening|day|days|hours?) in|sent (?:him|her|me|us|them) to|called) (?:to |in |into |at |for )?(?:the |an |a )?(?:local |nearest )?(?:a&e|accident and emergency|emergency room|emergency department|urgent care|hospital|ambulance)\b`,
      String.raw`\b(?:ambulance|paramedics) (?:came|arrived|was called|were called|took)\b|\bon a drip\b|\b(?:tuve|tuvimos|tuvo) que ir a urgencias\b|\bacab(?:é|ó|amos) en urgencias\b`,
    ], {
      unless: [
        /\bcut (?:my|the|our|your) (?:bill|costs?|price|prices|contract|ties|losses|hair|grass|lawn|hedge)\b|\bbroke (?:my|the) (?:heart|bank|news)\b/,
        /\b(?:personal )?injury (?:cover|claims? (?:cover|process|lawyer)|insurance|benefit)\b|\b(?:cover|covers|covered|insure|insured) (?:for )?(?:personal )?injur/,
        /\bhurt (?:by (?:the |your |how |what |his |her |their )|my feelings|our business|my (?:credit|chances|rating))/,
        /\bnearly died (?:laughing|of (?:embarrassment|shame|boredom))\b/,
        /\b(?:phone|parcel|box|package|handle|door handle|shelf|leg|wheel|lid|cover|case|screen|button|knob|zip|strap|label|sign|part|piece|item|tv|picture|mirror|curtain|blind|pole|bracket|order|booking|deal|price|signal) (?:has |had )?(?:fell|fallen) (?:off|down|over|out|through)\b/,
      ],
    }),
    // allergic reactions, illness from food, contamination, choking
    trigger([
      String.raw`\b(?:allergic reaction|anaphyla\w+|epi-?pen|adrenaline (?:pen|shot|injection|jab)|reaction (?:after|to|from) (?:eating|drinking|using|taking|the)|(?:had|having|has|suffered|developed) (?:a |an )?(?:severe |bad |serious |allergic |nasty )?reaction|swell(?:ed|ing) up|throat (?:closing|closed|swelled|swelling)|broke out in (?:hives|a rash)|hives all over|ronchas|reacci[oó]n al[eé]rgica)`,
      String.raw`\b(?:food poisoning|salmonella|e\.? ?coli|listeria|norovirus|campylobacter|botulism|intoxicaci[oó]n alimentaria)`,
      String.raw`\b(?:found|there was|there's|there were|contained|containing|had|bit into|nearly swallowed|swallowed)(?: a| an| some| what looks like| what looked like)?(?: small| tiny| sharp| large| big| long| blue| black| white| clear)? (?:piece|shard|bit|sliver|chunk|fragment|lump|splinter)s? of (?:glass|metal|plastic|wire|wood|bone|rubber|stone)\b`,
      String.raw`\b(?:glass|metal|plastic|wire|wood|rubber|hair|hairs|screw|nail|bolt|blade|stone|insect|insects|fly|flies|maggots?|worms?|cockroach|plaster|band-?aid|fingernail|piece|shard|fragment|splinter) (?:in|inside) ${OWNER} (?:[\w']+ )?${FOODS}\b`,
      String.raw`\b(?:mouse|mice|rat|rodent) droppings\b|\b(?:droppings|maggots|cockroach(?:es)?|rodents?|weevils|mould|mold) (?:in|inside|on|all over) ${OWNER} (?:[\w']+ )?(?:${FOODS}|kitchen|restaurant|fridge|bag of \w+)\b`,
      String.raw`\bundeclared (?:allergens?|nuts|peanuts|milk|dairy|gluten|sesame|eggs?|soy|shellfish)\b|\b(?:nut|peanut|dairy|gluten|milk|egg|sesame|soy)[- ]free\b[^\n]{0,120}\b(?:had|has|contained|contains|with|full of|clearly) (?:\w+ )?(?:nuts|peanuts|milk|dairy|gluten|sesame|eggs?|soy|cream|cheese)\b|\b(?:'|")?(?:nut|dairy|gluten|milk|egg|sesame|soy)[- ]free(?:'|")?[^.!?\n]{0,80}\b(?:contains|contained|reaction|allergic|lab test|traces)\b|\b(?:contains|contained) (?:traces of )?(?:nuts|peanuts|milk|dairy|gluten|sesame|egg|soy|shellfish)\b[^.!?\n]{0,80}\b(?:free|says no|said no|label|wrapper|packaging|allerg)`,
      String.raw`\b(?:contaminat(?:ed|ion)|tampered with|raw in the middle|(?:raw|undercooked) (?:chicken|pork|meat|burger|sausages?)|(?:meat|chicken|fish|milk|food|salad|baby food) (?:was |had |has |had already )?(?:gone off|rotten|mouldy|moldy|off)\b)`,
      String.raw`\b(?:chok(?:ed|ing)|choke hazard|choking hazard|small parts came off|atragant\w+)\b`,
    ], {
      unless: [
        /\bchok(?:ed|ing) (?:up|back)\b|\bcross[- ]contamination (?:risk|policy|procedures?|controls?)\b|\brisk of (?:cross[- ])?contamination\b|\bcontamination (?:risk|policy)\b/,
        /\b(?:machine|atm|cash ?machine|cashpoint|slot) swallowed\b/,
      ],
    }),
    trigger(String.raw`\b(?:vomit(?:ing|ed)?|violently (?:ill|sick)|been sick|were sick|was sick|throwing up|threw up|diarrh(?:o)?ea|stomach cramps|poisoned)\b`, {
      needs: FOOD_CONTEXT,
      needsIn: 'message',
      unless: [/\bsick (?:of|and tired|note|pay|leave|day)\b|\bcall(?:ed)? in sick\b|\boff sick\b|\bwas sick (?:so|and) (?:had|couldn't|could not|missed)\b/],
    }),
    // fire, smoke, heat, explosion, electricity, gas
    trigger([
      String.raw`\b(?:caught fire|catch(?:es|ing)? fire|on fire|set (?:itself |the \w+ )?(?:on )?fire|burst into flames|went up in flames|flames (?:came|coming|shot)|fire hazard|started a fire|nearly (?:caught|started) (?:a )?fire|could have (?:started|caused) a fire|(?:engine|engine bay|car|van|battery|electrical|kitchen|house|charger) fires?|fire (?:broke out|started))\b|\bse (?:ha )?(?:quemado|incendi\w+)|\bcasi se incendia|\bsalido humo|\bsale humo`,
      String.raw`\b(?:(?:toxic |chemical |acrid |black )?fumes|melted|melting) (?:\w+ ){0,4}?(?:room|house|kitchen|flat|car|socket|plug|back|side|casing|wall|floor|everywhere|while|when)\b|\b(?:filled|fill|filling) (?:the|our|my) (?:room|house|kitchen|flat|car) with (?:fumes|smoke)\b|\b(?:smoke (?:came|coming|pouring|started|billowing|was coming|from|out of)|(?:started|began|was|is|were|kept) smoking|burning smell|smell(?:ed|s)? (?:of|like) burning|smells? burnt|scorch(?:ed|ing|es|marks?)|charred|black marks? on the (?:socket|plug|wall|wire|cable)|melt(?:ed|ing) (?:plug|socket|cable|wire|casing|charger|lead|adapter))\b|\b(?:plug|socket|cable|wire|wiring|casing|charger|lead|adapter|battery|fuse)[^.!?\n]{0,30}\bmelt(?:ed|ing)\b`,
      String.raw`\b(?:spark(?:s|ed|ing)|arcing|exploded|explod(?:es|ing)|explosion|blew up)\b|\b(?:glass|lid|door|panel|shower screen|oven door|window|bottle|jar|bulb|kettle|dish) (?:\w+ )?(?:shattered|exploded|burst)\b|\bshattered (?:by itself|on its own|spontaneously|while|when (?:i|we) (?:was|were) (?:cooking|using))\b`,
      String.raw`\b(?:overheat(?:ed|ing|s)?|too hot to (?:touch|hold)|(?:got|gets|getting|became|becomes|was|is) (?:very |really |extremely |dangerously )?hot to the touch|swollen battery|battery (?:is )?(?:swollen|swelling|bulging|expanded|puffed)|bulging battery|screen (?:is )?lifting)\b`,
      String.raw`\b(?:electric(?:al)? shock|(?:got|gave me|giving|received|get|had) (?:a |an )?(?:nasty |bad |small |big )?electric(?:al)? shock|shock (?:off|from) (?:the|my|a) (?:switch|socket|plug|appliance|kettle|toaster|washing machine|washer|oven|charger|cable|lamp|tap|heater|device|machine|fridge|shower)|electrocut\w+|live (?:wires?|cables?|wiring)|exposed (?:wires?|wiring|cables?)|bare wires?|tripped (?:the|our) (?:whole )?(?:house|electrics|fuse ?box|breaker|power)|tripped the whole)\b`,
      String.raw`\b(?:gas leak|leaking gas|smell(?:ed|s|ing)? (?:of )?gas|gas smell|carbon monoxide)\b|\b(?:co|carbon monoxide|smoke|fire|gas) (?:alarm|detector)s?\b[^.!?\n]{0,30}\b(?:went off|going off|keeps going off|kept going off|sounded|sounding)\b`,
    ], {
      quietIn: [/\b(?:emergency|helpline|contact|phone) (?:number|line|details)\b|\bwhat (?:do|should) (?:i|we) do (?:if|in case)\b|\bin case (?:of|there'?s) (?:a )?(?:gas leak|fire|power cut|flood|leak|emergency)\b/],
      unless: [
        /\bfire ?(?:tv|stick|tablet|pit|place|wall|door|extinguisher|drill|alarm test|safety certificate)\b|\bsmoke[- ]?(?:free|flavou?r|house|salmon|machine)\b|\bsmoky\b|\bsmoked (?:salmon|ham|cheese|paprika|bacon)\b|\b(?:non-?|no )smoking\b|\bsmoking (?:room|area|policy|ban)\b/,
        /\bspark(?:s)? (?:plan|mail|app|joy|plug|energy|broadband)\b|\bsparkling\b|\bexplod(?:e|ed|ing) (?:with|in) (?:joy|popularity|messages|notifications)\b|\b(?:prices|sales|demand|inbox|phone) (?:has |have )?(?:exploded|blew up)\b|\bblew up at\b/,
        /\b(?:hot|burning) (?:deal|offer|question|topic)\b|\bgas (?:bill|meter|account|tariff|price|safety (?:check|certificate|inspection))\b|\bsmoke alarms? (?:with|that|for|compatible)\b/,
      ],
    }),
    // vehicles and machines failing in use, recalls, premises
    trigger([
      String.raw`\bbrakes? (?:failed|fail(?:ing|s)?|gave out|stopped working|didn't work|did not work|don't work|do not work|aren't working|locked up)\b|\b(?:brake )?pedal (?:went|goes|sank|dropped) (?:straight )?to the floor\b|\b(?:caliper|wheel nut|wheel bolt|bolt|nut)s? (?:was |were |had been )?(?:left )?(?:loose|not tightened|missing)\b`,
      String.raw`\bsteering (?:locked|lock(?:ed|s)? up|failed|stopped working|seized)\b|\bairbags? (?:deployed|went off|failed|didn't deploy|did not deploy|may rupture|could rupture|fault)\b|\b(?:tyre|tire) (?:blew|blow-?out|burst|exploded|came off)\b|\bwheel (?:came|fell) off\b`,
      String.raw`\b(?:cut out|cuts out|stalled|lost (?:all )?power|accelerated by itself|shut down) (?:at (?:\d+ ?mph|speed|\d+ ?km)|on (?:the|a) (?:motorway|dual carriageway|highway|freeway|m\d+|a\d+|roundabout|bridge|level crossing)|while (?:i was |we were )?driving|in the fast lane|in traffic|mid-?journey)\b`,
      String.raw`\b(?:product|safety|vehicle|manufacturer'?s?) recall\b|\b(?:a|the|this|that) recall (?:on|for|letter|notice|notification|announcement)\b|\bbeen recalled\b|\b(?:is|was|are|were|being) recalled\b|\brecall (?:letter|notice)\b|\bis there (?:a|any) recall\b`,
      String.raw`\b(?:lift|elevator) (?:got stuck|stuck|broke down|dropped|fell)\b|\btrapped in (?:the|a) (?:lift|elevator)\b|\b(?:railing|rail|banister|handrail|balcony|stair|stairs|ceiling|floorboard)s?(?: [\w']+){0,4}? (?:is|was|are|were|came|gave|has|had) (?:very |really |completely |badly )?(?:loose|broken|collapsed|off|way|come away|wobbly|unsafe|moved)\b|\bceiling (?:fell|collapsed|came down)\b|\bsharp (?:edges?|metal|enough to cut)\b|\b(?:exposed|protruding) (?:nails?|metal|screws?|spikes?)\b`,
      String.raw`\b(?:front|main|communal|entrance|entry|fire|security|building) door(?: lock)? (?:is |has been |was |'s )?(?:broken|not locking|won't lock|doesn't lock|does not lock)\b|\b(?:lock|door lock) (?:to|on) the (?:block|building|front door|main door|communal door) (?:is |has been |was )?broken\b|\banyone can (?:walk|get|wander) in\b`,
    ], {
      unless: [/\brecall (?:my|the|your|whether|if|what|when|how|which|who|where|seeing|saying|ordering)\b|\bcan'?t recall\b|\bdon'?t recall\b/],
    }),
    // medicines and treatment
    trigger([
      String.raw`\bwrong (?:medication|medicine|medicines|tablets|pills|dose|dosage|strength|injection|jab|vaccine|drug|drugs|insulin|inhaler)\b|\b(?:overdose|double dose|double-?dosed)\b|\b(?:someone else'?s|somebody else'?s|another (?:patient|child|person|customer|resident)'?s|a different (?:patient|child|person|resident)'?s) (?:\w+ )?(?:medication|medicine|tablets|pills|prescription|inhaler|insulin|injection|vaccine|drugs?)\b|\b(?:given|gave (?:him|her|me|them)) (?:someone else's|another patient's|a different patient's|the wrong) (?:medication|prescription|tablets|injection|medicine)\b|\b(?:wrong|different|another) patient'?s? (?:name|notes|records|details|prescription|medication|label)\b`,
      String.raw`\b\d+ ?mg\b[^.!?\n]{0,60}\b(?:instead of|rather than|filled with|were|was|but)\b[^.!?\n]{0,30}\b\d+ ?mg\b`,
      String.raw`\b(?:medication|medicine|insulin|doses?) (?:was |were |has been |had been )?(?:missed|not given|forgotten|skipped)\b|\bmissed (?:her|his|my|their) (?:medication|medicine|insulin|doses?)\b`,
      String.raw`\b(?:fainted|passed out|lost consciousness|unconscious|(?:had|having|has) a seizure)\b|\b(?:i|he|she|they|we|(?:my|our|his|her) [\w']+) (?:\w+ )?collapsed\b`,
      String.raw`\b(?:bolus|dose|dosage|insulin) (?:calculator|calculation)\b[^.!?\n]{0,80}\b(?:wrong|should have been|incorrect|instead)\b|\b(?:could|might|would|will) (?:seriously )?(?:harm|hurt|kill|injure) (?:someone|somebody|people|a patient|a child|children|a baby)\b`,
    ]),
    // general danger words, unhealthy premises and water
    trigger([
      String.raw`\b(?:unsafe|not safe|dangerous|hazardous|a (?:health |safety |fire |choking )?hazard|safety (?:issue|risk|concern|hazard|problem|defect)|health (?:risk|hazard)|risk to (?:life|health|safety)|put (?:us|people|my \w+|our \w+|lives|children|kids|anyone|someone) at risk|life-?threatening|(?:don't|do not) feel safe|not comfortable (?:driving|using|keeping|letting))\b`,
      String.raw`\b(?:sewage|legionella|asbestos|bed ?bugs|black mould|damp and mould|mould (?:in|on|all over) ${OWNER} (?:[\w']+ )?(?:bedroom|room|walls?|ceiling|flat|house|bathroom|kitchen))\b`,
      String.raw`\b(?:tap |drinking )?water (?:is|was|has been|looks|came out|comes out|coming out|turned) (?:brown|black|cloudy|discoloured|discolored|yellow|orange|green)\b|\b(?:brown|discoloured|discolored|contaminated) (?:tap )?water\b|\b(?:chemical|petrol|diesel|sewage) (?:smell|taste)\b|\b(?:smells|tastes) (?:of|like) (?:chemicals?|something chemical|petrol|diesel|bleach|sewage)\b|\bis (?:this|the|our|my) (?:tap )?water safe\b`,
    ], {
      unless: [/\bnot dangerous\b|\bdangerously (?:good|cheap|addictive|tasty)\b|\bdamp (?:proof|course)\b|\bsafe to (?:use|eat|drink) (?:for|with|if|during)\b/],
    }),
      // Broad vocabulary of harm and hazard, raised on mention unless the sentence is an innocent context.
    trigger(String.raw`\b(?:scald(?:s|ed|ing)?|(?:nasty|bad|serious|small|painful|deep) (?:burn|cut|gash|bruise|scald|wound)|blister(?:s|ed)? (?:on|from)|boiling water (?:went|poured|spilled|splashed)|stitches|hospitali[sz]ed|intensive care|a&e|emergency room|ambulance|concussion|unconscious|(?:fell|falls|fallen|tumbled|tumbling|slipped|tripped|toppled) (?:down|off|over|from|onto|into|through|backwards)|(?:collapsed|gave way|came away|came off) (?:when|while|as|under|in my|on (?:me|him|her|us|them))|exposed (?:elements?|wires?|wiring|cables?|live|electrics|metal|nails?)|water (?:pouring|leaking|dripping|coming) (?:through|into|out of|from) (?:the )?(?:ceiling|light|socket|fuse|plug|electrics|lights)|electrics|electrocut\w*|fire hazard|smoke|flames?|sparks?|overheat\w*|melt(?:ed|ing)|exploded?|explosion|fumes|toxic|poison\w*|contaminat\w*|choke|chok(?:ed|ing)|swallowed|allergic|anaphyla\w*|epipen|reaction|hazard|dangerous|unsafe|injur\w*|hurt (?:him|her|them|me|us|my|his|their|badly|himself|herself)|broken (?:bone|arm|leg|wrist|ankle|nose|rib|finger|toe|collarbone|hip)|recall(?:ed)?|airbags?|brakes? (?:went|gone|failed|failing)|steering (?:went|failed|locked))\b`, {
      broad: true,
      quietIn: [
        /\b(?:smoke|fire|co|carbon monoxide) (?:alarm|detector)s?\b(?![^.!?\n]{0,30}\b(?:went off|going off|sounded|beeping))|\bsmoke[- ]?(?:free|flavou?r|grey|gray|house|salmon)\b|\bsmok(?:y|ed) (?:salmon|ham|cheese|paprika|bacon|bbq|brisket|chipotle)\b|\b(?:non-?|no )smoking\b|\bfire ?(?:tv|stick|tablet|pit|place|wall|door|extinguisher|drill|cracker|safety certificate)\b|\bflame[- ]?grilled\b|\bsparkling\b|\bspark (?:plan|mail|app|energy|broadband)\b/,
        /\b(?:can'?t|don'?t|cannot|couldn'?t) recall\b|\brecall (?:my|the|your|whether|if|what|when|how|which|who|where|seeing|saying|ordering)\b|\b(?:what|how) (?:is|are) (?:the |your )?(?:allergen|allergy)\b|\ballergen (?:information|info|matrix|list|menu)\b|\b(?:is|are|does|do|can|could) (?:it|they|this|the \w+) (?:contain|safe|suitable|dangerous)\b|\bmy (?:\w+ )?is allergic\b(?=[^.!?\n]{0,60}\?)|\ballergic to\b(?=[^.!?\n]{0,60}\?)|\bpublic liability\b/,
        /\b(?:prices?|rates?|sales|demand|inbox|phone|signal|share price|followers|numbers) (?:have |has )?(?:exploded|melted|fell|fallen|collapsed|dropped)\b|\bmelt(?:ed|ing)? (?:chocolate|ice|cheese|butter|snow)\b|\b(?:chocolate|ice ?cream|cheese|butter|snow|candle|wax) (?:had |has |was )?melt(?:ed|ing)\b|\b(?:fell|fallen) (?:through|behind|apart|asleep|out with|off the (?:radar|list|system))\b|\b(?:order|booking|parcel|deal|delivery|plan|price|item|box|package|signal) (?:\w+ )?(?:fell|fallen|collapsed)\b/,
        /\b(?:machine|atm|cash ?machine|cashpoint|slot|reader|terminal) (?:has |had )?swallowed\b|\bswallowed (?:my|the) (?:card|coins?|ticket|money)\b/,
        /\b(?:is|am|'m|'s|works as|work as|training as) an? (?:\w+ )?(?:paramedic|nurse|doctor|firefighter|fireman|surgeon|carer|midwife)\b|\b(?:is there|are there|any|what is the|what's the) (?:[\w-]+ ){0,3}(?:risk|chance|possibility)\b|\bsmell\w* (?:of|like) (?:cigarette |stale |old )?(?:smoke|cigarettes)\b|\bstank of smoke\b|\bcigarettes?\b|\bice ?packs?\b|\b(?:reaction|response) (?:to|from) (?:my|the|your|our) (?:complaint|email|letter|request|message|query|review|feedback|post)\b|\bchemical reaction\b|\bhurt my (?:feelings|business|credit|chances)\b|\b(?:gas|electric|electricity|dual fuel) (?:bill|meter|account|tariff|supply|price|safety check|engineer)\b|\bunsafe (?:link|website|site|email|attachment|password)\b|\bdangerously (?:good|cheap|tasty)\b/,
      ],
    }),
],
};

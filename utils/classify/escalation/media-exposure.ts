/**
 * Media or public exposure (002 §8 "monitoring online reviews and social media mentions"): a
 * customer who has gone or will go to journalists, newspapers, broadcasters, consumer programmes,
 * social media, review sites or community groups, or who asks for a comment on the record. Not
 * raised by advertising seen on TV, buttons to press, press releases and press offices, praise
 * and good reviews, questions about the company's own accounts, a press officer's signature, or
 * a journalist asking an ordinary question.
 */
import { trigger, type KindLexicon } from './trigger-rules';

const OUTLETS = String.raw`(?:(?:the |a |an |my |our |their )?(?:[\w]+ ){0,2}(?:section|desk|editor|team|programme) (?:of|at|on) )?(?:the |a |an |local |national )?(?:press|media|newspapers?|papers|local paper|national papers?|sunday papers|news|local news|(?:local |national )?(?:tv|television) (?:news|station|programme|program|show|channel)|radio(?: station| show| programme| phone-in)?|local radio|bbc|itv|sky news|channel (?:4|5|four|five)|watchdog|which\?|rip off britain|money ?box|you and yours|martin lewis|money ?saving ?expert|mse|daily mail|the guardian|the times|the sun|the mirror|evening (?:post|standard)|consumer (?:programmes?|programs?|shows?|champions?|columns?|rights (?:shows?|programmes?))|journalists?|reporters?|the verge|techcrunch|wired|the register|the telegraph|the independent|the observer|metro|the express|reddit|prensa|periódico|periodistas?|televisi[oó]n)`;
const PLATFORMS = String.raw`(?:social media|social|twitter|x\.com|facebook|fb|instagram|insta|tiktok|reddit|youtube|linkedin|mumsnet|threads|whatsapp(?: groups?)?|every platform|all platforms|everywhere|every site|all the review sites|review sites|google(?: reviews)?|trustpilot|tripadvisor|yelp|which\?|feefo|reviews\.io|redes(?: sociales)?|todas las redes|internet)`;
/** Posting or telling, as a verb: "posting", "I'll share", "going to put" (not a noun: "your latest post"). */
const SHARE_VERB = String.raw`(?:publicarlo|(?:(?:posting|posted|sharing|shared|plastering|plastered|uploading|uploaded|tweeting|tweeted|putting|writing|telling|told|spreading|blogging|blogged)|(?:will|'ll|to|gonna|i|we|and|now|then|already|just) (?:post|share|put|plaster|upload|tweet|write|tell|spread|blog))|publicar(?:é)?|contarlo|contar(?:é)?)`;

export const MEDIA_EXPOSURE: KindLexicon = {
  kind: 'media',
  triggers: [
    trigger([
      String.raw`\b(?:go|going|gone|went|take|taking|took|speak|speaking|spoken|spoke|talk|talking|talked|write|writing|wrote|send|sending|sent|been in touch|in touch|get in touch|getting in touch|hablado|acudir[ée]?)(?: (?:this|it|them|my story|the story|the photos|the videos?|everything|the whole thing|this whole thing))? (?:to|with|con|a) ${OUTLETS}\b`,
      String.raw`\b(?:contact(?:ed|ing)?|tell(?:ing)?|told|tip(?:ped)? off|approach(?:ed|ing)?|alert(?:ed|ing)?) ${OUTLETS}\b`,
      String.raw`\b(?:bbc|itv|sky news|channel (?:4|5)) (?:watchdog|news|radio|money ?box|consumer)\b|\bwatchdog\b|\brip off britain\b|\bmoney ?box\b|\bmartin lewis\b|\bconsumer (?:champion|programme|program|show|column)\b|@bbc\w*`,
      String.raw`\b(?:a|the|local|freelance|national) (?:journalist|reporter|newspaper|paper|radio station|tv station|news (?:desk|team))\b[^.!?\n]{0,60}\b(?:interested|wants? to|asked|is (?:writing|running|covering)|will be|speak to me|on the story|is already)\b|\b(?:journalist|reporter|periodista)s? (?:from|at|on) (?:the|a|my|el|la)\b|\b(?:he hablado|hablaré|voy a hablar|estoy hablando) con (?:un|una|varios|el|la) (?:periodistas?|periódicos?|medios?)\b`,
      String.raw`\b(?:comment|statement|response) (?:on|for) the record\b|\bbefore (?:i|we) (?:publish|post|go live|print)\b|\bright of reply\b|\bwriting (?:this |it )?up (?:for|as) (?:a |an |my )?(?:story|article|piece|blog|paper|column|report)\b|\bwriting (?:a |an |my )?(?:story|article|piece|report|column) (?:about|on) (?:what happened|this|you|your)\b|\b(?:article|story|piece|video|blog post) (?:about|on) (?:this|how you|what happened|your company|you)\b`,
      String.raw`\b${SHARE_VERB}\b[^.!?\n]{0,50}\b(?:on|across|all over|to|in|en) (?:my |the |every |all |our |todas las )?${PLATFORMS}\b|\b${SHARE_VERB} (?:this |it |the \w+ |everything |the whole \w+ )?(?:everywhere|all over the internet|far and wide|online)\b`,
      String.raw`\b(?:go(?:ing)?|gone|went) (?:public|viral)\b|\bgoing viral\b|\b(?:make|making) (?:this|it) go viral\b|\b(?:tell|telling|let|warn|warning) (?:everyone|everybody|all my (?:friends|followers|contacts)|every (?:parent|customer|driver|owner|one)|other (?:customers|people|parents|buyers|users|drivers|owners|travellers|shoppers))\b|\beveryone (?:will know|is going to hear)\b|\b(?:every|each) [\w ]{1,20} group on (?:facebook|fb)\b|\b(?:is|are|will|'s|'re) (?:going to|gonna) hear about (?:this|it)\b`,
      String.raw`\b(?:one|1)[- ]star reviews?\b|\b(?:expect|get ready for|look out for|watch out for|there will be|there'll be) (?:a |an |my |some )?(?:very |brutally |extremely |really )?(?:honest|bad|negative|scathing|damning|terrible|awful) reviews?\b|\b(?:leave|leaving|write|writing|post|posting|put|putting) (?:a |an |some )?(?:terrible|bad|negative|scathing|honest|awful|damning|detailed) reviews?\b|\b(?:leave|leaving|post|posting) reviews? (?:on|everywhere|across)\b|\breviews? on every (?:site|platform)\b`,
      String.raw`\b(?:\d+[\d,.]*k?|thousands of|lots of|loads of) (?:followers|subscribers|members)\b|\bi (?:run|have|admin|manage) a [\w' ]{0,30}(?:facebook|fb|whatsapp|community|local) (?:group|page)\b|\b(?:i'm|i am) a (?:tech |travel |food |beauty )?(?:youtuber|blogger|vlogger|influencer|tiktoker)\b|\bmy (?:audience|channel|followers|subscribers|blog)\b`,
      String.raw`\b(?:writing|write|leaving|leave|posting|post|doing|do|making|make|putting|put|filming|film|recording|record) (?:a |an |my |some )?(?:very |really |long |detailed |full |honest |public )*(?:tripadvisor|trustpilot|google|yelp|facebook|youtube|tiktok|instagram|twitter|reddit|feefo|which\?) (?:review|post|video|thread|story|reel)s?\b|\b(?:blast|splash|spread|plaster) (?:this|it|them|you) (?:all )?(?:over|across)\b|\b(?:thread|story|video) (?:below|incoming|to follow|coming)\b|\b(?:is|are|will|'s|'re) (?:going to|gonna) know (?:how|what|about)\b|\bthis week's (?:issue|episode|column|post|video)\b|\b(?:newsletter|podcast|channel|blog|page|column) (?:for|with|read by) (?:\d[\d,.]*k?|thousands|hundreds)\b`,
      String.raw`\b(?:don't|do not|never) (?:buy|book|bank|shop|fly|order) (?:from|with) (?:these|this|them)\b|\bstay (?:well )?away from (?:these|this|them)\b|\bavoid (?:this company|these people|them) at all costs\b`,
      String.raw`\b(?:tagging|tagged|cc'?ing|copying in) @?(?:bbc|itv|which|watchdog|moneysavingexpert|martinslewis)\w*`,
    ]),
  ],
  unless: [
    /\bpress (?:the|and hold|button|release|office|officer|enquir\w+|team|pack|kit|-fit|fit)\b|\bpress[- ]fit\b|\bnews(?:letter|letters)\b|\b(?:saw|seen|heard|read) (?:your |the |an? )?(?:ad|advert|advertisement|commercial|article|piece|feature|interview)\b/,
    /\b(?:5|five|4|four)[- ]star\b|\b(?:great|good|glowing|positive|lovely) reviews?\b|\breviews? (?:once|when|after) (?:it|they) (?:arrives?|comes?)\b/,
    /\b(?:what's|what is|where is|where's) your (?:instagram|twitter|facebook|tiktok|handle)\b|\bsocial media (?:manager|team|accounts?|handles?|pages?)\b/,
    /\btell (?:everyone|all my friends) (?:how (?:good|great|amazing|helpful)|about (?:your|the) (?:great|amazing|brilliant))\b/,
  ],
};

//! Hand-written crisis-language rules: weighted cue patterns with look-alike
//! exclusions.
//!
//! Each cue has a weight (how strongly it suggests risk on its own); cues that
//! overlap a look-alike (hyperbole such as "dying of embarrassment", talk about
//! other people, news, a plain denial) are dropped, and the rest combine as
//! `1 - prod(1 - weight)`. The learned model ([`super::model`]) sees which cues
//! and look-alikes fired as features of its own.

use crate::pattern::{Hit, PatternSet};
use crate::text::tokenize;
use crate::text::{sentences, Token};
use std::sync::OnceLock;

const SELF: &str = "myself|meself|myslf|mysef";

/// (pattern, weight). `{SELF}` is "myself" and its variants.
const CUES: &[(&str, f32)] = &[
    // explicit
    ("kill|killing|kil|kiling|unalive|unaliving|off|offing|murder ~1 {SELF}", 0.97),
    ("kms|unalive|unaliving|sewerslide|sewer|su1cide|suicde|sucide|suiside|sucidal|suicdal|suicidle|suicial|suisidal|suacide", 0.9),
    ("hurt|hurting|harm|harming|cut|cutting|burn|burning|punish|punishing|starve|starving|hit|hitting ~1 {SELF}", 0.93),
    ("hang|hanging|drown|drowning|shoot|shooting|poison|poisoning ~1 {SELF} / noose", 0.95),
    ("throw|throwing|hurl|fling ~1 {SELF} ~3 off|from|under|into|in", 0.9),
    ("slit|slash|cut ~1 my ~1 wrist*|throat|arm*|leg*|thigh*", 0.95),
    ("end|ending|take|taking ~1 my ?own life", 0.97),
    ("self harm|harming|injury|injuring|hurt / selfharm|selfharming", 0.93),
    ("i ~4 suicidal / suicidal ~1 thought*|feeling*|ideation|urge*|again|lately|today|tonight", 0.95),
    ("feel|feeling|felt|been|get|getting|am|so|really ~2 suicidal", 0.95),
    ("think|thinking|thought|considering|contemplat*|attempt*|commit|committing|plan|planning ~3 suicide|suicidal|ending", 0.93),
    ("i ~2 want|wanna|wish|hope|need|going|ready|plan|planning|trying ~2 to ~1 die / i ~2 want|wanna|wish ~2 to ~1 stop existing|living", 0.93),
    ("want|wanna|wanted|wish ~1 to|2 ~1 die / i wanna die / just wanna die / just want to die", 0.93),
    ("wish ~3 never ~1 been ~1 born / wish ~3 not|never ~1 born|exist|existed / wish ~4 not ~1 exist|alive", 0.9),
    ("cutting|cut ~1 again / urge ~2 cut|hurt|harm / about cutting", 0.9),
    ("overdose|overdosing|overdosed / about jumping / planning|plan|planned ~3 end ~1 it|my|everything", 0.88),
    ("deserve ~1 to ~1 die / not deserve ~1 to ~1 live|exist|be", 0.93),
    ("easier|better ~1 if ~1 i ~1 was|were|had ~2 dead|gone|alive|died / easier|better ~1 if ~1 i ~1 died|disappeared / better ~1 without ~1 me", 0.9),
    ("suicide ~3 mind|thoughts|thinking|again|lately / thoughts ~2 suicide", 0.9),
    ("hope ~1 i ~1 die / hope ~1 i ~1 get ~1 hit / hope ~1 i ~1 crash / feel|feeling ~1 like ~1 dying / feel|feeling ~1 like ~1 ending ~1 it", 0.88),
    ("reason ~1 to ~1 keep|go ~1 going|on|living / reason to live / disappeared ~1 forever / want ~1 out ~4 for ~1 good / stop|end ~1 forever", 0.85),
    ("want ~1 it ~2 over / life ~2 no ~1 meaning|point|purpose / no point ~2 anything|living|life", 0.5),
    ("wish ~1 i ~2 was|were|had ~2 dead|died|gone / wish ~1 i ~2 was|were|had ~1 never|not ~1 born|alive", 0.93),
    ("i ~2 should|could|might ~1 just ~1 die|disappear / might as well ~1 die|disappear / i ~2 should|might ~1 just|as ~1 well ~1 be ~1 dead|gone / i ~2 should ~1 just ~1 end ~1 it", 0.9),
    ("better off ~1 dead|gone / better off without me / better off if i ~2 was|were|had ~1 gone|dead|died|not", 0.93),
    ("not|never ~1 want ~1 to ~2 live|alive|exist|wake|here|around|living|on", 0.9),
    ("no|any ~1 reason|point|purpose ~2 to|in|for ~1 live|living|alive|exist|existing / no|any ~1 reason|point|purpose ~2 to|in ~1 go|going|keep ~1 on|going|living", 0.9),
    ("life ~2 not ~1 worth ~1 living|it / not worth living", 0.93),
    ("tired|sick|exhausted ~1 of ~1 living|existing|life / tired|sick|exhausted ~1 of ~1 being ~1 alive|here", 0.88),
    ("go to sleep ~3 never|not ~1 wake / never wake up / not wake up ~2 tomorrow|again|anymore / sleep forever", 0.9),
    ("end it all / end everything / ending it all / end it tonight / end it now / end things for good", 0.93),
    ("nobody|noone|one ~1 would|will ~2 miss|notice ~1 me / nobody|noone|one ~1 would|will ~2 care ~1 if ~1 i / would anyone ~2 miss me / would anyone ~2 care if i", 0.85),
    ("everyone|everybody|they|family|world|he|she|kids ~3 better ~1 off ~1 without me", 0.93),
    ("overdose|overdosing|od|odd ~2 on / take|taking|swallow ~2 all|whole|every ~3 pills|pill|bottle|meds|tablets / stockpiling|saving ~2 pills", 0.92),
    ("jump|jumping|step|stepping ~4 off|from|front ~3 bridge|roof|building|train|balcony|cliff|car|bus|ledge", 0.85),
    ("cease to exist / stop existing / not exist anymore / wish i did not exist / disappear forever / disappear for good", 0.85),
    ("i ~2 will not ~1 be ~1 alive|here|around ~2 much|anymore|tomorrow / i ~2 not ~1 going ~1 to ~1 be ~1 here|around ~2 much|anymore|tomorrow", 0.85),
    ("goodbye note|letter|letters|notes / final|last goodbye / writing|wrote|write ~2 my ~1 note / suicide note", 0.85),
    ("razor|razors|blade|blades", 0.55),
    ("relapse|relapsed ~4 cutting|harm|hurting|blades|cuts|cut", 0.9),
    ("thinking|thought|think ~2 about ~1 dying|death / thinking|thought|think ~2 about ~1 ending ~1 it / thinking|thought|think ~2 about ~1 not|being ~1 here|dead|alive|being", 0.8),
    ("not ~1 want ~1 to ~1 be ~1 here|alive|around / not ~1 want ~1 to ~1 exist", 0.9),
    ("done with ~1 life|living / done with being alive / done with it all", 0.85),
    ("burden ~2 everyone|everybody|all|family|you|him|her|people", 0.5),
    ("can not ~1 go|keep ~1 on|going|living / can not ~1 live ~1 like ~1 this / can not survive this", 0.5),
    ("hate|hating ~1 being ~1 alive / hate|hating living|existing", 0.6),
    ("hate|hating ~1 my ~1 life", 0.45),
    ("want|wish ~2 it ~1 all ~1 to ~1 stop|end / want|wish ~1 everything ~1 to ~1 stop|end|be over", 0.45),
    ("can not ~1 do|take ~1 this|it ~1 anymore", 0.4),
    ("what is ~1 the point ~2 of ~1 anything|life|living|trying|everything|existing", 0.55),
    ("what is the point / no point anymore", 0.3),
    ("disappear / vanish", 0.3),
    ("pills|pill", 0.3),
    ("suicid* / suicide", 0.45),
    ("die|dying|dead|death", 0.15),
    ("hopeless|empty|numb|worthless|trapped", 0.15),
    ("give up on ~1 everything|life|living|myself", 0.5),
    ("kill me ~1 now|already|please / just kill me", 0.35),
    // wishing to be dead, said as a preference or a comparison
    ("rather ~1 be ~1 dead / rather ~1 not ~1 be ~1 alive|here|around / rather ~1 not ~1 exist|live / being ~1 dead ~3 better|easier / dead ~1 would ~1 be ~1 better|easier", 0.9),
    ("rather ~1 die|died", 0.35),
    ("happier|easier|better|simpler|lighter|relieved ~2 if ~1 i ~1 was|were|had ~2 dead|gone|died / happier|easier|better|simpler|lighter ~2 if ~1 i ~1 was|were ~1 not ~1 around|here|alive / happier|easier|simpler ~2 if ~1 i ~1 died|disappeared|was|were ~1 gone", 0.9),
    ("leave|leaving|left ~1 this ~1 world|earth|planet / leave ~1 this ~1 life ~1 behind", 0.9),
    ("no point ~2 being ~1 alive|here|around / no point ~1 in ~1 living|existing|being / no point ~1 living|existing", 0.9),
    ("why ~4 keep|stay ~1 living|alive|existing|breathing / why ~4 be ~1 alive", 0.85),
    ("done ~1 living|existing / done with being alive", 0.85),
    ("can not ~1 live|survive|exist ~2 without", 0.4),
    // methods and preparation
    ("something ~2 to ~1 {SELF}", 0.85),
    ("drive|driving|drove|crash|crashing|steer|steering ~4 into ~3 wall|tree|traffic|river|truck|lake|oncoming|barrier|lorry", 0.85),
    ("ways|way|how ~2 to ~1 die / ways|way|how ~2 to ~1 kill|end ~1 {SELF}|it / painless ~2 way|ways|death|die|dying", 0.9),
    ("how many ~2 pills|tablets|pill / pills|tablets ~3 it ~1 would|will ~1 take|kill", 0.85),
    ("have|got|saved|ready ~2 the|my ~1 pills|rope|gun|razor / pills|rope|gun ~2 ready", 0.85),
    ("standing|stand|sitting|sat|climbed ~3 on|at|onto ~2 bridge|ledge|roof|rooftop|railing|railings|tracks", 0.6),
    ("scratch*|carv*|cut|cutting|burn*|hit ~6 until|till ~2 bled|bleed|bleeding|blood|bruised / made|make ~1 {SELF} ~1 bleed", 0.9),
    ("suicid* ~4 only|answer|option|solution|way ~1 out / only way out", 0.6),
    ("do|doing ~1 something ~1 stupid|drastic|dumb|crazy|bad", 0.35),
    // wanting to be dead, said in many ways
    ("want|wanna|wish|wishing|hope|hoping|ready|prefer ~3 to ~1 be ~1 dead|gone|over / just ~1 want|wanna ~1 to ~1 be ~1 dead|gone / keep ~1 wanting|wishing|hoping ~2 to ~1 die|dead|disappear", 0.9),
    ("welcome ~1 death / death ~3 relief|peaceful|peace|welcome|mercy|freedom|release / relief ~3 if ~1 i ~1 died|was|were ~1 dead|gone / ready ~1 to ~1 die / let ~1 me ~1 die|go / end ~1 me / take ~1 me ~2 now|already|away|please / not ~1 be|being ~1 alive|here ~3 anymore|any longer|much longer", 0.85),
    ("not|never ~1 see|find ~2 the|a|any ~1 point|reason ~3 living|going|anything|on|life|alive|being|here|existing|trying / what|whats ~1 is ~1 the point ~2 of ~1 me|living|livng|life|existing|being alive / pointless ~2 living|existing|being alive", 0.85),
    ("notice|care|miss ~3 if ~1 i ~1 was|were|am|died|disappeared|vanished|gone|dead / not|nobody|never ~3 notice|miss|care ~3 i ~1 am|was|were ~1 gone|dead", 0.85),
    ("i ~3 will not|never ~1 be ~1 alive|here|around ~2 by|for|to|much|next|longer|when|tomorrow|anymore|soon / still ~1 be ~1 alive|here|around ~1 by|then|next|tomorrow / not ~3 make ~1 it ~2 through|past|to ~2 tonight|night|week|today|tomorrow|weekend", 0.85),
    ("i ~3 burn*|cut|cuts|cutting|hit|hitting|slam*|punch*|scratch*|bang*|bit|bite|pinch*|stab*|carv* ~8 on ~1 purpose|purpos|purpose / i ~2 purposely|deliberately|intentionally ~2 burn*|cut|hurt|hit|slam*|scratch*", 0.9),
    ("i ~3 cut|cutting|cuts|cuting ~3 my ~1 arm|arms|thigh|thighs|wrist|wrists|leg|legs|skin|hip|hips|stomach|body / i ~3 cut|cutting|cuting ~2 again|deeper|today|tonight|every|more|last|myself / need|want|urge|urges|wanted ~2 to ~1 cut|sh / cut|cutting ~1 deeper|helps|calms / cuts ~3 on ~1 my / hiding|hide ~3 cuts|scars|burns|bruises", 0.9),
    ("relapse|relapsed ~4 sh|self ~1 harm|harming|cutting|hurting / sh|shd ~2 again|today|tonight|last|more / thinking ~2 of|about ~1 sh / self ~1 harm|harming ~2 again|tonight|today|urge|urges", 0.9),
    ("worked|figured|looked|googled|researching|researched|searched|search ~3 out|up ~3 dose|dosage|how many|how much|lethal|fatal|painless / lethal|fatal ~1 dose|amount|overdose / how many ~4 it ~1 takes|would take|to die|to kill / swallowed|took|taking|take ~3 everything|all|whole|half|rest ~3 of ~1 them|pills|cabinet|bottle|packet|box|meds|tablets / medicine cabinet", 0.88),
    ("exit ~1 plan / my ~1 plan ~3 not ~1 be / plan ~3 to ~1 not ~1 be ~1 here|alive|around / i ~3 know|decided|figured|worked ~3 how|when|where ~2 i ~1 will|would|am going ~2 do ~1 it / how ~1 i ~1 would|will|d ~1 do ~1 it / picked|chose|chosen|set ~2 a|the ~1 date / set ~1 everything ~1 up / go ~1 through ~1 with ~1 it / tied|tie|tying ~2 the|a ~1 knot|noose / bought|got|buy|have ~2 a|the|some ~1 rope / the ~1 logistics", 0.8),
    ("last|final ~1 entry|message|post|note|letter|goodbye / this is ~2 my|the ~1 last ~1 time|entry|message|post / by the time ~4 read|reads|find|finds|see|sees ~4 i will ~1 be ~2 gone|dead|peace|free / i will be gone ~2 by|before|soon|tomorrow / saying|say ~1 goodbye ~2 to ~1 everyone|everything|all / tell ~3 my ~1 mum|mom|mother|dad|family|kids|sister|brother ~3 i ~1 love|loved|am sorry / my ~1 last ~1 good ~1 day|night|week / last ~1 day ~2 on ~1 earth / sorry for ~2 what ~1 i ~1 am ~1 about|going ~1 to ~1 do", 0.85),
    ("giving|gave|give|given ~1 away ~3 my ~1 things|stuff|belongings|cat|dog|clothes|jacket|records|books|plants / won't|will not ~1 need ~2 them|it|anything ~1 anymore|where|soon / so ~1 no ~1 one|nobody ~2 has|have ~1 to ~2 sort|clean|deal", 0.8),
    ("check|checking ~1 out ~3 soon|good|permanently|real|weekend|tonight|forever / log|logging ~1 off ~2 permanently|forever|good|life / leave|leaving ~1 for ~1 good / gone ~1 for ~1 good / permanently|forever ~1 done|gone|asleep|sleep|stop|disappear / something ~1 permanent / permanent ~1 solution|fix|way|sleep|exit / sleep ~1 forever|4ever|permanently / fade ~1 away ~2 forever|and|for good / done ~1 done / stop ~1 being ~1 a ~1 burden", 0.85),
    ("i ~3 am ~3 a|such|just ~2 burden|burdun|waste|drain ~3 to|on|for ~2 everyone|everybody|all|them|you|my|people|him|her / i am ~2 a|such ~1 burden", 0.6),
    ("hope|hoping|wish|pray|praying ~3 i ~1 get|got|would ~2 hit|sick|killed|run over|cancer / hope|hoping|wish ~3 heart ~2 stops|stop|gives out / want|wants|hope|hoping|wish ~4 car|bus|train|truck|lorry|plane ~3 hit|hits|not stop|crash|crashes / part of me wants ~4 not ~1 stop|to hit|hit", 0.85),
    ("in ~1 the ~1 ground ~2 before|by|soon / six feet under / be ~1 a ~1 statistic / dead ~1 soon|by / picture|picturing|imagine|imagining ~2 my ~2 own ~1 suicide|death|funeral|grave / disappointed ~3 still ~1 alive|here|awake|woke", 0.85),
    ("so ~1 i ~1 will ~1 not / world ~3 where|without ~2 i|me ~2 exist|existing|in it / not ~2 good enough|worthy ~2 to ~1 be ~1 alive|live|exist|living / not ~1 deserve ~1 to ~1 be ~1 alive|here|live|exist", 0.75),
    ("thinking|thought|think|considering ~2 of|about ~1 jumping|overdosing|hanging|cutting|drowning / how ~1 high|far ~3 would|fall|drop / only ~1 take ~1 a ~1 second / climb ~2 over ~2 the ~1 rail|railing|edge|barrier", 0.8),
    ("remove|removing|delete|deleting|erase|erasing ~2 myself|me / removing ~2 the ~1 common ~1 thread / leave|leaving ~1 first ~2 for ~1 good / want ~2 to ~1 not ~1 exist / not ~1 to ~1 exist / nonexistent|non existent|unexist", 0.85),
    ("get|getting ~1 a ~1 knife ~4 myself|me|wrists|arm / voice ~4 telling ~1 me ~2 to ~2 die|kill|end|jump|hurt", 0.85),
    ("end|ending|endin ~1 it ~3 tonight|today|soon|now|week|weekend|all / end|ending ~1 my ~1 lfe|life|self", 0.9),
    ("self ~1 delete|deleting|deleted|destruct / unalived|unalives / myself ~1 delete|deleting", 0.9),
    // asking forgiveness in advance, notes meant for after, and quiet preparation
    ("do not ~1 hate|blame ~1 me ~2 for|4 ~1 what ~1 i ~2 do|am|will|gonna|going|about / do not ~1 read ~2 this ~2 until|till ~2 after / going ~1 to ~1 remove ~1 the ~1 problem", 0.85),
    ("not ~1 with ~1 him|her|them ~2 with ~1 everything|life|it all / not ~1 going ~1 to ~1 be ~1 here|around ~1 to ~1 see / not coming back ~4 ily|ilysm|love|goodbye|bye|sorry|forgive / drive ~4 not ~1 coming ~1 back", 0.85),
    ("whether|if ~1 it ~1 hurts ~2 to ~1 drown|die|hang|jump|bleed|overdose / planning|planned|plan ~2 my ~1 own|funeral / the ~1 big ~1 sleep / not ~1 enough ~3 got|grabbed|get ~2 the|a ~1 lighter|blade|razor|knife", 0.85),
    ("keeping|saving|collecting|hoarding ~3 them|pills|meds|tablets|antidepressants ~3 in ~1 a ~1 jar|drawer|box|bag / labelled|labeled|labelling ~3 them|everything|boxes ~3 for ~2 the ~1 people / better ~1 off ~1 with ~1 out ~1 me", 0.85),
    ("do not ~1 be ~1 mad|angry|upset ~2 at|with ~1 me ~2 for ~1 what ~1 happens|i / if ~2 reading ~1 this ~6 after / life ~1 insurance ~6 pays|pay|payout|cover|covers ~3 if|suicide / suicide|suicidal ~1 forum|forums|methods|method|site|sites", 0.85),
    ("broke ~3 months|days|weeks|years|month|year|day ~1 clean / took|taken|swallowed ~3 10|12|15|20|25|30|40|50 ~2 of|pills|tablets ~1 them|pills|tablets / if ~1 i ~1 was|were ~1 gone ~3 they|he|she|everyone|family|you ~2 could|would|can / all ~1 better ~1 off", 0.85),
    ("floor|window|ledge|balcony|bridge|tracks|platform ~12 how ~1 easy ~2 it / nobody|noone|one ~1 comes ~1 back ~1 from", 0.85),
    ("the ~1 plan ~1 is ~1 done|set|ready|final|made / letter|letters|note|notes ~1 is|are ~1 written|done|ready|finished / do not ~1 try ~1 to ~1 call|find|look|reach|stop", 0.6),
    ("thank|thanks ~2 for ~1 the ~1 memories / omw|way ~2 to ~1 the ~1 bridge|tracks|cliff|cliffs|roof|river", 0.4),
    ("will not ~1 bother|burden|trouble ~2 anyone|you|anybody|everyone ~2 after ~1 today|tonight|this|tomorrow / if ~1 i ~1 disappeared|died ~4 could|would ~1 finally / better ~1 off ~3 who ~1 is not ~1 me / if ~2 did not ~1 wake ~1 up", 0.85),
    ("dying|dead ~3 relief|peaceful|peace / whatever ~3 in ~1 the ~1 cupboard|cabinet|medicine / balcony|ledge|edge|bridge|railing|roof ~8 leaning|lean ~2 further|over|out / reading ~1 this ~8 not ~1 your ~1 fault / going to ~1 od / said no ~6 lie|lied|lying", 0.85),
    ("can ~1 have ~1 my ~1 guitar|records|jewellery|jewelry|car|things|stuff|clothes|books|bike|ring / bye|byee|byeee|goodbye everyone|everybody / note ~3 for ~1 whoever / passwords ~4 envelope", 0.6),
    ("see ~1 you ~1 on ~1 the ~1 other ~1 side / next ~1 step ~1 is ~1 me|myself / out ~1 of ~1 the ~1 picture ~2 for ~1 good / if ~1 i ~1 was|were ~1 out ~1 of ~1 the ~1 picture / walk|walking|swim|swimming ~2 into ~1 the ~1 sea|ocean|river|lake ~5 not ~1 stopping|stop|coming / read ~1 this ~6 forgive ~1 me / do not ~1 come ~1 looking", 0.85),
    ("bought|got ~1 rope", 0.8),
    ("not ~1 going ~1 on ~1 a ~1 trip|holiday / there ~1 is ~1 no ~1 trip|holiday / last ~1 things / phone ~1 code|passcode|password|pin ~4 fridge|note|envelope", 0.6),
    ("gave|give|giving ~2 my ~1 cat|dog|pets|rabbit ~3 to", 0.45),
    ("going|went|heading ~2 to ~1 the ~1 river|bridge|cliffs|cliff|tracks", 0.4),
    ("written|wrote|writing|write|recorded|recording|record|left|leaving ~3 letters|notes|videos|messages|note|letter|video ~4 to|for ~2 everyone|everybody|all|parents|family|kids|mom|mum|dad|sister|brother|partner|husband|wife|him|her / goodbye ~1 videos|video|letters|notes|messages|texts", 0.85),
    // shorthand, self-harm as the only relief, and wishes said through others
    ("sui ~1 ideation|thoughts|thought|attempt|attempts|urges|urge / si ~1 thoughts|urges|ideation / suicidal ~1 ideation", 0.9),
    ("cutting|cut|hurting|burning|harming ~2 only ~1 thing|way / cutting|harming ~1 makes|helps ~1 me ~2 feel|cope|calm", 0.88),
    ("can not|cannot|could not ~2 stay|be|keep|remain ~1 alive / stay|be ~1 alive ~2 without ~1 you|him|her|them", 0.9),
    ("free|happier|easier|fine|okay|ok|relieved ~2 if ~1 i ~1 was|were|died ~1 dead|gone / if ~1 i ~1 was|were ~1 dead", 0.88),
    ("walk|walking|swim|swimming|wade|wading ~2 into ~1 the ~1 sea|ocean|river|lake|water ~6 not|never ~3 back|out", 0.88),
    ("can not|cannot ~2 promise ~4 safe / i am not ~1 safe ~1 tonight|today|now|right / not ~1 sure ~1 i ~1 am|will|can|could ~3 safe", 0.88),
    ("roof ~1 access / tallest|highest ~1 building|buildings|bridge|bridges|car park|carpark ~8 roof|jump|top|access|high / calm|peaceful ~3 about ~1 dying|death", 0.6),
    // a family better off without "a mom like me", searching whether it hurts,
    // not coming back from the water, notes "in case", a party if I died
    ("better|happier ~2 without ~1 a ~1 mom|mum|dad|mother|father|wife|husband|partner|girlfriend|boyfriend|friend|sister|brother|son|daughter ~1 who|like", 0.85),
    ("googled|searched|google|googling|searching ~3 whether|if|how ~1 it ~1 hurts / sucided|sucidial|suicidel|suecide|sucicide|suiscide|suicided ~1 thoughts|thought|ideation|urges|again", 0.85),
    ("going|go|went|heading|driving|walking|drive|drove ~5 lake|river|sea|bridge|cliffs|cliff|tracks|woods|ocean|overpass ~8 not ~1 coming ~1 back / in case ~1 i ~1 am ~1 not ~1 here|around|alive", 0.85),
    ("party|celebrate|relieved|happier|happy|glad ~3 if|when ~1 i ~1 died|die|disappeared|vanished", 0.85),
    ("left|leaving|leave ~2 my ~1 phone|bank|laptop ~1 password|passwords|passcode|pin|details|logins|stuff ~8 for ~1 my|her|him|them", 0.6),
    // wishing to be hit, the one thing still holding on, a eulogy as preparation
    ("wish|hope|hoping|wishing|pray|praying ~3 truck|car|bus|train|lorry|someone ~3 hit|hits|run ~1 me|over / hope|wish|praying ~3 heart ~2 stops|stop|gives", 0.88),
    ("only ~1 thing|reason|one|person ~1 stopping|keeping|holding ~1 me ~3 is|are|here|alive|going|back / only ~1 taking ~1 up ~1 space|air|oxygen / taking ~1 up ~1 air|oxygen", 0.85),
    ("writing|wrote|write|planning|planned|picking ~2 my ~1 own ~1 eulogy|obituary|funeral / better|happier ~1 off ~1 with ~1 just|only ~3 sister|brother|kids|him|her|them", 0.85),
    // the lie to a clinician, the brain's voice, means bought "not for" their use,
    // the whole pack, not calling the line this time, a rail that would hold
    ("asked ~8 safe|thoughts|suicidal|hurting|harming ~4 lied|lie / lied ~2 and ~1 said ~1 no|fine", 0.85),
    ("brain|head|voice|voices ~4 says|tells|telling|saying|goes ~3 kys|die|kill / kys ~8 brain|head|voice|agree", 0.88),
    ("bought|got|buying|buy ~4 hose|charcoal|rope|tape ~8 not ~1 for", 0.85),
    ("take|taking|took|swallow|swallowed|swallowing ~2 the ~1 whole ~1 pack|bottle|box|packet|strip|lot", 0.88),
    ("crisis ~1 line|hotline|number|text|team ~10 not ~1 calling|call|ringing|texting / not ~1 calling ~2 this ~1 time", 0.85),
    ("over ~6 me ~1 included / not ~1 fine ~8 have ~1 a ~1 plan / have ~1 a ~1 plan ~8 not ~1 fine / let ~1 nature ~1 decide|take / stopped ~1 taking ~2 my ~1 insulin", 0.85),
    ("rail|beam|hook|pipe|bar|door|banister|loft ~4 hold ~2 my ~1 weight / insurance ~1 money|payout|policy ~10 from|without ~1 me / if ~1 anything ~1 happens ~1 to ~1 me ~8 password|passwords|passcode|will|insurance|letter|notebook", 0.85),
    ("unless ~1 i ~1 stop|die|go|end / wanting ~1 to ~1 die|disappear / saving|hoarding|stockpiling ~2 them|meds|pills|tablets ~2 for ~1 something|later|tonight|when|the / should not ~1 be ~2 anything|alive ~2 at ~1 all / should not ~1 exist", 0.88),
    ("sad ~6 then ~2 relieved|move|forget / please ~1 do not ~1 blame ~1 yourself|urself / sorry ~2 for ~1 leaving ~1 like ~1 this|you / if ~1 i ~1 disappeared|vanished|died ~6 nobody|noone|one ~6 notice|look|care|miss / balcony|ledge|roof|edge ~4 longer ~2 than ~1 i ~1 should / life ~1 insurance ~8 fresh ~1 start / already ~1 wrote|written ~1 the ~1 note / hurts ~6 want|wanna ~2 to ~1 end ~1 it|everything", 0.85),
    ("stop ~1 swimming|breathing ~3 want|wanna|starting|ready / want|wanna|starting|ready ~4 stop ~1 swimming|breathing / tired ~3 of ~1 hanging ~1 on|in / what ~1 if ~2 did not ~1 come ~1 back / just ~1 did not ~1 come ~1 back / for ~1 whoever ~1 comes|finds|gets|cleans", 0.85),
    ("after ~1 that|friday|tonight|today|tomorrow|monday|sunday ~3 will not ~1 matter / house|flat|place ~2 empty ~8 chance / need ~3 house|flat ~1 empty / peaceful|calm|light|lighter ~6 since ~2 decided|made ~2 my ~1 mind / tired ~2 of ~1 everything ~8 done / said ~3 i ~1 was ~1 moving|going|leaving ~6 not ~1 moving|going|leaving", 0.6),
];

/// Cues that count only when the text also speaks of losing the partner (a
/// break-up, being left, silence; see [`LOSS`]) outside the cue itself: "if you
/// go I'll end it", "I'll do something stupid if she leaves", "if he's gone I'm
/// gone too". Said on their own ("I'll end it if he lies again", "I'd rather die
/// than wear that") they are ordinary or hyperbole.
const CONTEXT_CUES: &[(&str, f32)] = &[
    ("i ~3 will|would|going|gonna|to|might ~2 end ~1 it|everything|things|{SELF} / end|ending ~1 it ~2 all|real|good|tonight|now / ending it", 0.9),
    ("do|doing ~1 something ~1 stupid|drastic|dumb|crazy|bad", 0.9),
    ("i ~3 will|would|going|gonna|to ~2 jump", 0.9),
    ("i am ~1 gone ~1 too|also / so am i", 0.9),
    ("not ~3 survive|surviving / make sure ~1 i ~1 do|will ~1 not / i will not ~1 make ~1 it", 0.9),
    ("done|gone ~1 for ~1 good / i am done ~2 living|forever|with ~1 everything|it ~1 all", 0.9),
    ("rather ~1 die|died / can not ~1 live|survive|exist ~2 without / want|wanna|going ~2 to ~1 end ~1 it", 0.9),
    ("standing|stand|sitting|sat|climbed ~3 on|at|onto ~2 bridge|ledge|roof|rooftop|railing|railings|tracks", 0.9),
    ("kms|kill ~1 {SELF}|me", 0.9),
];

/// Losing the partner: the context that turns [`CONTEXT_CUES`] into risk.
/// Cheating or lying are not in it ("if he cheats I'm ending things" is about the
/// relationship).
const LOSS: &str = "if|when|once|after|since|cause|because ~3 leave|leaves|left|leaving|go|goes|gone|dump|dumps|dumped|break|breaks|broke|breakup|over|ghost|ghosts|ghosted|block|blocks|blocked|lose|loses|lost|marry|marries|married \
    / if|when|once ~3 finish|finishes|end|ends ~1 it|things|us \
    / done ~1 with ~1 me|us \
    / without ~1 him|her|you|them|my|u \
    / he|she|they|you ~1 left|dumped|blocked|ghosted|broke \
    / broke|break|breaking ~1 up / breakup|divorce / lose|losing ~1 him|her|you|them|my \
    / not ~3 text|answer|answers|reply|replied|replying|answering|call|calls|come|coming ~1 ?back|home \
    / we are|were ~1 over|done / see|seeing ~3 with ~1 someone|somebody|another|anyone \
    / says|said ~1 no|goodbye";

/// Words that put a sentence in the present: a past-tense look-alike does not
/// excuse it.
const PRESENT: &str = "again / still / tonight / lately / these days / right now / feel|feeling ~2 same / keep|keeps ~1 wanting|thinking|hoping|wishing / want|wanna ~2 try|to ~1 again|die|end / just ~1 wish|want|wanna|hope / stopping|keeping|holding ~1 me / lied|lying / truth ~1 is / but ~1 now / now ~2 every";

/// Look-alikes: a cue overlapping one of these is not counted. Entries starting
/// with `SENTENCE:` excuse every cue in the same sentence (the past, recovery,
/// denial, other people and the news). Entries starting with `JOKE:` are laughter markers; they do not excuse a self-directed threat
/// in the context of losing the partner ("kms if he leaves lol"). Entries starting
/// with `OTHER:` are about someone else; they do not count when the person
/// themselves ("i") is inside the match ("if she leaves I want to die").
const LOOKALIKES: &[&str] = &[
    // hyperbole and idioms
    "die|died|dying|dead ~2 of|from|laughing|laughin ~1 embarrassment|laughing|cringe|boredom|shame|excitement|laughter|happiness|cuteness|jealousy|hunger|heat / dying to|for / is|was|are|were|looks|look|smells|smell|tastes|taste|sounds ~2 to die for / killing it / i am dead|ded ~1 lol|lmao|haha|hahaha|lmfao",
    "kill|killing|kills ~1 me ~3 lol|lmao|haha|if|when / killing me / will kill me / is killing me / are killing me",
    "dead ~1 tired|serious|wrong|end|battery|phone / deadline|deadlines",
    "JOKE:i am dead|ded ~1 lol|lmao|haha|hahaha|lmfao / kill me ~3 lol|lmao|haha",
    "dying ~1 laughing / phone|battery|plant|plants ~2 dying|dead|died",
    "JOKE:kmsl / kms ~1 laughing / kms ~10 lol|lmao|haha|lmfao / lol|lmao|haha ~2 kms",
    "going to ~1 die ~1 if|of|from|when|lol|laughing",
    "be here ~1 at|in ~1 this|the ~1 party|meeting|office|place|room|house|city|class|job / used to ~2 self|cut|harm",
    "killing ~1 {SELF} ~3 laughing|laughter|gym|work|working|workout / work|working ~1 {SELF} ~1 to death / laughing|laughed {SELF}",
    "cut ~1 {SELF} ~3 shaving|cooking|chopping|on|accident|accidentally|while|slack|off",
    "burn|burned|burnt ~1 {SELF} ~2 cooking|on|with|at|out",
    "hit ~1 {SELF} ~2 on|with|against|door|head|the",
    "hurt ~1 {SELF} ~3 gym|running|playing|lifting|working|skiing|falling|cooking|training|football|soccer",
    // other people, fiction and news
    "OTHER:he|she|they|friend|bff|bestie|bf|gf|boyfriend|girlfriend|husband|wife|partner|roommate|nephew|niece|brother|sister|mom|dad|mother|father|cousin|someone|somebody|character|guy|girl|kid|son|daughter|people|student|students|celebrity|singer|actor|neighbor|coworker|colleague|patient ~4 want|wants|wanted|wanting|posted|posts|texted|wrote|said|says|tried|is|was|were|attempted|committed|talks|talked|thinking|feels ~4 die|dead|suicid*|kill|hurt|harm|end|self|jump|unalive|disappear",
    "himself|herself|themselves|themself|yourself",
    "kill|killing|kys|hurt ~1 you|him|her|them|yourself",
    "suicide|suicidal ~1 squad|bomb*|prevention|hotline|rate|rates|awareness|doors|mission|run|drill|movie|song|documentary|statistics",
    "movie|show|book|song|article|news|documentary|episode|series|podcast|character|story|history ~4 suicid*|die|dies|died|kill*|death",
    "suicid* ~3 movie|show|book|song|article|news|documentary|episode|series|podcast|character|story|lyrics",
    "died ~1 by ~1 suicide / lost ~3 to ~1 suicide / suicide ~1 of ~1 a|his|her|my ~1 friend|brother|sister|cousin|uncle|aunt|dad|mom",
    "how to help / how can i help / worried about ~1 my|him|her|them",
    // plain denials
    "not|never ~1 suicidal / i am not ~2 going to ~2 hurt|kill|harm ~1 {SELF} / never ~2 hurt|kill|harm|cut ~1 {SELF}",
    "afraid|scared ~2 of ~1 dying / worried ~2 about ~1 dying",
    // ordinary phrases with risky words in them
    "take|taking ~1 my ~1 life ~1 back|seriously|into|in / end ~1 my ~1 life ~1 sentence",
    "end it ~1 with ~1 him|her|them|my / end|ending ~1 things ~1 with",
    "take ~1 it|this ~1 anymore ~1 lol",
    "what is the point ~2 of ~2 meeting|meetings|asking|texting|arguing|talking|going|studying|cleaning|dating|buying",
    "disappear ~3 cabin|island|beach|weekend|week|day|while|bit|few|hour|hours|trip|month|holiday|vacation",
    "pills|pill ~4 headache|allergies|birth|vitamins|cold|pain|back|anxiety|sleep|adhd|prescribed|doctor",
    "birth|vitamin|vitamins|allergy|headache|sleeping ~2 pills|pill",
    "live|living ~1 with|together / live|living ~1 in ~1 this|the|that|a|our ~1 city|town|house|apartment|place|country|area|flat|dorm",
    "be|being ~1 here|around ~1 when|while|for|during",
    "something ~1 stupid|dumb|crazy ~1 like",
    "done ~1 living ~1 with|in|at|together",
    "how to kill time / to myself ~1 lol|finally|tonight|tho / bed ~1 to ~1 myself",
    // the past, recovery and denial: these excuse every cue in their sentence
    "SENTENCE:used|use ~1 to / as ~1 a ~1 teen|teenager|kid|child / when ~1 i ~1 was ~1 younger|young|a|in|at|16|15|14|17|18|19|teen|teenager|kid|little / i ~1 was|went ~2 through / at ~1 13|14|15|16|17|18|19|20 / in ~1 high ~1 school|college / in my teens / years|year|months ~1 ago / last ~1 year|month / a ~1 year ~1 ago / old ~1 me|urge|feeling / old ~3 scars / clean ~3 from|for / have not|never ~3 in ~2 ages|years|months|a year / since ~1 i ~1 acted / in ~1 recovery / recovered|survives|survived / remember ~1 being / not ~1 suicidal / said ~1 no / no ~1 thoughts ~2 of / i ~1 mean ~2 the|this|at",
    "SENTENCE:news|article|book|movie|film|show|documentary|song|story|episode|podcast|narrator|character|funeral / singer|celebrity|actor|cousin|friend|partner|boyfriend|girlfriend|husband|wife|coworker|uncle|aunt ~3 overdosed|relapsed|attempted|died|joked",
    // everyday objects and phrases
    "razor|razors|blade|blades ~5 shaving|shave|legs|leg|neck|beard|face|craft|knife|model|stealing|new|bought|buy|labeling|pencil|sharpener / shaving|shave ~5 razor|razors|blade|blades",
    "end|ending ~2 my|the|our|this ~1 subscription|membership|lease|contract|plan|streak|shift|day|call|meeting|relationship|marriage|friendship|trip|season|tenancy|account / ending ~1 it ~2 with ~1 my|him|her|them",
    "wake|waking ~1 up ~2 early|at|for|so|this|on|before / going ~1 to ~1 die ~3 if ~1 i|this|that|he|she / phone|battery ~4 die|dying|dead|died / one ~1 more ~1 time ~6 die|dying|dead|kill / chocolate|pizza|cake|sugar|candy ~3 overdose|overdosed / overdosed|overdose ~2 on ~1 chocolate|sugar|coffee|caffeine|netflix|cake|pizza|candy",
    "jump|jumping ~3 out ~1 the ~1 window ~3 if|meeting|lol / suicide|sucide ~1 squad",
    "end ~1 it ~2 with|between|for ~1 us|him|her|them|good|real",
    "SENTENCE:never ~2 send|sent|sending / did not ~1 send / unsent",
    "OTHER:he|she|they|husband|wife|boyfriend|girlfriend|partner|friends|family ~3 not ~1 want ~1 to ~1 be ~1 around|here|with|near",
    "go|going ~1 on ~1 holiday|holidays|vacation|trip|a|the|tour|dates|date|walks|walk|runs|strike|leave|break",
    "cut|cutting ~3 my|a|her|his ~2 hair|fringe|bangs|nails|lawn|grass / cut|cutting ~1 ties|back|down|out|corners|class|costs",
    "SENTENCE:instead ~1 of ~1 hurting|cutting|harming|burning / helped|helps ~1 me ~1 stop / since ~2 i ~1 last ~1 hurt|cut|harmed / rabbit|dog|cat|pet|hamster|vet|plant|fish",
    "be|being ~1 here ~2 i ~1 mean|meant / by ~1 here ~1 i ~1 mean / at ~1 this ~1 company|job|school|apartment|house|party",
    // everyday plans and chores that share words with preparation and goodbyes
    "giving|gave|give ~1 away ~8 charity|moving|declutter|decluttering|donation|donate / take ~3 them|it|everything ~2 to ~1 the ~1 tip|dump|recycling|charity|shop|bin",
    "date ~8 wedding|proposing|propose|dinner|party|venue|holiday|trip|concert|housewarming",
    "last ~1 entry|msg|message|post ~3 before|b4|for ~2 the|this|i ~1 holiday|holidays|week|weekend|sleep|bed|trip|vacation|month|today|tonight",
    "last time ~2 i ~1 am ~2 lending|giving|paying|covering|doing|helping|driving|buying|chase|chasing|beg|begging|wait|waiting / sorry for what ~8 kitchen|lasagne|recipe|cooking|baking|singing|karaoke|haircut",
    "letter|letters|notes|note ~6 grandma|granny|grandpa|nan|lunchbox|lunchboxes|bday|birthday|90th|presents|thank|penpal",
    "new|bought|buy|got ~2 razor|razors / razor|razors ~8 rash|bumps|irritation / rope ~4 tarp|camping|tent|climbing|swing|washing|skipping",
    "live|living ~3 without|w/o|wo ~2 coffee|tea|chocolate|music|wifi|phone|netflix / live ~4 coffee|tea|chocolate|wifi|netflix / wake|waking ~1 up ~1 late|tired|sick|hungover",
    "be|b ~1 here ~4 party|meeting|wedding|dinner|club|bar|event|concert|reunion",
    "roof ~6 stars|sunset|roommate|friends|beer|fireworks / dead ~2 by ~1 daylight / got|was|gets ~1 unalived",
    // hyperbole about small things
    "self destruct ~2 my|the ~1 whole|diet|weekend|saturday|sunday|budget / throw|throwing ~1 {SELF} ~3 sofa|couch|bed|chair|pool|into",
    "wedding|planning|exam|exams|commute|homework|deadline|traffic|meeting|meetings|album|song|track|finale|episode|season|heat|weather|show|project ~6 end|kill ~1 me / heat|weather|humidity|sun ~3 unalive|unaliving|killing / kill ~1 {SELF} ~2 if ~3 meeting|class|lecture|exam|call|traffic",
    "kms ~6 printer|exam|exams|paper|papers|homework|class|wifi|traffic|meeting|project / kms ~4 called|said|sent|forgot|tripped|waved|texted|liked",
    "die|dead ~4 cringe|cringey|embarrassing|awkward / could ~1 just ~1 die ~6 waved|embarrassing|embarrassed|cringe|awkward|saw|seen|heard|read|found",
    "if ~1 i ~1 fail|lose|miss ~8 going to|gonna ~1 die",
    "cut|cutting ~6 slicing|chopping|peeling|onion|onions|vegetables|carrots",
    "exist ~1 in ~1 the ~1 same / exist|existing ~1 on ~1 social|instagram|tiktok|twitter|facebook|online / be gone ~2 from ~1 this|the ~1 city|town|place|job|house|country|office",
    "done ~2 with ~1 this|the ~1 argument|dishes|exam|season|class|job|show|course|project|homework|commute|weather / done ~1 with ~1 dating|apps|tinder|hinge|bumble|men|guys",
    "burden ~8 hip|knee|operation|surgery|insist",
    "not ~1 going to|gonna ~1 hurt|kill|harm ~1 myself / sucide|suicde ~1 prevention|awareness",
    "SENTENCE:series|scene|tv",
    "self ~1 harm ~1 free|clean / painless ~2 ways|way ~2 to ~1 remove|get|take|fix|clean|pull|tell|do / do not ~1 come ~1 looking ~8 mall|shops|shopping|bar|pub|gym|library|party / rope ~4 clothesline|garden|boat|tent|pegs|washing|swing / celebrity|celebritys|singer|actor|rapper|star ~3 overdose|overdosed / delete|deleting ~1 {SELF} ~2 from ~1 the ~1 internet|socials|apps|app",
    "project|exam|exams|job|wedding|kids|commute|meeting|class|homework ~8 end ~1 of ~1 me / project|exam|exams|homework|class|meeting ~6 kms / i do not want to die",
    "burden ~3 asking|asks|ask|reassurance / done ~2 with ~1 his|her|their ~1 excuses|lies|games|crap|drama|nonsense / goodbye ~1 letter|note ~2 to ~1 my ~1 ex|past|old / world ~2 ending|end|ended",
    "one ~1 more ~8 going to|gonna ~1 die / did not ~1 wake ~1 up ~1 in|on ~1 time / wake ~1 up ~1 in|on ~1 time",
    "SENTENCE:asked|asks ~2 if ~1 i ~2 ever|have|had|am ~3 think|thinking|thoughts",
    "he|she|they ~2 leaving|left|gone ~1 for ~1 good",
    // denials and recovery said in a log or a check-in
    "no ~1 i ~1 do not ~2 want to ~1 die / thoughts ~1 of ~1 self ~1 harm ~2 none|no|nope|zero / days|weeks|months|years ~2 without|free ~2 self|harm|cutting|hurting / days|weeks|months|years ~1 with ~1 no ~1 self|cutting|harm / no ~1 self ~1 harm|harming",
    "SENTENCE:years|months|year ~1 since",
    // jokes and hyperbole in internet words
    "JOKE:self delete ~10 lol|lmao|haha / unalive ~1 me ~1 from / want to die ~2 i ~1 just ~1 sent|called|said|waved|texted|liked",
    "sewerslide ~5 word|tiktok|google|googled|meant|means / sewer slide ~5 word|tiktok|google|googled|meant|means",
    "last ~1 entry ~8 fresh|new ~1 one|notebook|journal|diary|book",
    // laughter, lyrics, other people's words, work stories and chores
    "die|dying|died ~1 laughing|laughin / song|lyric|lyrics|chorus ~3 goes|says|go|sings ~4 die|dead|kill",
    "OTHER:he|she|they|mum|mom|dad|boss|ex ~2 said|says|told|thinks|thought ~4 better ~1 off ~1 without ~1 me",
    "not ~1 done ~2 with ~1 life|living|everything / done ~1 cleaning|cooking|doing|tidying|picking|paying|working|studying|washing|carrying|covering|being ~1 the|up|after|everyone|everything",
    "overdose|overdoses ~1 stories|story|patients|patient|cases|case|rates|rate|crisis|deaths|epidemic|awareness|training|kit|kits|reversal / nurse|doctor|paramedic|er|medic ~6 overdose|overdoses",
    "ending it ~12 break ~1 up|breakup / break ~1 up ~12 ending it",
    "last ~1 entry|msg|message|post ~3 before|b4 ~2 holiday|holidays|vacation|trip|break|surgery|bed|camp|flight|wedding|move|exams|baby|birth",
    "OTHER:teen|teenager|child|kid|kids|son|daughter|flatmate|roommate|partner|bf|gf|boyfriend|girlfriend|husband|wife|student ~3 is|are|was|has|been ~3 self|harming|cutting|suicidal / worried ~1 my|that|about ~6 self ~1 harming",
    // the past said plainly, blankets and dating pools, lines from a poem
    "used ~1 to ~1 think|feel|believe|say|wish|want|wanna ~8 die|dead|better|without|kill|end|gone|exist|alive|here",
    "disappear ~4 blanket|duvet|covers|bed|sofa|couch|room|hole|book|garden",
    "JOKE:jump|jumping ~1 off ~6 lol|lmao|haha|jk|lmfao / one ~1 more ~8 jump|jumping",
    "jump|jumping ~3 pool|dating|bandwagon|conclusions|queue|shower|bed|car|train|call|zoom",
    "SENTENCE:poem|poems|poetry|novel|essay|quote|quoting|lyric|lyrics",
    "not coming back ~2 until|till|before|til|for",
    // done with a person, overtime, busy months, jokes about others, words said to me
    "done ~1 with ~1 him|her|them|men|guys|dating|waiting|lies|games|cheating / done ~1 with ~1 the|this|his|her ~1 lying|lies|excuses|relationship|games|drama|nonsense",
    "killing ~1 {SELF} ~4 overtime|shifts|studying|revision|training|hours|job|extra",
    "be ~1 around ~1 much / around ~2 this|next ~1 week|month|weekend|term|semester",
    "unalive|unaliving ~1 her|him|them|his|my|the|their|your",
    "can not|cannot ~1 live ~2 without ~1 me",
    "thought ~2 i ~1 was ~1 going to|gonna ~1 die",
    // times long past, chores and weeks, plants, duvets, grandparents, hangovers,
    // cupboard doors, heart attacks, venting, eulogies as homework
    "SENTENCE:back ~1 in ~1 19*|20*|high|college|uni|school / back ~1 then|when",
    "want|wanted ~2 this|the ~1 week|day|shift|semester|month|year|meeting|exam|term|trip|flight|weekend ~2 to ~1 be|end ~1 over",
    "keep ~2 anything|plants|plant ~1 alive / fern|plant|plants|cactus|basil|succulent|orchid|houseplant ~6 alive|dead|dying|died",
    "done ~1 with ~1 trying ~2 to ~1 make|change|fix|save|convince|please / a ~1 small|little ~1 death",
    "bury|burying ~1 {SELF} ~3 duvet|blanket|covers|work|books|bed|pillows|sand",
    "nan|nana|gran|granny|grandma|grandad|grandpa|grandmother|grandfather ~4 saying|says|said|keeps ~6 around|here|forever",
    "hangover|hungover ~8 die|dying|dead / die|dying|dead ~8 hangover|hungover",
    "hit|hitting|bumped|banged ~1 my ~1 head ~3 on|against ~1 the|a ~1 cupboard|door|shelf|cabinet|ceiling|car|beam|table / heart ~1 attack",
    "hiding|hide|hid ~3 razors|razor|blades|knives|pills|meds|medicine ~3 from ~2 toddler|kids|baby|children|son|daughter|dog|cat|puppy / kids|kid|son|daughter|cat|dog|ball|frisbee ~6 roof / roof ~6 ball|frisbee|gutter|gutters|leak|tiles|repair",
    // hyperbole with a trivial cause, Mondays, cliff diving, the ground floor, others' words,
    // pills with food, old scars, illness, memes, parties
    "so|too|was ~2 embarrassed|embarrassing|boring|bored|awkward|cringe|cringey|humiliated|mortified ~3 i ~1 want|wanted|wanna ~2 to ~1 die / embarrassed|mortified|humiliated ~3 i ~1 want|wanted|wanna|could ~2 to|just ~1 die",
    "wake ~1 up ~4 because|cause|bc|cos ~3 monday|work|school|meeting|exam|class|shift / ground ~1 floor / cliff ~1 diving|jumping|jump / jump|jumping ~6 lake|pool|river|water|sea ~4 trip|diving|swim|swimming|boys|friends|girls",
    "he|she|they ~1 said|says|goes ~2 i ~1 could ~1 just ~1 die / pills|pill|meds|tablets ~3 with ~1 food|water|meal|breakfast|dinner / empty ~1 stomach / make ~1 it ~2 to ~2 the|a|his|her|your ~1 party|meeting|dinner|wedding|class|game|show|gym|event",
    "SENTENCE:scars ~4 old|faded|healed|white / diagnosis|palliative|hospice|terminal|oncologist|chemo / meme|memes|tiktok|tweet|reel",
    "meme|memes|tiktok|tweet|reel ~8 die|dead|kill|killing|unalive",
    "burden ~3 when ~1 i ~1 vent|talk|ask|complain|cry|sick|ill|unwell|injured|recovering / not ~1 a ~1 burden / therapist|counsellor|counselor|coach|class|exercise ~8 eulogy|obituary / eulogy|obituary ~6 exercise|assignment|class|homework",
];

struct Compiled {
    cues: PatternSet,
    context_cues: PatternSet,
    loss: PatternSet,
    lookalikes: PatternSet,
    look_kind: Vec<LookKind>,
    present: PatternSet,
}

#[derive(Clone, Copy, PartialEq)]
enum LookKind {
    Plain,
    Joke,
    Other,
    /// Excuses every cue in its sentence (the past, recovery, denial, news).
    Sentence,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let expand = |s: &str| s.replace("{SELF}", SELF);
        let cues: Vec<String> = CUES.iter().map(|(p, _)| expand(p)).collect();
        let ctx: Vec<String> = CONTEXT_CUES.iter().map(|(p, _)| expand(p)).collect();
        let mut looks = Vec::new();
        let mut look_kind = Vec::new();
        for p in LOOKALIKES {
            let (kind, body) = if let Some(b) = p.strip_prefix("JOKE:") {
                (LookKind::Joke, b)
            } else if let Some(b) = p.strip_prefix("OTHER:") {
                (LookKind::Other, b)
            } else if let Some(b) = p.strip_prefix("SENTENCE:") {
                (LookKind::Sentence, b)
            } else {
                (LookKind::Plain, *p)
            };
            looks.push(expand(body));
            look_kind.push(kind);
        }
        Compiled {
            cues: PatternSet::new(cues.iter().map(String::as_str)),
            context_cues: PatternSet::new(ctx.iter().map(String::as_str)),
            loss: PatternSet::new([LOSS]),
            lookalikes: PatternSet::new(looks.iter().map(String::as_str)),
            look_kind,
            present: PatternSet::new([PRESENT]),
        }
    })
}

fn overlaps(a: &Hit, b: &Hit) -> bool {
    a.start < b.end && b.start < a.end
}

/// What the rules found in a text: the cues that counted (after look-alikes) and
/// the look-alikes that fired.
#[derive(Debug, Default)]
pub struct Findings {
    /// (cue id, weight, token range start, end); ids of [`CONTEXT_CUES`] follow
    /// those of [`CUES`].
    pub cues: Vec<(usize, f32, usize, usize)>,
    /// Ids of the look-alike patterns that fired.
    pub lookalikes: Vec<usize>,
    /// Whether the text speaks of losing the partner.
    pub loss: bool,
}

impl Findings {
    /// The rules' own score: `1 - prod(1 - weight)` over the cues that counted.
    pub fn score(&self) -> f32 {
        1.0 - self.cues.iter().map(|c| 1.0 - c.1).product::<f32>()
    }
}

/// Runs the rules over a tokenized text.
pub fn find(toks: &[Token]) -> Findings {
    let c = compiled();
    let loss = c.loss.hits(toks);
    let sents = sentences(toks);
    let looks: Vec<Hit> = c
        .lookalikes
        .hits(toks)
        .into_iter()
        .filter(|l| match c.look_kind[l.id] {
            LookKind::Plain => true,
            // ... unless the same sentence says it is happening now ("i tried last
            // year and i want to try again").
            LookKind::Sentence => sents
                .iter()
                .find(|r| r.contains(&l.start))
                .is_none_or(|r| c.present.hits(&toks[r.clone()]).is_empty()),
            LookKind::Joke => loss.is_empty(),
            LookKind::Other => !toks[l.start + 1..l.end].iter().any(|t| t.word == "i"),
        })
        .map(|mut l| {
            // A sentence-wide look-alike covers its whole sentence.
            if c.look_kind[l.id] == LookKind::Sentence {
                if let Some(r) = sents.iter().find(|r| r.contains(&l.start)) {
                    l.start = r.start;
                    l.end = r.end;
                }
            }
            l
        })
        .collect();
    let mut out = Findings {
        lookalikes: looks.iter().map(|l| l.id).collect(),
        loss: !loss.is_empty(),
        ..Findings::default()
    };
    let context = c.context_cues.hits(toks).into_iter().filter_map(|mut h| {
        let in_context = loss.iter().any(|l| !overlaps(l, &h));
        h.id += CUES.len();
        in_context.then_some(h)
    });
    for h in c.cues.hits(toks).into_iter().chain(context) {
        if looks.iter().any(|l| overlaps(l, &h)) || out.cues.iter().any(|c| c.0 == h.id) {
            continue;
        }
        let w = match CUES.get(h.id) {
            Some(cue) => cue.1,
            None => CONTEXT_CUES[h.id - CUES.len()].1,
        };
        out.cues.push((h.id, w, h.start, h.end));
    }
    out
}

/// The cues that counted, as (weight, token range) pairs; for explanations and tests.
pub fn evidence(text: &str) -> Vec<(f32, usize, usize)> {
    find(&tokenize(text))
        .cues
        .into_iter()
        .map(|(_, w, a, b)| (w, a, b))
        .collect()
}

/// The rules' score of a text (0..1); 0.5 and above counts as risk on its own.
pub fn score(text: &str) -> f32 {
    find(&tokenize(text)).score()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_explicit_indirect_and_slang() {
        for t in [
            "I want to kill myself",
            "i wanna die",
            "kms",
            "everyone would be better off without me",
            "i dont want to be here anymore",
            "thinking about unaliving myself tbh",
            "im so sucidal lately",
        ] {
            assert!((score(t) >= 0.5), "{t}");
        }
    }

    #[test]
    fn ignores_look_alikes() {
        for t in [
            "this deadline is killing me",
            "i could kill him lol",
            "I almost died of embarrassment",
            "my friend said she wants to die and I want to help her",
            "watched a documentary about suicide prevention",
            "I'm scared he will leave me",
            "I'm not suicidal, just really sad today",
        ] {
            assert!(score(t) < 0.5, "{t}: {:?}", evidence(t));
        }
    }

    #[test]
    fn conditional_and_relationship_framed() {
        for t in [
            "If she leaves I want to kill myself",
            "if he leaves me i'll kill myself",
            "if we break up i dont want to live",
            "without her whats the point of living",
            "i'd rather die than lose him",
            "if you go i'll end it",
            "i'll do something stupid if she leaves",
            "i want to disappear forever",
            "kms if he leaves lol",
            "i cant live without him, if he leaves im done for good",
        ] {
            assert!((score(t) >= 0.5), "{t}: {:?}", evidence(t));
        }
        for t in [
            "i'd die for a pizza",
            "if he leaves the dishes again i'll kill him lol",
            "this wait is killing me",
            "i'm dying to see her",
            "i'll end it if he lies to me again",
            "i cant live without him",
            "kms my boss just scheduled another meeting lol",
        ] {
            assert!(score(t) < 0.5, "{t}: {:?}", evidence(t));
        }
    }

    /// Everyday plans, logs and jokes that share words with risk, next to the risky
    /// wording each look-alike must leave alone.
    #[test]
    fn everyday_look_alikes_leave_risk_alone() {
        for t in [
            "picked out a date for our anniversary dinner, fri!!",
            "Writing notes to my kids for their lunchboxes is my favourite part of the morning.",
            "got the rope n tarp for the camping trip, u bring the tent",
            "Mood 3/10. Thoughts of self-harm: none. Sleep: 5 hours.",
            "Passed 500 days without self harm. Got a little cake.",
            "This is my last entry in this notebook, starting a fresh one tomorrow!",
            "hope i dont wake up late tmrw, set 3 alarms",
            "I cut my hand last night slicing onions, deeper than I meant to.",
            "18 months with no self-harm. Told my new partner about the scars.",
            "my coworker said \"i'm gonna kill myself if this meeting runs over\" and we laughed",
            "I panicked that he was leaving for good. He came back with chips.",
            "My therapist asked if I ever think about hurting myself. I said no and it was true.",
            "got a new tattoo over my old self harm scars, it's a sunflower",
            "Last day at my old job today. Said goodbye to everyone and cried a bit.",
            "we had our first real fight today and i thought the world was ending. it wasn't.",
            "I googled painless ways to remove a splinter",
            "Bought rope for the new clothesline and some pegs.",
            "Six months self-harm free today!! Put a gold star on the calendar.",
            "I don't want to die, I want him to want me back.",
        ] {
            assert!(score(t) < 0.5, "{t}: {:?}", evidence(t));
        }
        for t in [
            "I picked a date: the 14th, our anniversary.",
            "bought blades today",
            "5 days clean and i just want to cut so bad",
            "I relapsed on self-harm after eight months clean.",
            "this is my last entry",
            "i hope i dont wake up tomorrow",
            "pls dnt hate me 4 what i do 2nite",
            "Please don't read this until after. I love you.",
            "gonna go for a drive. not coming back. ily guys",
            "evryone wud be beter off wit out me",
            "Broke 9 months clean tonight.",
            "my hands r shaking. took like 15 of them",
            "by the time you read this I'll be at peace",
            "gonna od this weekend when my roommate goes home",
            "relapsed. 14 cuts. i stopped counting after that",
            "Sorry for being such a mess. I won't bother anyone after today.",
            "wat if i just didnt wake up lol. genuinely would be nice",
            "been on the balcony for an hour. leaning a bit further each time",
            "see u on the other side i guess. tell mia i loved her",
            "bought rope today. told the guy it was for camping",
            "iv been cutin again, ppl r gonna see at the beach",
            "I picture walking into the sea and just not stopping.",
            "he said hes leaving me for good. fine. im leaving too. the kind nobody comes back from",
        ] {
            assert!(score(t) >= 0.5, "{t}: {:?}", evidence(t));
        }
    }

    #[test]
    fn weak_cues_add_up() {
        assert!(score("I can't do this anymore") < 0.5);
        assert!(score("i can't do this anymore. i hate being alive") >= 0.5);
    }
}

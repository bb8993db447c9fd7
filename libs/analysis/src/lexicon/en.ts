/**
 * AFINN-style English lexicon (integers -3..3 like AFINN, written for this
 * project, not copied). It is the rule floor and the English baseline.
 */
const WORDS = `good 2|great 3|excellent 3|amazing 3|awesome 3|love 3|loved 3|loves 3|like 1|liked 2|nice 2|best 3|
better 1|perfect 3|fantastic 3|wonderful 3|happy 2|glad 2|pleased 2|satisfied 2|recommend 2|recommended 2|
delicious 3|tasty 2|fresh 1|friendly 2|helpful 2|fast 1|quick 1|easy 1|fine 1|cool 1|beautiful 3|fun 2|
enjoy 2|enjoyed 2|impressed 3|impressive 3|favorite 2|favourite 2|thanks 1|thank 1|superb 3|brilliant 3|
solid 1|reliable 2|comfortable 2|works 1|worked 1|worth 2|incredible 3|outstanding 3|lovely 3|sweet 2|
clean 1|affordable 1|smooth 2|yummy 3|exceptional 3|pleasant 2|polite 2|courteous 2|attentive 2|win 2|
excited 2|exciting 2|hope 1|wow 2|yay 2|lol 1|haha 1|congrats 2|congratulations 2|beautifully 3|
bad -3|terrible -3|awful -3|horrible -3|worst -3|poor -2|hate -3|hated -3|disappointed -2|disappointing -2|
disappointment -2|waste -2|wasted -2|broken -2|broke -2|slow -2|rude -3|dirty -2|cold -1|bland -2|
useless -3|junk -3|garbage -3|crap -3|sucks -3|sucked -3|suck -3|annoying -2|annoyed -2|angry -3|mad -2|
upset -2|sad -2|unhappy -2|problem -1|problems -1|issue -1|issues -1|fail -2|failed -2|fails -2|failure -2|
refund -1|scam -3|fraud -3|stupid -3|ridiculous -2|unacceptable -3|mediocre -1|overpriced -2|expensive -1|
avoid -2|never -1|complaint -1|complain -1|wrong -2|error -2|bug -2|crash -2|crashes -2|crashed -2|
lag -1|late -1|delayed -2|missing -2|damaged -2|defective -3|stale -2|gross -3|nasty -3|disgusting -3|
boring -2|lame -2|pathetic -3|lousy -3|shit -3|fuck -3|fucking -2|damn -2|wtf -3|ugh -2|sorry -1|
sick -2|pain -2|hurt -2|dead -2|died -2|lost -2|lose -2|sadly -2|unfortunately -2|uncomfortable -2|
cheap -1|flimsy -2|mess -2|worse -3|weak -2|hard -1|difficult -1|confusing -2|confused -1|
frustrated -2|frustrating -2|hell -2|shame -2|poorly -2|insult -3|insulting -3|incompetent -3|
nightmare -3|joke -2|trash -3|hack -1|hacked -3|leak -2|stolen -3|fear -2|worried -2|worry -2`;

export const EN_DEGREE: Record<string, number> = {
  very: 1.5, extremely: 2, really: 1.4, so: 1.4, too: 1.5, super: 1.6, incredibly: 1.8, totally: 1.5,
  absolutely: 1.8, completely: 1.6, most: 1.5, quite: 1.2, pretty: 1.1, highly: 1.6, truly: 1.5,
  slightly: 0.5, somewhat: 0.6, bit: 0.6, little: 0.6, kinda: 0.7, rather: 0.8,
};

export const EN_NEGATORS = new Set(['not', 'no', 'never', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt',
  "isn't", 'isnt', "wasn't", 'wasnt', "aren't", 'arent', "won't", 'wont', "can't", 'cant', 'cannot', 'nothing',
  'nobody', 'neither', 'nor', "couldn't", 'couldnt', "wouldn't", 'wouldnt', "shouldn't", 'hardly', 'without']);

export const EN_CONTRAST = new Set(['but', 'however', 'although', 'though', 'yet', 'except']);

export const EN_LEXICON: Map<string, number> = new Map(
  WORDS.split('|').map((item) => {
    const [w, s] = item.trim().split(/\s+/);
    return [w!, Number(s)] as [string, number];
  }),
);
